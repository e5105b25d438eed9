--TEST--
shop_setup_remote_*(): the token never appears in an exception, a warning, the report or phpinfo(); a refused token stops everything
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
require __DIR__ . '/inc/remote_fixture.inc';
$m = MoodleMock::start();
$bad = 'wrong-token-0123456789abcdef';
$seen = '';
set_error_handler(function ($no, $str) use (&$seen) { $seen .= $str; return true; });
try {
	shop_setup_remote_lookup(['course' => 'FORM-01'], $m->url, $bad);
} catch (RuntimeException $e) {
	echo get_class($e), ': ', $e->getMessage(), "\n";
	$seen .= $e->getMessage();
}
$r = shop_setup_remote_apply(remote_fixture_plan(3), $m->url, $bad);
echo "apply: ok=", json_encode($r['ok']), " ", json_encode(remote_statuses($r)), "\n";
echo json_encode($r['operations'][0]['error']), "\n";
echo "requests sent (the first parallel round only): ", $r["stats"]["requests"], "\n";
foreach (["tok en", "tok\0en", "", str_repeat('x', 300)] as $t) {
	try {
		shop_setup_remote_apply(['operations' => []], $m->url, $t);
	} catch (ValueError $e) {
		echo $e->getMessage(), "\n";
		$seen .= $e->getMessage();
	}
}
$r2 = shop_setup_remote_apply(remote_fixture_plan(1), $m->url, MoodleMock::TOKEN, ['max_input_vars' => 20]);
ob_start();
phpinfo();
$out = ob_get_clean() . $seen;
echo "apply with the right token: ok=", json_encode($r2['ok']), "\n";
echo "token in phpinfo(), exceptions or warnings: ", json_encode(str_contains($out, $bad) || str_contains($out, MoodleMock::TOKEN)), "\n";
echo "token in the reports: ", json_encode(str_contains(serialize([$r, $r2]), $bad) || str_contains(serialize([$r, $r2]), MoodleMock::TOKEN)), "\n";
echo "token seen by the site: ", json_encode(($m->state()['log']['badtoken'] ?? 0) > 0), "\n";
?>
--EXPECT--
RuntimeException: shop_setup_remote_lookup(): the remote site refused the call: invalidtoken: Invalid token - token not found
apply: ok=false {"failed":19,"skipped":3}
{"code":"invalidtoken","message":"Invalid token - token not found"}
requests sent (the first parallel round only): 2
shop_setup_remote_apply(): Argument #3 ($token) must be printable ASCII without spaces (byte 3)
shop_setup_remote_apply(): Argument #3 ($token) must be printable ASCII without spaces (byte 3)
shop_setup_remote_apply(): Argument #3 ($token) must be 1 to 256 bytes long
shop_setup_remote_apply(): Argument #3 ($token) must be 1 to 256 bytes long
apply with the right token: ok=true
token in phpinfo(), exceptions or warnings: false
token in the reports: false
token seen by the site: true
