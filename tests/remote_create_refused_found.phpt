--TEST--
shop_setup_remote_apply(): an account Moodle refuses to create is looked up: made meanwhile with the planned address, it exists; another address, usernametaken
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php require __DIR__ . '/inc/skipif_nocurl.inc'; ?>
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
require __DIR__ . '/inc/remote_fixture.inc';
$s = MoodleMock::site();
// Made by another process since the plan: learner2 with the planned address, learner3 with another.
$s['users'][] = ['id' => 900, 'username' => 'learner2', 'firstname' => 'Learner', 'lastname' => 'L2', 'email' => 'Learner2@client.example', 'auth' => 'manual', 'suspended' => 0];
$s['users'][] = ['id' => 901, 'username' => 'learner3', 'firstname' => 'Other', 'lastname' => 'Person', 'email' => 'other@else.example', 'auth' => 'manual', 'suspended' => 0];
$m = MoodleMock::start($s);
// The apply's first look-up does not see them (as if they were made just after it).
$m->fault(['fn' => 'core_user_get_users_by_field', 'type' => 'keep', 'keep' => 0]);
$r = shop_setup_remote_apply(remote_fixture_plan(4), $m->url, MoodleMock::TOKEN, ['backoff_ms' => 5]);
echo "ok=", json_encode($r['ok']), " ", json_encode(remote_statuses($r)), " users ", json_encode($r['users']), "\n";
foreach ($r['operations'] as $op) {
	if ($op['op'] === 'create_user') {
		echo "  ", $op['ref'], " ", $op['status'], "\n";
	}
}
foreach ($r['failures'] as $ref => $l) {
	echo "  failed $ref: {$l[0]['op']} {$l[0]['code']} ({$l[0]['message']}), then ", count($l) - 1, " operations that depend on it\n";
}
$st = $m->state();
echo "  create_users requests ", $st['log']['fn']['core_user_create_users'], ", look-ups by username ",
	$st['log']['fn']['core_user_get_users_by_field'], ", accounts ", count($st['users']), "\n";
?>
--EXPECT--
ok=false {"done":18,"exists":1,"failed":1,"local":3,"skipped":5} users {"p1":1000,"p2":900,"p4":1001}
  p1 done
  p2 exists
  p3 failed
  p4 done
  failed p3: create_user usernametaken (username learner3 is taken by another account (id 901)), then 5 operations that depend on it
  create_users requests 7, look-ups by username 2, accounts 6
