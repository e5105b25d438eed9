--TEST--
shop_setup_remote_apply(): accounts a busy site created after the client gave up on the request are looked up when the retry is refused, and counted done
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
// The session's group exists already: only the accounts' request is in flight.
$s = MoodleMock::site();
$s['groups'][] = ['id' => 50, 'courseid' => 10, 'name' => 'Session TX-0001', 'description' => '', 'idnumber' => 'TX-0001', 'members' => []];
$s['nextgroupid'] = 51;
$m = MoodleMock::start($s, 3);
// The retry is refused whole (invalidparameter, as Moodle answers for a username that exists):
// one look-up finds both accounts with the planned addresses, and the batch is not halved.
remote_apply_late($m, remote_fixture_plan(2, 0, [], 'TX-0001', 50), 'core_user_create_users', 'core_user_get_users_by_field');
echo "  accounts: ", remote_usernames($m), "\n";
?>
--EXPECT--
ok=true {"done":13,"local":2}
  create_user p1 done
  create_user p2 done
  core_user_create_users requests 2
  accounts: admin, learner1, learner2, olivia
