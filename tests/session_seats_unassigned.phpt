--TEST--
shop_setup_session(): fewer participants than seats is a warning giving the remainder
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Fewer seats declared than bought: a warning saying how many remain; the plan goes ahead.
$m = SessionModel::standard();
$order = session_order(['student' => ['a@x.example' => ['A', 'A']], 'teacher' => ['t@x.example' => ['T', 'T']]], ['quantity' => 5]);
$p = session_plan($m, $order);
echo session_issues($p);
var_dump($p['ok'], $p['summary']['unassigned'], count($p['operations']) > 0);
?>
--EXPECT--
warning seats_unassigned: 3 of the 5 seats bought are not assigned to anyone.
bool(true)
int(3)
bool(true)
