--TEST--
shop_setup_remote_*(): TLS certificates are verified; only cainfo or the explicit insecure_skip_tls_verify option gets past a self-signed one
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php
require __DIR__ . '/inc/skipif_nocurl.inc';
if (trim((string)shell_exec('command -v openssl')) === '') die('skip openssl command not installed');
?>
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc'; // ss_valgrind_factor(): under run-tests -m, openssl runs under valgrind too
$timeout = 1000 * ss_valgrind_factor();
$dir = sys_get_temp_dir() . '/ss_tls_' . getmypid();
@mkdir($dir);
exec('openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1'
	. ' -addext subjectAltName=IP:127.0.0.1 -keyout ' . escapeshellarg("$dir/key.pem") . ' -out ' . escapeshellarg("$dir/cert.pem") . ' 2>/dev/null', $o, $rc);
$sock = stream_socket_server('tcp://127.0.0.1:0');
$name = stream_socket_get_name($sock, false);
fclose($sock);
$port = (int)substr($name, strrpos($name, ':') + 1);
// Under timeout(1): should run-tests kill this test, the server still goes away (timeout forwards SIGTERM).
$srv = proc_open([...(is_executable('/usr/bin/timeout') ? ['/usr/bin/timeout', '600'] : []), 'openssl', 's_server', '-accept', "127.0.0.1:$port", '-cert', "$dir/cert.pem", '-key', "$dir/key.pem", '-www', '-quiet'],
	[0 => ['pipe', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
for ($i = 0; $i < 300 * ss_valgrind_factor() && !($c = @fsockopen('127.0.0.1', $port, $e, $s, 0.1)); $i++) usleep(20000);
if ($c) fclose($c);

$try = function (array $opts) use ($port, $timeout) {
	try {
		shop_setup_remote_lookup([], "https://127.0.0.1:$port", 'secret-token', $opts + ['retries' => 0, 'timeout_ms' => $timeout]);
		return 'answered';
	} catch (RuntimeException $e) {
		return $e->getMessage();
	}
};
$m = $try([]);
echo "default: TLS refused: ", json_encode(str_contains($m, 'transporterror') && stripos($m, 'certificate') !== false), "\n";
$m = $try(['cainfo' => "$dir/cert.pem"]);
echo "cainfo: TLS accepted: ", json_encode(!str_contains($m, 'transporterror')), "\n";
$m = $try(['insecure_skip_tls_verify' => true]);
echo "insecure_skip_tls_verify: TLS accepted: ", json_encode(!str_contains($m, 'transporterror')), "\n";
$m = $try(['insecure_skip_tls_verify' => false]);
echo "insecure_skip_tls_verify false: TLS refused: ", json_encode(str_contains($m, 'transporterror')), "\n";
$r = shop_setup_remote_apply(['operations' => [['op' => 'create_group', 'courseid' => 10, 'idnumber' => 'TX', 'name' => 'S']]],
	"https://127.0.0.1:$port", 'secret-token', ['retries' => 0, 'timeout_ms' => $timeout]);
echo "apply: ", $r['operations'][0]['status'], " ", json_encode(in_array('transporterror', array_column(array_column($r['operations'], 'error'), 'code'), true)), "\n";

proc_terminate($srv, 15);
proc_close($srv);
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
default: TLS refused: true
cainfo: TLS accepted: true
insecure_skip_tls_verify: TLS accepted: true
insecure_skip_tls_verify false: TLS refused: true
apply: failed true
