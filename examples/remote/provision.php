<?php
/*
 * Sets up one training session on a remote Moodle from an order file:
 * plan (phase 1), remote lookup, plan again (phase 2), show the plan, and
 * apply it only when asked (--apply).
 *
 *   export MOODLE_WSTOKEN=...   # never on the command line: ps shows arguments
 *   php -d extension=modules/shop_setup.so examples/remote/provision.php examples/remote/order.json \
 *       --endpoint=https://moodle.example.org --roles=student=5,teacher=4,editingteacher=3 [--apply]
 *
 *   # no Moodle at hand: the bundled mock Moodle of the tests, on 127.0.0.1
 *   php -d extension=modules/shop_setup.so examples/remote/provision.php examples/remote/order.json --mock --apply
 *
 * Options: --products=REF,REF (product references already recorded for the
 * order), --plan-out=FILE (save the plan: after a crash, apply the SAVED plan
 * again with --plan-in=FILE), --max-input-vars=N (the site's PHP setting),
 * --concurrency=N, --insecure-skip-tls-verify (DANGEROUS: test sites only).
 * Exit status: 0 done (or planned), 1 plan errors, 2 some operations failed.
 */

$known = ['endpoint', 'roles', 'apply', 'mock', 'products', 'plan-out', 'plan-in', 'max-input-vars', 'concurrency', 'insecure-skip-tls-verify'];
$args = [];
$file = null;
foreach (array_slice($argv, 1) as $a) {
	if (preg_match('/^--([a-z-]+)(?:=(.*))?$/s', $a, $m)) {
		if (!in_array($m[1], $known, true)) {
			fwrite(STDERR, "unknown option --{$m[1]}\n");
			exit(64);
		}
		$args[$m[1]] = $m[2] ?? true;
	} else {
		$file = $a;
	}
}
if ($file === null || !is_file($file)) {
	fwrite(STDERR, "usage: php provision.php ORDER.json --endpoint=URL --roles=student=5,teacher=4 [--apply] (token in MOODLE_WSTOKEN), or --mock\n");
	exit(64);
}
foreach (['shop_setup_session', 'shop_setup_remote_lookup', 'shop_setup_remote_apply'] as $fn) {
	if (!function_exists($fn)) {
		fwrite(STDERR, "$fn() is missing: load the extension (php -d extension=modules/shop_setup.so)\n");
		exit(69);
	}
}
$order = json_decode(file_get_contents($file), true, 64, JSON_THROW_ON_ERROR);

if (isset($args['mock'])) {
	require __DIR__ . '/../../tests/inc/moodle_mock.inc';
	$site = MoodleMock::site();
	// Jean already has an account on the remote site (e-mail stored in another case).
	$site['users'][] = ['id' => 7, 'username' => 'jdupont', 'firstname' => 'Jean', 'lastname' => 'Dupont',
		'email' => 'Jean.Dupont@Exemple.fr', 'auth' => 'manual', 'suspended' => 0];
	$mock = MoodleMock::start($site, 4);
	$endpoint = $mock->url;
	$token = MoodleMock::TOKEN;
	$args['roles'] ??= 'student=5,teacher=4,editingteacher=3';
	echo "mock Moodle on $endpoint\n";
} else {
	$endpoint = $args['endpoint'] ?? null;
	$token = getenv('MOODLE_WSTOKEN') ?: null;
	if (!$endpoint || !$token || !isset($args['roles'])) {
		fwrite(STDERR, "--endpoint, --roles and the MOODLE_WSTOKEN environment variable are required (or --mock)\n");
		exit(64);
	}
}

$options = ['roles' => []];
foreach (explode(',', $args['roles']) as $pair) {
	[$name, $id] = array_map('trim', explode('=', $pair, 2)) + [1 => ''];
	if ($name === '' || !preg_match('/^[0-9]+$/', $id)) {
		fwrite(STDERR, "--roles: expected shortname=id pairs, got \"$pair\"\n");
		exit(64);
	}
	$options['roles'][$name] = (int)$id;
}
if (isset($args['products'])) $options['products'] = array_filter(explode(',', $args['products']));
if (isset($args['max-input-vars'])) $options['max_input_vars'] = (int)$args['max-input-vars'];
if (isset($args['concurrency'])) $options['concurrency'] = (int)$args['concurrency'];
if (isset($args['insecure-skip-tls-verify'])) $options['insecure_skip_tls_verify'] = true;
$transport = array_diff_key($options, ['roles' => 1, 'products' => 1]);

