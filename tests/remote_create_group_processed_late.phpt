--TEST--
shop_setup_remote_apply(): a group a busy site created after the client gave up on the request is found by idnumber when the retry is refused, and counted done
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
// The accounts exist already: only the group's request is in flight.
$s = MoodleMock::site();
$s['users'][] = ['id' => 1000, 'username' => 'learner1', 'firstname' => 'Learner', 'lastname' => 'L1', 'email' => 'learner1@client.example', 'auth' => 'manual', 'suspended' => 0];
$s['users'][] = ['id' => 1001, 'username' => 'learner2', 'firstname' => 'Learner', 'lastname' => 'L2', 'email' => 'learner2@client.example', 'auth' => 'manual', 'suspended' => 0];
$s['nextid'] = 1002;
$m = MoodleMock::start($s, 3);
// Moodle checks the name first: the retry is refused with invalidparameter.
remote_apply_late($m, remote_fixture_plan(2, 0, ['p1' => 1000, 'p2' => 1001], 'TX-0002'), 'core_group_create_groups', 'core_group_get_course_groups');
echo "  groups: ", implode(', ', array_column($m->state()['groups'], 'idnumber')), "\n";
?>
--EXPECT--
ok=true {"done":12,"local":2}
  create_group TX-0002 done
  core_group_create_groups requests 2
  groups: TX-0002
