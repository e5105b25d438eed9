--TEST--
shop_setup_remote_apply(): a write that may have been processed (timeout, dropped connection, HTTP 500, invalid JSON) is looked up, never blindly resent
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php
require __DIR__ . '/inc/skipif_nocurl.inc';
require __DIR__ . '/inc/moodle_mock.inc';
if ($why = ss_mock_workers_skip()) die("skip $why");
?>
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
require __DIR__ . '/inc/remote_fixture.inc';
$m = MoodleMock::start(null, 3);
$opts = ['backoff_ms' => 5, 'timeout_ms' => 1500 * ss_valgrind_factor()];

// Processed by Moodle, but the answer is lost.
$m->fault(['fn' => 'core_user_create_users', 'type' => 'drop', 'commit' => true]);
$m->fault(['fn' => 'core_group_create_groups', 'type' => 'http500', 'commit' => true]);
$m->fault(['fn' => 'enrol_manual_enrol_users', 'type' => 'slow', 'ms' => 4000 * ss_valgrind_factor(), 'commit' => true]);
$r = shop_setup_remote_apply(remote_fixture_plan(4), $m->url, MoodleMock::TOKEN, $opts);
echo "ok=", json_encode($r['ok']), " ", json_encode(remote_statuses($r)), " users ", json_encode($r['users']), " group ", $r['groupid'], "\n";
$s = $m->state();
echo "create ", $s['log']['fn']['core_user_create_users'], ", group ", $s['log']['fn']['core_group_create_groups'],
	", enrol ", $s['log']['fn']['enrol_manual_enrol_users'], "\n";
echo "accounts ", count($s['users']), ", groups ", count($s['groups']), ", enrolments ", count($s['enrolments']), "\n";

// Invalid JSON: processed (accounts) or not (enrolments): the lookup tells, only the missing is sent again.
$m->fault(['fn' => 'core_user_create_users', 'type' => 'badjson', 'commit' => true]);
$m->fault(['fn' => 'enrol_manual_enrol_users', 'type' => 'badjson']);
$r = shop_setup_remote_apply(remote_fixture_plan(6, 0, [], 'TX-0002'), $m->url, MoodleMock::TOKEN, $opts);
echo "ok=", json_encode($r['ok']), " ", json_encode(remote_statuses($r)), " new users ", json_encode(array_slice($r['users'], 4)), "\n";
$s = $m->state();
echo "create ", $s['log']['fn']['core_user_create_users'], ", enrol ", $s['log']['fn']['enrol_manual_enrol_users'], "\n";
echo "accounts ", count($s['users']), ", enrolments ", count($s['enrolments']), "\n";
$e5 = array_values(array_filter($s['enrolments'], fn($e) => $e['userid'] === $r['users']['p5']))[0];
echo "p5 enrolment: ", json_encode($e5), "\n";

// Never answered: after the retries, the accounts are looked up one last time, then reported failed.
$m->fault(['fn' => 'core_user_create_users', 'type' => 'drop', 'times' => 100]);
$r = shop_setup_remote_apply(remote_fixture_plan(8, 0, [], 'TX-0003'), $m->url, MoodleMock::TOKEN, $opts + ['retries' => 1]);
echo "ok=", json_encode($r['ok']), " ", json_encode(remote_statuses($r)), "\n";
$f = $r['failures']['p7'][0];
echo $f['op'], ' ', $f['code'], ' ', preg_replace('/ \(last: .*\)$/', ' (last: <curl message>)', $f['message']), "\n";
echo "create ", $m->requests('core_user_create_users'), ", accounts ", count($m->state()['users']), "\n";
?>
--EXPECT--
ok=true {"done":24,"local":4} users {"p1":1000,"p2":1001,"p3":1002,"p4":1003} group 50
create 1, group 1, enrol 1
accounts 6, groups 1, enrolments 6
ok=true {"done":24,"exists":10,"local":6} new users {"p5":1004,"p6":1005}
create 2, enrol 3
accounts 8, enrolments 8
p5 enrolment: {"courseid":10,"userid":1004,"status":0,"timestart":1767225600,"timeend":1775001600,"roles":[5]}
ok=false {"done":20,"exists":14,"failed":2,"local":6,"skipped":10}
create_user connectionlost outcome unknown after 2 attempts (last: <curl message>)
create 4, accounts 8
