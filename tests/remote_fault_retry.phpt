--TEST--
shop_setup_remote_apply()/lookup(): HTTP 500, invalid JSON and a dropped connection are retried with backoff where a repeat is harmless
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
require __DIR__ . '/inc/remote_fixture.inc';
$m = MoodleMock::start();
$opts = ['backoff_ms' => 5, 'backoff_max_ms' => 20];

// Reads are always safe to repeat.
$m->fault(['fn' => 'core_course_get_courses_by_field', 'type' => 'http500', 'times' => 2]);
$m->fault(['fn' => 'core_webservice_get_site_info', 'type' => 'badjson', 'times' => 1]);
$m->fault(['fn' => 'core_user_get_users_by_field', 'type' => 'drop', 'times' => 1]);
$f = shop_setup_remote_lookup(['emails' => ['olivia@client.example'], 'course' => 'FORM-01'], $m->url, MoodleMock::TOKEN, $opts);
echo "lookup: course ", $f['course']['id'], ", users ", count($f['users']), ", retries ", $f['remote']['retries'], "\n";

// Moodle treats a repeated role assignment or group membership as a no-op: retried blindly,
// even when the failed attempt was processed (commit).
$m->fault(['fn' => 'core_role_assign_roles', 'type' => 'http500', 'times' => 1, 'commit' => true]);
$m->fault(['fn' => 'core_role_assign_roles', 'type' => 'badjson', 'times' => 1]);
$m->fault(['fn' => 'core_group_add_group_members', 'type' => 'drop', 'times' => 1, 'commit' => true]);
$r = shop_setup_remote_apply(remote_fixture_plan(4), $m->url, MoodleMock::TOKEN, $opts);
echo "apply: ok=", json_encode($r['ok']), " ", json_encode(remote_statuses($r)), ", retries ", $r['stats']['retries'], "\n";
$s = $m->state();
echo "assign requests ", $s['log']['fn']['core_role_assign_roles'], ", member requests ", $s['log']['fn']['core_group_add_group_members'], "\n";
echo "user-context roles ", count($s['userroles']), " (no duplicate), members ", count($s['groups'][0]['members']), "\n";

// Retries run out: the operations fail with the transport's code, the rest is unaffected
// (the same learners again, in a second session: their accounts and enrolments exist).
$m->fault(['fn' => 'core_group_add_group_members', 'type' => 'http500', 'times' => 10]);
$plan = remote_fixture_plan(4, 0, [], 'TX-0002');
$r = shop_setup_remote_apply($plan, $m->url, MoodleMock::TOKEN, $opts + ['retries' => 2]);
echo "apply: ok=", json_encode($r['ok']), " ", json_encode(remote_statuses($r)), ", retries ", $r['stats']['retries'], "\n";
echo json_encode($r['failures']['p1']), "\n";
?>
--EXPECT--
lookup: course 10, users 1, retries 4
apply: ok=true {"done":24,"local":4}, retries 3
assign requests 3, member requests 2
user-context roles 8 (no duplicate), members 5
apply: ok=false {"done":9,"exists":10,"failed":5,"local":4}, retries 2
[{"op":"add_member","code":"httperror","message":"HTTP status 500"}]
