--TEST--
shop_setup_remote_apply(): a batch refused whole after a lost request is looked up once, then sent again and halved: the good accounts are made, only the culprit is reported
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
$s = MoodleMock::site();
$s['groups'][] = ['id' => 50, 'courseid' => 10, 'name' => 'Session TX-0001', 'description' => '', 'idnumber' => 'TX-0001', 'members' => []];
$s['nextgroupid'] = 51;
// learner3's e-mail is taken, in another case: Moodle refuses any batch that holds it.
$s['users'][] = ['id' => 7, 'username' => 'someone', 'firstname' => 'S', 'lastname' => 'O', 'email' => 'LEARNER3@Client.Example', 'auth' => 'manual', 'suspended' => 0];
$m = MoodleMock::start($s, 3);
// The held request and the one sent again are both refused whole. The batch is looked up
// once (nothing there), sent again, refused again, then halved.
remote_apply_late($m, remote_fixture_plan(3, 0, [], 'TX-0001', 50), 'core_user_create_users', 'core_user_get_users_by_field', ['retries' => 3]);
echo "  accounts: ", remote_usernames($m), "\n";
?>
--EXPECT--
ok=false {"done":13,"failed":1,"local":2,"skipped":5}
  failed p3: create_user invalidparameter (Invalid parameter value detected), then 5 operations that depend on it
  create_user p1 done
  create_user p2 done
  create_user p3 failed
  core_user_create_users requests 7
  accounts: admin, learner1, learner2, olivia, someone
