--TEST--
shop_setup_remote_lookup(): facts from the remote site, e-mails found in any stored case, wildcard matches never trusted
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php require __DIR__ . '/inc/skipif_nocurl.inc'; ?>
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
$s = MoodleMock::site();
$u = fn($id, $un, $em, $susp = 0) => ['id' => $id, 'username' => $un, 'firstname' => 'F', 'lastname' => 'L', 'email' => $em, 'auth' => 'manual', 'suspended' => $susp];
$s['users'][] = $u(7, 'jdupont', 'Jean.Dupont@Exemple.fr');        // stored mixed case: exact lookup misses it
$s['users'][] = $u(8, 'marie.curie', 'marie.curie@exemple.fr', 1); // stored lower case
$s['users'][] = $u(9, 'axb', 'axb@exemple.fr');                    // matches the LIKE 'a_b@exemple.fr', is not a_b
$s['users'][] = $u(10, 'jean.dupont2', 'other@exemple.fr');
$s['enrolments'] = [
	['courseid' => 10, 'userid' => 7, 'status' => 0, 'timestart' => 0, 'timeend' => 0, 'roles' => [5]],
	['courseid' => 10, 'userid' => 8, 'status' => 1, 'timestart' => 0, 'timeend' => 0, 'roles' => [5, 4]],
	['courseid' => 10, 'userid' => 2, 'status' => 0, 'timestart' => 0, 'timeend' => 0, 'roles' => [3]],
	['courseid' => 11, 'userid' => 42, 'status' => 0, 'timestart' => 0, 'timeend' => 0, 'roles' => [5]],
];
$s['groups'] = [['id' => 77, 'courseid' => 10, 'name' => 'Session TX1', 'description' => '', 'idnumber' => 'TX1', 'members' => [7, 42]],
	['id' => 78, 'courseid' => 10, 'name' => 'Other', 'description' => '', 'idnumber' => 'TX10', 'members' => [9]]];
$m = MoodleMock::start($s);

$lookups = [
	'emails' => ['a_b@exemple.fr', 'jean.dupont@exemple.fr', 'marie.curie@exemple.fr', 'new.person@exemple.fr'],
	'usernames' => ['a_b', 'jean.dupont', 'marie.curie'],
	'course' => 'FORM-01', 'supportcourse' => 11, 'roles' => ['student', 'teacher'],
	'groupidnumber' => 'TX1', 'operatorid' => 42,
];
$f = shop_setup_remote_lookup($lookups, $m->url, MoodleMock::TOKEN,
	['roles' => ['student' => 5, 'teacher' => 4, 'operator' => 9], 'privileged' => [99], 'products' => ['TX1-AAAA']]);
foreach ($f as $k => $v) {
	echo $k, ': ', json_encode($v), "\n";
}
$log = $m->state()['log']['fn'];
ksort($log);
echo json_encode($log), "\n";
?>
--EXPECT--
course: {"id":10,"startdate":1767225600}
supportcourse: {"id":11}
roles: {"student":5,"teacher":4}
users: [{"id":7,"email":"Jean.Dupont@Exemple.fr","username":"jdupont","auth":"manual","suspended":0,"deleted":0},{"id":8,"email":"marie.curie@exemple.fr","username":"marie.curie","auth":"manual","suspended":1,"deleted":0}]
usernames: ["jean.dupont2","marie.curie"]
privileged: [99,2]
enrolments: [{"courseid":10,"userid":7,"status":0,"timestart":0,"timeend":0,"roles":[5]},{"courseid":10,"userid":8,"status":1,"timestart":0,"timeend":0,"roles":[5,4]},{"courseid":11,"userid":42,"status":0,"timestart":0,"timeend":0,"roles":[5]}]
group: {"id":77,"members":[7,42]}
roleassignments: []
products: ["TX1-AAAA"]
remote: {"requests":15,"retries":0}
{"core_course_get_courses_by_field":2,"core_enrol_get_enrolled_users":4,"core_group_get_course_groups":1,"core_group_get_group_members":1,"core_user_get_users":3,"core_user_get_users_by_field":3,"core_webservice_get_site_info":1}
