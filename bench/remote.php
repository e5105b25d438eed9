<?php
/*
 * Remote provisioning benchmark: one session of 1,000 learners with tutors,
 * their group, the operator's cross roles and the support course, against the
 * mock Moodle (tests/server/moodle_mock.php) with 20 ms of latency per request
 * and several php -S workers.
 *
 *   extension: shop_setup_remote_apply() (batched, parallel)
 *   userland:  one web-service call per participant and per operation, in
 *              sequence, with PHP streams (what integrations do today)
 *
 * Both start from the same fresh site; the site's state is checked after each
 * run so that both did the same work. Reports requests sent and wall time
 * (median of --reps runs for the extension; the userland run is long).
 *
 *   php -d extension=modules/shop_setup.so bench/remote.php [--learners=1000]
 *       [--tutors=20] [--latency=20] [--workers=8] [--concurrency=8] [--reps=3] [--userland-reps=1]
 */
require __DIR__ . '/../tests/inc/moodle_mock.inc';
require __DIR__ . '/../tests/inc/remote_fixture.inc';

$o = getopt('', ['learners:', 'tutors:', 'latency:', 'workers:', 'concurrency:', 'reps:', 'userland-reps:']);
$learners = (int)($o['learners'] ?? 1000);
$tutors = (int)($o['tutors'] ?? 20);
$latency = (int)($o['latency'] ?? 20);
$workers = (int)($o['workers'] ?? 8);
$concurrency = (int)($o['concurrency'] ?? 8);
$reps = (int)($o['reps'] ?? 3);
$ureps = (int)($o['userland-reps'] ?? 1);
if (!function_exists('shop_setup_remote_apply')) {
	fwrite(STDERR, "load the extension: php -d extension=modules/shop_setup.so bench/remote.php\n");
	exit(1);
}
if ($workers > 1 && ($why = ss_mock_workers_skip())) {
	// Its workers would hold requests (php-src GH-9400): the extension's times would be the mock's.
	fwrite(STDERR, "warning: $why\n");
}

function fresh_site(int $latency, int $workers): MoodleMock
{
	$s = MoodleMock::site();
	$s['latency_ms'] = $latency;
	return MoodleMock::start($s, $workers);
}

function site_summary(MoodleMock $m): string
{
	$s = $m->state();
	return sprintf('accounts %d, enrolments %d, group members %d, user-context roles %d',
		count($s['users']) - 2, count($s['enrolments']), count($s['groups'][0]['members'] ?? []), count($s['userroles']));
}

/** One REST call with PHP streams, as a typical integration does it. */
function ws_call(string $url, string $fn, array $params): mixed
{
	$body = http_build_query(['wstoken' => MoodleMock::TOKEN, 'wsfunction' => $fn, 'moodlewsrestformat' => 'json'] + $params);
	$ctx = stream_context_create(['http' => ['method' => 'POST', 'content' => $body, 'timeout' => 60,
		'header' => "Content-Type: application/x-www-form-urlencoded\r\n"]]);
	$answer = json_decode(file_get_contents($url . '/webservice/rest/server.php', false, $ctx), true);
	if (is_array($answer) && isset($answer['errorcode'])) {
		throw new RuntimeException("$fn: {$answer['errorcode']}");
	}
	return $answer;
}

/** The same plan, executed one call per participant and per operation, in sequence. */
function userland_apply(array $plan, string $url): int
{
	$n = 0;
	$ids = [];
	$groupid = null;
	foreach ($plan['operations'] as $op) {
		$uid = $op['userid'] ?? null;
		$uid ??= $ids[$op['ref'] ?? ''] ?? null;
		switch ($op['op']) {
		case 'create_user':
			$u = array_filter($op['user'], fn($v) => $v !== '') + ['createpassword' => 1];
			$ids[$op['ref']] = ws_call($url, 'core_user_create_users', ['users' => [$u]])[0]['id'];
			break;
		case 'create_group':
			$groupid = ws_call($url, 'core_group_create_groups', ['groups' => [['courseid' => $op['courseid'],
				'name' => $op['name'], 'description' => '', 'idnumber' => $op['idnumber']]]])[0]['id'];
			break;
		case 'enrol':
			ws_call($url, 'enrol_manual_enrol_users', ['enrolments' => [['roleid' => $op['roleid'], 'userid' => $uid,
				'courseid' => $op['courseid'], 'timestart' => $op['timestart'], 'timeend' => $op['timeend']]]]);
			break;
		case 'add_member':
			ws_call($url, 'core_group_add_group_members', ['members' => [['groupid' => $op['groupid'] ?? $groupid, 'userid' => $uid]]]);
			break;
		case 'assign_user_role':
			$ctx = $op['contextuserid'] ?? $ids[$op['contextref']];
			ws_call($url, 'core_role_assign_roles', ['assignments' => [['roleid' => $op['roleid'], 'userid' => $uid,
				'contextlevel' => 'user', 'instanceid' => $ctx]]]);
			break;
		default:
			continue 2; // create_product: local
		}
		$n++;
	}
	return $n;
}

function median(array $a): float
{
	sort($a);
	$c = count($a);
	return $c % 2 ? $a[intdiv($c, 2)] : ($a[$c / 2 - 1] + $a[$c / 2]) / 2;
}

$plan = remote_fixture_plan($learners, $tutors);
$ops = count(array_filter($plan['operations'], fn($op) => $op['op'] !== 'create_product'));
printf("session: %d learners + %d tutors, %d remote operations; mock: %d ms latency, %d workers; extension concurrency %d\n",
	$learners, $tutors, $ops, $latency, $workers, $concurrency);

$ext = [];
$extreq = 0;
for ($i = 0; $i < $reps; $i++) {
	$m = fresh_site($latency, $workers);
	$t = hrtime(true);
	$r = shop_setup_remote_apply($plan, $m->url, MoodleMock::TOKEN, ['concurrency' => $concurrency]);
	$ext[] = (hrtime(true) - $t) / 1e9;
	$extreq = $m->requests();
	if (!$r['ok']) {
		fwrite(STDERR, "extension run failed: " . json_encode(array_slice($r['failures'], 0, 3)) . "\n");
		exit(1);
	}
	$extsite = site_summary($m);
	$m->stop();
}
printf("extension: %5d requests, wall %7.2f s (median of %d: %s)\n", $extreq, median($ext), $reps,
	implode(' ', array_map(fn($x) => sprintf('%.2f', $x), $ext)));
printf("           site after: %s\n", $extsite);

$usr = [];
$usrreq = 0;
for ($i = 0; $i < $ureps; $i++) {
	$m = fresh_site($latency, $workers);
	$t = hrtime(true);
	userland_apply($plan, $m->url);
	$usr[] = (hrtime(true) - $t) / 1e9;
	$usrreq = $m->requests();
	$usrsite = site_summary($m);
	$m->stop();
}
printf("userland:  %5d requests, wall %7.2f s (median of %d)\n", $usrreq, median($usr), $ureps);
printf("           site after: %s\n", $usrsite);
printf("ratio:     %.1fx fewer requests, %.1fx faster\n", $usrreq / max(1, $extreq), median($usr) / max(1e-9, median($ext)));
if ($extsite !== $usrsite) {
	fwrite(STDERR, "the two runs left different sites!\n");
	exit(1);
}
