--TEST--
shop_setup_session(): enrolments holding no role, one or many roles are all read (role lists longer than one per enrolment)
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Eight enrolments hold 22 role ids in all, more than one each: every list is
// read whole, at its own place. A participant whose role is anywhere in the
// list is skipped; one whose role is not gets assign_role.
$m = SessionModel::standard();
$lists = [
    'a@x.example' => [],
    'b@x.example' => [5],
    'c@x.example' => [9, 4, 5],
    'd@x.example' => [3, 9, 4, 1, 7, 8],
    'e@x.example' => [9, 5],
    'f@x.example' => [4, 9, 7, 1],
    't@x.example' => [5],
    'u@x.example' => [5, 9, 4, 1, 3],
];
$order = [];
foreach ($lists as $email => $roles) {
    $id = $m->addUser($email, strtok($email, '@'));
    $m->enrol(10, $id, 5);
    $m->enrolments["10:$id"]['roles'] = $roles;
    $order[$email[0] === 't' || $email[0] === 'u' ? 'teacher' : 'student'][$email] = [strtoupper($email[0]), 'X'];
}
$p = session_plan($m, session_order($order));
foreach ($p['participants'] as $q) echo $q['email'], ': ', $q['messages'][0], "\n";
$m->apply($p);
echo count(session_plan($m, session_order($order))['operations']), " operations after applying\n";
?>
--EXPECT--
a@x.example: existing account #1000 (a); already enrolled, add the role student; add to the group; not attached to the operator; record the seat
b@x.example: existing account #1001 (b); already enrolled as student; add to the group; not attached to the operator; record the seat
c@x.example: existing account #1002 (c); already enrolled as student; add to the group; not attached to the operator; record the seat
d@x.example: existing account #1003 (d); already enrolled, add the role student; add to the group; not attached to the operator; record the seat
e@x.example: existing account #1004 (e); already enrolled as student; add to the group; not attached to the operator; record the seat
f@x.example: existing account #1005 (f); already enrolled, add the role student; add to the group; not attached to the operator; record the seat
t@x.example: existing account #1006 (t); already enrolled, add the role teacher; add to the group; not attached to the operator; record the seat
u@x.example: existing account #1007 (u); already enrolled as teacher; add to the group; not attached to the operator; record the seat
0 operations after applying
