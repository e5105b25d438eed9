--TEST--
shop_setup_remote_apply(): every request stays under max_input_vars; a site that keeps fewer variables loses nothing silently
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php require __DIR__ . '/inc/skipif_nocurl.inc'; ?>
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
require __DIR__ . '/inc/remote_fixture.inc';

function run(int $site_limit, int $option, ?array $fault = null): void {
	$s = MoodleMock::site();
	$s['max_input_vars'] = $site_limit;
	if ($fault) $s['faults'][] = $fault;
	$m = MoodleMock::start($s);
	$r = shop_setup_remote_apply(remote_fixture_plan(30), $m->url, MoodleMock::TOKEN, ['max_input_vars' => $option, 'backoff_ms' => 1]);
	$st = $m->state();
	$over = array_filter($st['log']['calls'], fn($c) => $c[1] > $site_limit);
	echo "site $site_limit, option $option: ok=", json_encode($r['ok']), " ", json_encode(remote_statuses($r)), "\n";
	echo "  requests over the site's limit: ", count($over), "\n";
	echo "  accounts ", count($st['users']) - 2, ", enrolments ", count($st['enrolments']), ", members ", count($st['groups'][0]['members']),
		", user-context roles ", count($st['userroles']), "\n";
	echo "  create requests ", $st['log']['fn']['core_user_create_users'], ", truncated requests (wsfunction lost) ", $st['log']['fn'][''] ?? 0,
		", bisections ", $r['stats']['bisections'], ", warnings ", count($r['warnings']), "\n";
	foreach ($r['warnings'] as $w) echo "  ", $w, "\n";
}

// The option matches the site: 8 variables per account, 12 accounts per request of <= 100.
run(100, 100);
// The site keeps fewer variables than the option says: wsfunction is sent last, so a
// truncated request loses it and Moodle refuses it whole; halves go through.
run(62, 200);
// Something dropped records without an error: fewer accounts answered than sent.
run(5000, 5000, ['fn' => 'core_user_create_users', 'type' => 'keep', 'keep' => 20, 'times' => 1]);
?>
--EXPECT--
site 100, option 100: ok=true {"done":154,"local":30}
  requests over the site's limit: 0
  accounts 30, enrolments 32, members 31, user-context roles 60
  create requests 3, truncated requests (wsfunction lost) 0, bisections 0, warnings 0
site 62, option 200: ok=true {"done":154,"local":30}
  requests over the site's limit: 10
  accounts 30, enrolments 32, members 31, user-context roles 60
  create requests 5, truncated requests (wsfunction lost) 10, bisections 10, warnings 0
site 5000, option 5000: ok=true {"done":154,"local":30}
  requests over the site's limit: 0
  accounts 30, enrolments 32, members 31, user-context roles 60
  create requests 2, truncated requests (wsfunction lost) 0, bisections 0, warnings 1
  core_user_create_users created 20 of the 30 accounts sent in one request: the site keeps fewer input variables than the option max_input_vars (5000); the rest was sent again in smaller requests
