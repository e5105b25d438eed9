--TEST--
shop_setup_session(): the operator is enrolled in the customer support course once
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// customersupport names a course: the operator is enrolled there (supportrole, default student), once.
$m = SessionModel::standard();
$order = session_order(['student' => ['a@x.example' => ['A', 'A']]], [], 'coursename=FORM-01&customersupport=SUPPORT');
$p = session_plan($m, $order);
foreach ($p['operations'] as $op) if ($op['op'] === 'enrol' && $op['courseid'] === 11) echo json_encode($op), "\n";
$m->apply($p);
echo count(session_plan($m, $order)['operations']), " operations after apply\n";
$p = session_plan($m, session_order(['student' => ['a@x.example' => ['A', 'A']]], [], 'coursename=FORM-01&customersupport=NOPE'));
echo session_issues($p);
?>
--EXPECT--
{"op":"enrol","ref":"operator","userid":42,"courseid":11,"roleid":5,"timestart":1767225600,"timeend":0}
0 operations after apply
error supportcourse_not_found: The customer support course "NOPE" does not exist.
warning seats_unassigned: 9 of the 10 seats bought are not assigned to anyone.
