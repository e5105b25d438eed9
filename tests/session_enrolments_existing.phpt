--TEST--
shop_setup_session(): existing enrolments are skipped, completed with a role, or an error when suspended or ended
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Existing enrolments are never re-enrolled (enrol_user() would overwrite their dates):
// same role: skipped; other role: the role is added; suspended or ended: an error.
$m = SessionModel::standard();
$same = $m->addUser('same@x.example', 'same');   $m->enrol(10, $same, 5, 0, 100, 0);
$other = $m->addUser('other@x.example', 'other'); $m->enrol(10, $other, 5);
$order = session_order(['student' => ['same@x.example' => ['S', 'S']], 'teacher' => ['other@x.example' => ['O', 'O']]]);
$p = session_plan($m, $order);
foreach ($p['operations'] as $op) if (in_array($op['op'], ['enrol', 'assign_role'], true)) echo json_encode($op), "\n";
foreach ($p['participants'] as $q) echo $q['messages'][0], "\n";
echo $p['summary']['skipped'], " skipped\n";

$m = SessionModel::standard();
$s = $m->addUser('susp@x.example', 'susp'); $m->enrol(10, $s, 5, 1);
$e = $m->addUser('ended@x.example', 'ended'); $m->enrol(10, $e, 5, 0, 100, 1000);
$p = session_plan($m, session_order(['student' => ['susp@x.example' => ['S', 'S'], 'ended@x.example' => ['E', 'E']]]));
echo session_issues($p);
var_dump(count($p['operations']));
?>
--EXPECT--
{"op":"enrol","ref":"operator","userid":42,"courseid":10,"roleid":3,"timestart":1767225600,"timeend":0}
{"op":"assign_role","ref":"p2","userid":1001,"courseid":10,"roleid":3}
existing account #1000 (same); already enrolled as student; add to the group; not attached to the operator; record the seat
existing account #1001 (other); already enrolled, add the role teacher; add to the group; not attached to the operator; record the seat
1 skipped
error enrolment_suspended p1: "susp@x.example" (student): the enrolment of #1000 in the course is suspended; a sales admin must reactivate it (re-enrolling would overwrite its dates).
error enrolment_ended p2: "ended@x.example" (student): the enrolment of #1001 in the course ended; a sales admin must extend it (re-enrolling would overwrite its dates).
warning seats_unassigned: 8 of the 10 seats bought are not assigned to anyone.
int(0)
