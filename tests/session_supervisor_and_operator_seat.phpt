--TEST--
shop_setup_session(): _supervisor seats get the supervisor role; an operator holding a seat gets one enrolment with both roles
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// _supervisor seats get the supervisor role. The operator may hold a seat too: one enrolment with
// both roles, never attached to themselves, and the seat counts.
$m = SessionModel::standard();
$order = session_order([
    'student' => ['BOSS@client.example' => ['Big', 'Boss'], 'a@x.example' => ['A', 'A']],
    '_supervisor' => ['sup@x.example' => ['Sue', 'Pervisor']],
], ['quantity' => 3], 'coursename=FORM-01&supervisor=editingteacher&requiredroles=student,supervisor');
$p = session_plan($m, $order);
echo session_issues($p);
foreach ($p['participants'] as $q) echo $q['ref'], ' ', $q['role'], ' roleid=', $q['roleid'], ' user=', var_export($q['userid'], true), ' attach=', var_export($q['attach'], true), "\n";
foreach ($p['operations'] as $op) if (in_array($op['op'], ['enrol', 'assign_role', 'add_member'], true)) echo json_encode($op), "\n";
echo $p['participants'][0]['messages'][0], "\n";
$m->apply($p);
var_dump(session_plan($m, $order)['operations']);
?>
--EXPECT--

p1 student roleid=5 user=42 attach=false
p2 student roleid=5 user=NULL attach=true
p3 _supervisor roleid=4 user=NULL attach=true
{"op":"enrol","ref":"operator","userid":42,"courseid":10,"roleid":4,"timestart":1767225600,"timeend":0}
{"op":"enrol","ref":"p2","userid":null,"courseid":10,"roleid":5,"timestart":1767225600,"timeend":0}
{"op":"enrol","ref":"p3","userid":null,"courseid":10,"roleid":4,"timestart":1767225600,"timeend":0}
{"op":"assign_role","ref":"p1","userid":42,"courseid":10,"roleid":5}
{"op":"add_member","ref":"operator","userid":42,"groupid":null}
{"op":"add_member","ref":"p2","userid":null,"groupid":null}
{"op":"add_member","ref":"p3","userid":null,"groupid":null}
existing account #42 (boss); already enrolled, add the role student; record the seat
array(0) {
}