function issues(array $r): void
{
	foreach (array_merge($r['errors'] ?? [], $r['warnings'] ?? []) as $i) {
		printf("  %-7s %s%s: %s\n", $i['level'], $i['code'], isset($i['ref']) ? " ({$i['ref']})" : '', $i['message']);
	}
}

// 1. Phase 1: what to look up.
$lookup = shop_setup_session($order);
if (!$lookup['ok']) {
	issues($lookup);
	exit(1);
}
$l = $lookup['lookups'];
printf("order %s: %d e-mails, course %s, support course %s, group idnumber %s\n", $order['transactionid'],
	count($l['emails']), $l['course'], var_export($l['supportcourse'], true), $l['groupidnumber']);

if (isset($args['plan-in'])) {
	$plan = json_decode(file_get_contents($args['plan-in']), true, 512, JSON_THROW_ON_ERROR);
	echo "plan read from {$args['plan-in']}\n";
} else {
	// 2. The remote lookup: a handful of parallel requests.
	try {
		$t = microtime(true);
		$facts = shop_setup_remote_lookup($l, $endpoint, $token, $options);
	} catch (RuntimeException $e) {
		fwrite(STDERR, $e->getMessage() . "\n");
		exit(2);
	}
	printf("remote lookup: %d requests in %.2f s; %d existing accounts, course id %s, group %s\n",
		$facts['remote']['requests'], microtime(true) - $t, count($facts['users']),
		$facts['course']['id'] ?? 'NOT FOUND', $facts['group'] ? "id {$facts['group']['id']}" : 'to create');

	// 3. Phase 2: the plan.
	$plan = shop_setup_session($order, $facts);
	issues($plan);
}

// 4. Show the plan.
echo "\nparticipants:\n";
foreach ($plan['participants'] ?? [] as $p) {
	printf("  %-4s %-8s %-32s %-7s %s\n", $p['ref'], $p['role'], $p['email'], $p['action'],
		$p['userid'] ? "user {$p['userid']}" : ($p['username'] ?? ''));
}
echo "operations:\n";
foreach ($plan['operations'] as $op) {
	$o = $op;
	unset($o['op'], $o['ref']);
	if (isset($o['user'])) $o['user'] = $o['user']['username'];
	$o = array_filter($o, fn($v) => $v !== null);
	printf("  %-16s %-8s %s\n", $op['op'], $op['ref'] ?? '', http_build_query($o, '', ' '));
}
if (isset($args['plan-out'])) {
	file_put_contents($args['plan-out'], json_encode($plan, JSON_PRETTY_PRINT));
	echo "plan saved to {$args['plan-out']}\n";
}
if (!$plan['ok']) exit(1);
if (!isset($args['apply'])) {
	echo "\ndry run: nothing was changed (add --apply to apply the plan)\n";
	exit(0);
}

// 5. Apply.
$t = microtime(true);
$report = shop_setup_remote_apply($plan, $endpoint, $token, $transport);
$s = $report['stats'];
printf("\napplied in %.2f s with %d requests (%d retries, %d bisections): %d done, %d already there, %d failed, %d skipped\n",
	microtime(true) - $t, $s['requests'], $s['retries'], $s['bisections'], $s['done'], $s['exists'], $s['failed'], $s['skipped']);
foreach ($report['warnings'] as $w) echo "  warning: $w\n";
foreach ($report['failures'] as $ref => $errors) {
	foreach ($errors as $e) echo "  $ref: {$e['op']} failed: {$e['code']}: {$e['message']}\n";
}
echo "product records for local_shop to write:\n";
foreach ($report['operations'] as $op) {
	if ($op['op'] === 'create_product' && $op['status'] === 'local') {
		echo "  {$op['reference']} user {$op['userid']} course {$op['courseid']}\n";
	}
}
exit($report['ok'] ? 0 : 2);
