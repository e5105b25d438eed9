--TEST--
shop_setup_session(): both entries of a person typed twice meet that person's accounts
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Each entry of a duplicate is matched against the site on its own: the second
// entry finds the same account as the first (and the same suspension), never
// "no account, create one".
$m = SessionModel::standard();
$m->addUser('sus@x.example', 'sus', ['id' => 601, 'suspended' => 1]);
$m->addUser('ok@x.example', 'okuser', ['id' => 602]);
$m->addUser('twin@x.example', 'twin1', ['id' => 603]);
$m->addUser('Twin@X.example', 'twin2', ['id' => 604]);
$order = session_order([
    'student' => ['sus@x.example' => ['S', 'U'], 'ok@x.example' => ['O', 'K'], 'twin@x.example' => ['T', 'W']],
    'teacher' => ['SUS@x.example' => ['S', 'U'], ' ok@X.example' => ['O', 'K'], 'TWIN@x.example' => ['T', 'W']],
]);
$p = session_plan($m, $order);
echo session_issues($p);
foreach ($p['participants'] as $q) echo $q['ref'], ' ', $q['status'], ' ', var_export($q['userid'], true), "\n";
$p = session_plan($m, $order, ['partial' => true]);
foreach ($p['participants'] as $q) echo $q['ref'], ' ', $q['status'], ' ', var_export($q['userid'], true), "\n";
var_dump(count($p['operations']));
?>
--EXPECT--
error duplicate p4: "sus@x.example" (student) and "SUS@x.example" (teacher) are the same person (sus@x.example): one account, one seat; remove one entry.
error duplicate p5: "ok@x.example" (student) and " ok@X.example" (teacher) are the same person (ok@x.example): one account, one seat; remove one entry.
error duplicate p6: "twin@x.example" (student) and "TWIN@x.example" (teacher) are the same person (twin@x.example): one account, one seat; remove one entry.
error account_suspended p1: "sus@x.example" (student): the account #601 (sus) is suspended; enrolling it would give no access.
error ambiguous_email p3: "twin@x.example" (student): several accounts use this address (#603 (twin1), #604 (twin2)); the sales admin must choose one.
error account_suspended p4: "SUS@x.example" (teacher): the account #601 (sus) is suspended; enrolling it would give no access.
error ambiguous_email p6: "TWIN@x.example" (teacher): several accounts use this address (#603 (twin1), #604 (twin2)); the sales admin must choose one.
warning seats_unassigned: 4 of the 10 seats bought are not assigned to anyone.
p1 error 601
p2 error 602
p3 error NULL
p4 error 601
p5 error 602
p6 error NULL
p1 error 601
p2 error 602
p3 error NULL
p4 error 601
p5 error 602
p6 error NULL
int(3)
