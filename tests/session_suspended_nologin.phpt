--TEST--
shop_setup_session(): suspended and nologin accounts are errors; deleted ones are ignored
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// A suspended or nologin account would be enrolled without access: an error for the sales admin.
$m = SessionModel::standard();
$m->addUser('s@x.example', 'susp', ['id' => 601, 'suspended' => 1]);
$m->addUser('n@x.example', 'nolog', ['id' => 602, 'auth' => 'nologin']);
$m->addUser('d@x.example', 'gone', ['id' => 603, 'deleted' => 1]);
$p = session_plan($m, session_order(['student' => ['s@x.example' => ['S', 'S'], 'n@x.example' => ['N', 'N'], 'd@x.example' => ['D', 'D']]]));
echo session_issues($p);
foreach ($p['participants'] as $q) echo $q['ref'], ' ', $q['action'], ' ', $q['status'], ' ', var_export($q['userid'], true), "\n";
var_dump(count($p['operations']));
?>
--EXPECT--
error account_suspended p1: "s@x.example" (student): the account #601 (susp) is suspended; enrolling it would give no access.
error account_nologin p2: "n@x.example" (student): the account #602 (nolog) cannot log in (auth nologin).
warning seats_unassigned: 7 of the 10 seats bought are not assigned to anyone.
p1 none error 601
p2 none error 602
p3 create ok NULL
int(0)
