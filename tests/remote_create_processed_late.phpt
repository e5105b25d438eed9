--TEST--
shop_setup_remote_apply(): accounts or a group a busy site created after the client gave up on the request are found and counted done when the retry is refused, not reported failed
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
$opts = ['backoff_ms' => 5, 'timeout_ms' => 2000 * $f, 'retries' => 2];
/*
 * The site holds the create request past the client's timeout (2 s), then processes it
 * (at 2.75 s). The look-up that follows the timeout reads the site before that (at 2 s:
 * nothing yet) and answers after it (at 3.5 s), so the request sent again meets what the
 * first one made and is refused (invalidparameter, as Moodle answers for a username or a
 * group name that exists). The first look-up of the call, before anything is sent, is let
 * through. Nothing else is in flight meanwhile: a worker of the mock holding a request
 * would hold any other request it had accepted with it.
 */
function run_late(MoodleMock $m, array $plan, string $create, string $lookup, array $opts): void
{
	$f = ss_valgrind_factor();
	$m->fault(['fn' => $create, 'type' => 'late', 'ms' => 2750 * $f]);
	$m->fault(['fn' => $lookup, 'type' => 'slow', 'ms' => 1500 * $f, 'commit' => true, 'skip' => 1]);
	$r = shop_setup_remote_apply($plan, $m->url, MoodleMock::TOKEN, $opts);
	echo "ok=", json_encode($r['ok']), " ", json_encode(remote_statuses($r)), "\n";
	foreach ($r['failures'] as $ref => $l) {
		echo "  failed $ref: {$l[0]['op']} {$l[0]['code']} ({$l[0]['message']}), then ", count($l) - 1, " operations that depend on it\n";
	}
	foreach ($r['operations'] as $op) {
		if (str_starts_with($op['op'], 'create_') && $op['op'] !== 'create_product') {
			echo "  ", $op['op'], " ", $op['ref'] ?? $op['idnumber'], " ", $op['status'], "\n";
		}
	}
	echo "  $create requests ", $m->state()['log']['fn'][$create], "\n";
}

// Accounts (the session's group exists already).
$s = MoodleMock::site();
$s['groups'][] = ['id' => 50, 'courseid' => 10, 'name' => 'Session TX-0001', 'description' => '', 'idnumber' => 'TX-0001', 'members' => []];
$s['nextgroupid'] = 51;
$m = MoodleMock::start($s, 3);
run_late($m, remote_fixture_plan(2, 0, [], 'TX-0001', 50), 'core_user_create_users', 'core_user_get_users_by_field', $opts);
echo "  accounts: ", implode(', ', array_column($m->state()['users'], 'username')), "\n";

// A group (the accounts exist: those made above).
run_late($m, remote_fixture_plan(2, 0, ['p1' => 1000, 'p2' => 1001], 'TX-0002'), 'core_group_create_groups', 'core_group_get_course_groups', $opts);
echo "  groups: ", implode(', ', array_column($m->state()['groups'], 'idnumber')), "\n";

// Accounts of which one is refused for itself (its e-mail is taken, in another case): the held
// request and the one sent again are both refused whole. The batch is looked up once (nothing
// there), sent again, refused again, then halved: the others are made, the culprit reported.
$s['users'][] = ['id' => 7, 'username' => 'someone', 'firstname' => 'S', 'lastname' => 'O', 'email' => 'LEARNER3@Client.Example', 'auth' => 'manual', 'suspended' => 0];
$m = MoodleMock::start($s, 3);
run_late($m, remote_fixture_plan(3, 0, [], 'TX-0001', 50), 'core_user_create_users', 'core_user_get_users_by_field', ['retries' => 3] + $opts);
echo "  accounts: ", implode(', ', array_column($m->state()['users'], 'username')), "\n";
?>
--EXPECT--
ok=true {"done":13,"local":2}
  create_user p1 done
  create_user p2 done
  core_user_create_users requests 2
  accounts: admin, olivia, learner1, learner2
ok=true {"done":8,"exists":4,"local":2}
  create_group TX-0002 done
  core_group_create_groups requests 2
  groups: TX-0001, TX-0002
ok=false {"done":13,"failed":1,"local":2,"skipped":5}
  failed p3: create_user invalidparameter (Invalid parameter value detected), then 5 operations that depend on it
  create_user p1 done
  create_user p2 done
  create_user p3 failed
  core_user_create_users requests 7
  accounts: admin, olivia, someone, learner1, learner2
