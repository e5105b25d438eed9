--TEST--
shop_setup_session(): several accounts with one address is an ambiguous_email error listing them
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Two accounts share the address (allowaccountssameemail): never pick one.
$m = SessionModel::standard();
$m->addUser('twin@x.example', 'twin1', ['id' => 501]);
$m->addUser('TWIN@x.example', 'twin2', ['id' => 502]);
$p = session_plan($m, session_order(['student' => ['twin@x.example' => ['T', 'W']]]));
echo session_issues($p);
var_dump($p['participants'][0]['userid'], count($p['operations']));
?>
--EXPECT--
error ambiguous_email p1: "twin@x.example" (student): several accounts use this address (#501 (twin1), #502 (twin2)); the sales admin must choose one.
warning seats_unassigned: 9 of the 10 seats bought are not assigned to anyone.
NULL
int(0)
