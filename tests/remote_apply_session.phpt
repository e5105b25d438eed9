--TEST--
shop_setup_remote_apply(): a whole session (learners, tutors, group, roles, support course) in a handful of batched requests
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
require __DIR__ . '/inc/remote_fixture.inc';
$m = MoodleMock::start();
$plan = remote_fixture_plan(5, 2);
$r = shop_setup_remote_apply($plan, $m->url, MoodleMock::TOKEN);

var_dump($r['ok'], $r['failures'], $r['warnings']);
print_r(remote_statuses($r));
echo "groupid: ", $r['groupid'], "\n";
echo "users: ", json_encode($r['users']), "\n";

// Ids flow into the later operations.
foreach ($r['operations'] as $op) {
	if ($op['op'] === 'create_product' && $op['ref'] === 't2') echo "product t2 userid: {$op['userid']}\n";
	if ($op['op'] === 'add_member' && $op['ref'] === 'p1') echo "add_member p1: {$op['userid']} -> {$op['groupid']}\n";
}

$s = $m->state();
ksort($s['log']['fn']);
echo "requests: ", $s['log']['total'], " ", json_encode($s['log']['fn']), "\n";
echo "report requests: ", $r['stats']['requests'], "\n";
// Moodle creates the password and mails it.
echo "createpassword: ", implode(',', array_unique(array_column(array_slice($s['users'], 2), 'createpassword'))), "\n";
$en = array_filter($s['enrolments'], fn($e) => $e['courseid'] === 10);
echo "enrolled in FORM-01: ", count($en), "\n";
$t1 = array_values(array_filter($en, fn($e) => $e['userid'] === $r['users']['t1']))[0];
echo "t1: roles ", json_encode($t1['roles']), " window ", $t1['timestart'], "-", $t1['timeend'], "\n";
$sup = array_values(array_filter($s['enrolments'], fn($e) => $e['courseid'] === 11));
echo "support: ", json_encode($sup), "\n";
echo "group: ", $s['groups'][0]['idnumber'], " ", $s['groups'][0]['name'], " members ", count($s['groups'][0]['members']), "\n";
echo "user-context roles: ", count($s['userroles']), "\n";
$op = array_filter($s['userroles'], fn($a) => $a['userid'] === 42 && $a['contextuserid'] === $r['users']['p3']);
$mirror = array_filter($s['userroles'], fn($a) => $a['userid'] === $r['users']['p3'] && $a['contextuserid'] === 42);
echo "operator over p3: ", json_encode(array_values($op)), " p3 over operator: ", json_encode(array_values($mirror)), "\n";
?>
--EXPECT--
bool(true)
array(0) {
}
array(0) {
}
Array
(
    [done] => 39
    [local] => 7
)
groupid: 50
users: {"p1":1000,"p2":1001,"p3":1002,"p4":1003,"p5":1004,"t1":1005,"t2":1006}
add_member p1: 1000 -> 50
product t2 userid: 1006
requests: 9 {"core_enrol_get_enrolled_users":2,"core_group_add_group_members":1,"core_group_create_groups":1,"core_group_get_course_groups":1,"core_role_assign_roles":1,"core_user_create_users":1,"core_user_get_users_by_field":1,"enrol_manual_enrol_users":1}
report requests: 9
createpassword: 1
enrolled in FORM-01: 8
t1: roles [4] window 1767225600-1775001600
support: [{"courseid":11,"userid":42,"status":0,"timestart":1767225600,"timeend":0,"roles":[5]}]
group: TX-0001 Session TX-0001 members 8
user-context roles: 14
operator over p3: [{"roleid":4,"userid":42,"contextuserid":1002}] p3 over operator: [{"roleid":5,"userid":1002,"contextuserid":42}]
