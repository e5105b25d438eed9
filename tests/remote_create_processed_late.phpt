--TEST--
shop_setup_remote_apply(): accounts a busy site created after the client gave up on the request are found and counted done when the retry is refused, not reported failed
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
$f = ss_valgrind_factor();
$m = MoodleMock::start(null, 3);
// The site holds the first core_user_create_users past the client's timeout (2 s), then
// creates the accounts (at 2.75 s). The look-up that follows the timeout reads the site
// before that (at 2 s: no account yet) and answers after it (at 3.5 s), so the request sent
// again meets the accounts and is refused (invalidparameter, as Moodle does for a username
// that exists). The first look-up of the call (before anything is sent) is let through.
$m->fault(['fn' => 'core_user_create_users', 'type' => 'late', 'ms' => 2750 * $f]);
$m->fault(['fn' => 'core_user_get_users_by_field', 'type' => 'slow', 'ms' => 1500 * $f, 'commit' => true, 'skip' => 1]);
$r = shop_setup_remote_apply(remote_fixture_plan(2), $m->url, MoodleMock::TOKEN,
	['backoff_ms' => 5, 'timeout_ms' => 2000 * $f, 'retries' => 2]);
echo "ok=", json_encode($r['ok']), " ", json_encode(remote_statuses($r)), " users ", json_encode($r['users']), "\n";
foreach ($r['operations'] as $op) {
	if ($op['op'] === 'create_user') {
		echo $op['ref'], " ", $op['status'], "\n";
	}
}
echo "failures ", json_encode($r['failures']), "\n";
$s = $m->state();
echo "create_users requests ", $s['log']['fn']['core_user_create_users'], " (held, sent again, then one per record to find the culprit)\n";
echo "accounts ", count($s['users']), ": ", implode(', ', array_column($s['users'], 'username')), "\n";
?>
--EXPECT--
ok=true {"done":14,"local":2} users {"p1":1000,"p2":1001}
p1 done
p2 done
failures []
create_users requests 4 (held, sent again, then one per record to find the culprit)
accounts 4: admin, olivia, learner1, learner2
