--TEST--
shop_setup_session(): an inactive enrolment through another method (self, cohort, a disabled instance) gives no access and is not the manual row enrol_user() would overwrite: the person is enrolled manually; an inactive manual one stays an error
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
$m = SessionModel::standard();
$ids = [];
foreach (['a', 'b', 'c', 'd', 'e', 'f'] as $l) {
    $ids[$l] = $m->addUser("$l@client.example", "user$l");
}
$now = 1767225600;
$m->enrol(10, $ids['a'], 5, 1);                      // a: suspended self enrolment
$m->enrolments["10:{$ids['a']}"]['enrol'] = 'self';
$m->enrol(10, $ids['b'], 5, 0, 0, $now - 86400);     // b: ended cohort enrolment
$m->enrolments["10:{$ids['b']}"]['enrol'] = 'cohort';
$m->enrol(10, $ids['c'], 5, 1);                      // c: suspended, method not said: taken as manual
$m->enrol(10, $ids['d'], 3);                         // d: active self enrolment as teacher, learner role missing
$m->enrolments["10:{$ids['d']}"]['enrol'] = 'self';
$m->enrol(10, $ids['e'], 5, 1);                      // e: suspended manual, said so
$m->enrolments["10:{$ids['e']}"]['enrol'] = 'manual';
$m->enrol(10, 42, 3, 1);                             // the operator: suspended self enrolment
$m->enrolments["10:42"]['enrol'] = 'self';
$users = [];
foreach ($ids as $l => $id) {
    $users["$l@client.example"] = [strtoupper($l), 'X'];
}
$order = session_order(['student' => $users]);
$facts = $m->facts($order);
// f: a suspended manual enrolment and an active self one: the active one is what counts.
$facts['enrolments'][] = ['courseid' => 10, 'userid' => $ids['f'], 'status' => 1, 'timestart' => 0, 'timeend' => 0, 'roles' => [5], 'enrol' => 'manual'];
$facts['enrolments'][] = ['courseid' => 10, 'userid' => $ids['f'], 'status' => 0, 'timestart' => 0, 'timeend' => 0, 'roles' => [5], 'enrol' => 'self'];
$p = shop_setup_session($order, $facts, ['partial' => true]);
echo session_issues($p);
foreach ($p['operations'] as $op) {
    if (in_array($op['op'], ['enrol', 'assign_role'], true)) echo $op['op'], ' ', $op['ref'], ' role ', $op['roleid'], "\n";
}
foreach ($p['participants'] as $q) echo $q['ref'], ' ', $q['email'], ': ', $q['messages'][0], "\n";
// A method that is not a string is refused with its path.
$facts['enrolments'][0]['enrol'] = 7;
try {
    shop_setup_session($order, $facts);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
error enrolment_suspended p3: "c@client.example" (student): the enrolment of #1002 in the course is suspended; a sales admin must reactivate it (re-enrolling would overwrite its dates).
error enrolment_suspended p5: "e@client.example" (student): the enrolment of #1004 in the course is suspended; a sales admin must reactivate it (re-enrolling would overwrite its dates).
warning seats_unassigned: 4 of the 10 seats bought are not assigned to anyone.
warning partial: Partial plan: 2 participant(s) in error are left out.
enrol operator role 3
enrol p1 role 5
enrol p2 role 5
assign_role p4 role 5
p1 a@client.example: existing account #1000 (usera); enrol as student; add to the group; not attached to the operator; record the seat
p2 b@client.example: existing account #1001 (userb); enrol as student; add to the group; not attached to the operator; record the seat
p3 c@client.example: not set up: see the errors
p4 d@client.example: existing account #1003 (userd); already enrolled, add the role student; add to the group; not attached to the operator; record the seat
p5 e@client.example: not set up: see the errors
p6 f@client.example: existing account #1005 (userf); already enrolled as student; add to the group; not attached to the operator; record the seat
TypeError: shop_setup_session(): $facts['enrolments'][0]['enrol'] must be of type string, int given
