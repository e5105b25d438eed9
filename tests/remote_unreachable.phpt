--TEST--
shop_setup_remote_*(): a site that cannot be reached: retries with backoff, then a clear error (lookup) or failed operations (apply)
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/remote_fixture.inc';
// A port nobody listens on.
$sock = stream_socket_server('tcp://127.0.0.1:0');
$name = stream_socket_get_name($sock, false);
fclose($sock);
$url = "http://$name";
$opts = ['retries' => 2, 'backoff_ms' => 5, 'connect_timeout_ms' => 2000];
try {
	shop_setup_remote_lookup(['course' => 'FORM-01'], $url, 'secret-token', $opts);
} catch (RuntimeException $e) {
	echo preg_replace('/(connectfailed: ).*$/', '$1<curl message>', $e->getMessage()), "\n";
}
$r = shop_setup_remote_apply(remote_fixture_plan(2), $url, 'secret-token', $opts);
echo "ok=", json_encode($r['ok']), " ", json_encode(remote_statuses($r)), "\n";
// Two reads in parallel, 1 + 2 retries each at most; the first to give up stops the other.
echo "requests ", json_encode($r['stats']['requests'] >= 3 && $r['stats']['requests'] <= 6), ", retries ", json_encode($r['stats']['retries'] >= 2 && $r['stats']['retries'] <= 4), "\n";
echo $r['operations'][0]['error']['code'], "\n";
echo $r['failures']['p1'][0]['op'], ' ', $r['failures']['p1'][0]['code'], "\n";
?>
--EXPECT--
shop_setup_remote_lookup(): the remote site cannot be reached: connectfailed: <curl message>
ok=false {"failed":14,"skipped":2}
requests true, retries true
connectfailed
create_user connectfailed
