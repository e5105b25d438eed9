--TEST--
shop_setup_remote_apply(): malformed plans, endpoints and options are TypeError/ValueError naming the path, before any request
--EXTENSIONS--
shop_setup
--FILE--
<?php
$try = function (array $plan, string $ep = 'http://127.0.0.1:9', array $opt = []) {
	try { shop_setup_remote_apply($plan, $ep, 'tok', $opt); echo "no error\n"; }
	catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
};
$u = ['username' => 'a', 'firstname' => 'A', 'lastname' => 'B', 'email' => 'a@b.c'];
$try([]);
$try(['operations' => 'x']);
$try(['operations' => [42]]);
$try(['operations' => [['ref' => 'p1']]]);
$try(['operations' => [['op' => 'drop_table', 'ref' => 'p1']]]);
$try(['operations' => [['op' => 'enrol', 'ref' => 'p1', 'userid' => '7', 'courseid' => 10, 'roleid' => 5]]]);
$try(['operations' => [['op' => 'enrol', 'ref' => 'p1', 'userid' => 7, 'courseid' => -1, 'roleid' => 5]]]);
$try(['operations' => [['op' => 'create_user', 'ref' => 'p1', 'user' => array_merge($u, ['username' => ''])]]]);
$try(['operations' => [['op' => 'create_user', 'ref' => 'p1', 'user' => ['lastname' => "B\xC3"] + $u]]]);
$try(['operations' => [['op' => 'create_user', 'ref' => 'p1', 'user' => ['city' => 12] + $u]]]);
$try(['operations' => [['op' => 'create_user', 'ref' => 'p1', 'user' => ['email' => str_repeat('a', 5000)] + $u]]]);
$try(['operations' => [['op' => 'assign_user_role', 'ref' => 'operator', 'userid' => 42, 'roleid' => 4, 'contextuserid' => null]]]);
$try(['operations' => [['op' => 'create_group', 'courseid' => 10, 'idnumber' => "TX\0", 'name' => 'S']]]);
$try(['operations' => []], 'ftp://example.org');
$try(['operations' => []], 'http://127.0.0.1/moodle?x=1');
$try(['operations' => []], "http://127.0.0.1/\n");
$try(['operations' => []], 'http://127.0.0.1', ['insecure_skip_tls_verify' => 1]);
$try(['operations' => []], 'http://127.0.0.1', ['insecure_skip_tls' => true]);
$try(['operations' => []], 'http://127.0.0.1', ['concurrency' => 0]);
$try(['operations' => []], 'http://127.0.0.1', ['max_input_vars' => '5000']);
$try(['operations' => []], 'http://127.0.0.1', ['max_input_vars' => 5]);
$try(['operations' => []], 'http://127.0.0.1', [0 => true]);
// Nothing to do: no request, an empty report; the dangerous option is never silent.
$r = shop_setup_remote_apply(['operations' => []], 'https://127.0.0.1:9', 'tok', ['insecure_skip_tls_verify' => true]);
echo json_encode($r), "\n";
?>
--EXPECT--
TypeError: shop_setup_remote_apply(): $plan['operations'] must be of type array, none given
TypeError: shop_setup_remote_apply(): $plan['operations'] must be of type array, string given
TypeError: shop_setup_remote_apply(): $plan['operations'][0] must be of type array, int given
TypeError: shop_setup_remote_apply(): $plan['operations'][0]['op'] must be of type string, none given
ValueError: shop_setup_remote_apply(): $plan['operations'][0]['op'] is unknown ("drop_table")
TypeError: shop_setup_remote_apply(): $plan['operations'][0]['userid'] must be of type ?int, string given
ValueError: shop_setup_remote_apply(): $plan['operations'][0]['courseid'] must be >= 0
TypeError: shop_setup_remote_apply(): $plan['operations'][0]['user']['username'] must be a non-empty string
ValueError: shop_setup_remote_apply(): $plan['operations'][0]['user']['lastname'] must be valid UTF-8 without NUL bytes, at most 4096 bytes
TypeError: shop_setup_remote_apply(): $plan['operations'][0]['user']['city'] must be a string
ValueError: shop_setup_remote_apply(): $plan['operations'][0]['user']['email'] must be valid UTF-8 without NUL bytes, at most 4096 bytes
TypeError: shop_setup_remote_apply(): $plan['operations'][0]['contextref'] must be of type string, none given
ValueError: shop_setup_remote_apply(): $plan['operations'][0]['idnumber'] must be valid UTF-8 without NUL bytes, at most 4096 bytes
ValueError: shop_setup_remote_apply(): Argument #2 ($endpoint) must be an http:// or https:// URL
ValueError: shop_setup_remote_apply(): Argument #2 ($endpoint) must be a URL without spaces, control characters, query or fragment (byte 23)
ValueError: shop_setup_remote_apply(): Argument #2 ($endpoint) must be a URL without spaces, control characters, query or fragment (byte 17)
TypeError: shop_setup_remote_apply(): Argument #4 ($options) option "insecure_skip_tls_verify" must be of type bool, int given
ValueError: shop_setup_remote_apply(): Argument #4 ($options) has an unknown option "insecure_skip_tls"
ValueError: shop_setup_remote_apply(): Argument #4 ($options) option "concurrency" must be between 1 and 64
TypeError: shop_setup_remote_apply(): Argument #4 ($options) option "max_input_vars" must be of type int, string given
ValueError: shop_setup_remote_apply(): Argument #4 ($options) option "max_input_vars" must be between 20 and 10000000
ValueError: shop_setup_remote_apply(): Argument #4 ($options) must have string keys (option names)
{"ok":true,"operations":[],"users":[],"groupid":null,"failures":[],"warnings":["TLS certificate verification was disabled (option insecure_skip_tls_verify)"],"stats":{"done":0,"exists":0,"failed":0,"skipped":0,"local":0,"requests":0,"retries":0,"bisections":0}}
