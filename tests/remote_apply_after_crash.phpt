--TEST--
shop_setup_remote_apply(): after a crash mid-apply (process killed), applying the same plan again finishes the job without duplicates
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php
require __DIR__ . '/inc/skipif_nocurl.inc';
require __DIR__ . '/inc/moodle_mock.inc';
if ($why = ss_mock_workers_skip()) die("skip $why");
if (!is_file(__DIR__ . '/../modules/shop_setup.so')) die('skip needs the in-tree build modules/shop_setup.so');
if (!is_dir('/proc/self')) die('skip needs /proc');
?>
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
require __DIR__ . '/inc/remote_fixture.inc';
$m = MoodleMock::start(null, 3);
// The enrolments are processed, then the answer takes long: the apply is killed meanwhile.
$m->fault(['fn' => 'enrol_manual_enrol_users', 'type' => 'slow', 'ms' => 60000, 'commit' => true]);

$child = tempnam(sys_get_temp_dir(), 'crash') . '.php';
file_put_contents($child, '<?php require ' . var_export(__DIR__ . '/inc/remote_fixture.inc', true) . ';
	shop_setup_remote_apply(remote_fixture_plan(6, 1), $argv[1], $argv[2]); echo "finished\n";');
$p = proc_open([PHP_BINARY, '-n', '-d', 'extension=' . __DIR__ . '/../modules/shop_setup.so', $child, $m->url, MoodleMock::TOKEN],
	[1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$deadline = microtime(true) + 30 * ss_valgrind_factor();
while (($m->state()['log']['fn']['enrol_manual_enrol_users'] ?? 0) === 0 && microtime(true) < $deadline) {
	usleep(50000);
}
usleep(300000 * ss_valgrind_factor());
proc_terminate($p, 9);
echo "child output: [", stream_get_contents($pipes[1]), "]\n";
proc_close($p);
unlink($child);

$s = $m->state();
// (The role assignments, sent in parallel with the enrolments, may or may not have gone through.)
echo "after the crash: accounts ", count($s['users']) - 2, ", groups ", count($s['groups']), ", enrolments ", count($s['enrolments']),
	", members ", count($s['groups'][0]['members']), "\n";

$m->update(function (&$s) { $s['faults'] = []; });
$plan = remote_fixture_plan(6, 1);
foreach ([1, 2] as $run) {
	$before = $m->state()['log']['fn'];
	$r = shop_setup_remote_apply($plan, $m->url, MoodleMock::TOKEN);
	$after = $m->state()['log']['fn'];
	$sent = [];
	foreach ($after as $fn => $n) if ($n - ($before[$fn] ?? 0)) $sent[$fn] = $n - ($before[$fn] ?? 0);
	ksort($sent);
	echo "apply again #$run: ok=", json_encode($r['ok']), " ", json_encode(remote_statuses($r)), "\n  sent ", json_encode($sent), "\n";
}
$s = $m->state();
echo "finally: accounts ", count($s['users']) - 2, ", groups ", count($s['groups']), ", enrolments ", count($s['enrolments']),
	", members ", count($s['groups'][0]['members']), ", user-context roles ", count($s['userroles']), "\n";
?>
--EXPECT--
child output: []
after the crash: accounts 7, groups 1, enrolments 9, members 0
apply again #1: ok=true {"done":22,"exists":17,"local":7}
  sent {"core_enrol_get_enrolled_users":2,"core_group_add_group_members":1,"core_group_get_course_groups":1,"core_group_get_group_members":1,"core_role_assign_roles":1,"core_user_get_users_by_field":1}
apply again #2: ok=true {"done":14,"exists":25,"local":7}
  sent {"core_enrol_get_enrolled_users":2,"core_group_get_course_groups":1,"core_group_get_group_members":1,"core_role_assign_roles":1,"core_user_get_users_by_field":1}
finally: accounts 7, groups 1, enrolments 9, members 8, user-context roles 14
