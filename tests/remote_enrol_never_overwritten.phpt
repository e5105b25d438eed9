--TEST--
shop_setup_remote_apply(): an enrolment already in place is never sent again (Moodle would reset its dates and re-activate it); a missing role is assigned instead
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
require __DIR__ . '/inc/remote_fixture.inc';
$s = MoodleMock::site();
foreach ([1, 2] as $i) {
	$s['users'][] = ['id' => 100 + $i, 'username' => "learner$i", 'firstname' => 'L', 'lastname' => "L$i", 'email' => "learner$i@client.example", 'auth' => 'manual', 'suspended' => 0];
}
// learner1: suspended, with its own dates, already a student. learner2: enrolled as a teacher only.
$s['enrolments'][] = ['courseid' => 10, 'userid' => 101, 'status' => 1, 'timestart' => 1000, 'timeend' => 2000, 'roles' => [5]];
$s['enrolments'][] = ['courseid' => 10, 'userid' => 102, 'status' => 0, 'timestart' => 3000, 'timeend' => 4000, 'roles' => [4]];
$m = MoodleMock::start($s);

// A plan made from stale facts: it enrols both as students.
$r = shop_setup_remote_apply(remote_fixture_plan(2, 0, ['p1' => 101, 'p2' => 102]), $m->url, MoodleMock::TOKEN);
foreach ($r['operations'] as $op) {
	if ($op['op'] === 'enrol') echo $op['ref'], ' ', $op['courseid'], ': ', $op['status'], isset($op['via']) ? " via {$op['via']}" : '', "\n";
}
$st = $m->state();
foreach ($st['enrolments'] as $e) echo json_encode($e), "\n";
echo "enrol_manual_enrol_users requests: ", $st['log']['fn']['enrol_manual_enrol_users'], "\n";
?>
--EXPECT--
p1 10: exists
p2 10: done via core_role_assign_roles
operator 10: done
operator 11: done
{"courseid":10,"userid":101,"status":1,"timestart":1000,"timeend":2000,"roles":[5]}
{"courseid":10,"userid":102,"status":0,"timestart":3000,"timeend":4000,"roles":[4,5]}
{"courseid":10,"userid":42,"status":0,"timestart":1767225600,"timeend":0,"roles":[4]}
{"courseid":11,"userid":42,"status":0,"timestart":1767225600,"timeend":0,"roles":[5]}
enrol_manual_enrol_users requests: 1
