--TEST--
shop_setup_remote_apply(): a site that creates none of the accounts sent ends the apply instead of resending for ever (found by fuzz/session_fuzz.php)
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php if (!function_exists('shop_setup_remote_apply')) die('skip built without libcurl'); ?>
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
require __DIR__ . '/inc/remote_fixture.inc';
// "Fewer accounts answered than sent" lowered the request size and resent the
// rest; with nothing created at all (a broken proxy, a hostile site answering
// []), the same one-account request went out again and again, for ever.
$s = MoodleMock::site();
$s['faults'][] = ['fn' => 'core_user_create_users', 'type' => 'keep', 'keep' => 0, 'times' => 100000];
$m = MoodleMock::start($s);
$t = microtime(true);
$r = shop_setup_remote_apply(remote_fixture_plan(3), $m->url, MoodleMock::TOKEN, ['backoff_ms' => 1, 'retries' => 2]);
$st = $m->state();
echo 'ok=', json_encode($r['ok']), "\n";
echo 'accounts created: ', count($st['users']) - 2, "\n";
echo 'create requests: ', $st['log']['fn']['core_user_create_users'] <= 10 ? 'a few' : $st['log']['fn']['core_user_create_users'], "\n";
?>
--EXPECT--
ok=false
accounts created: 0
create requests: a few
