--TEST--
shop_setup_session(): hostile input (bad UTF-8, NUL, megabyte strings, wrong types) is an exception naming the path
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Hostile input never crashes nor truncates: the exception names the path and, for bytes, the offset.
$try = function (callable $f) { try { $f(); echo "no error\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } };
$base = session_order(['student' => ['a@x.example' => ['A', 'A']]]);
$o = $base; $o['users']['student'] = ["bad\xFF@x.example" => ['firstname' => 'A', 'lastname' => 'B']];
$try(fn () => shop_setup_session($o));
$o = $base; $o['users']["stu\0dent"] = ['a@x.example' => ['firstname' => 'A', 'lastname' => 'B']];
$try(fn () => shop_setup_session($o));
$o = $base; $o['users']['student']['a@x.example']['city'] = str_repeat('é', 1 << 19);   // 1 MiB
$try(fn () => shop_setup_session($o));
$o = $base; $o['users']['student']['a@x.example']['email'] = str_repeat('a', 2000) . '@x.example';
$try(fn () => shop_setup_session($o));
// The 'email' field, of the order and of the facts' accounts: checked byte by byte like any other.
$o = $base; $o['users']['student']['a@x.example']['email'] = "a\0@x.example";
$try(fn () => shop_setup_session($o));
$o = $base; $o['users']['student']['a@x.example']['email'] = "A\xFF@x.example";
$try(fn () => shop_setup_session($o));
$f = SessionModel::standard()->facts($base);
$f['users'][] = ['id' => 90, 'email' => "b@x.example\0", 'username' => 'b', 'auth' => 'manual', 'suspended' => 0, 'deleted' => 0];
$try(fn () => shop_setup_session($base, $f));
$f['users'][count($f['users']) - 1]['email'] = "B\xC3@x.example";
$try(fn () => shop_setup_session($base, $f));
$o = $base; $o['transactionid'] = str_repeat('T', 101);
$try(fn () => shop_setup_session($o));
$o = $base; $o['transactionid'] = "TX\xC0\x80";
$try(fn () => shop_setup_session($o));
$o = $base; $o['handlerparams'] = ['coursename' => "FORM\0"];
$try(fn () => shop_setup_session($o));
$o = $base; $o['handlerparams'] = ['coursename' => ['nested']];
$try(fn () => shop_setup_session($o));
$o = $base; $o['handlerparams'] = str_repeat('x', (16 << 20) + 1);
$try(fn () => shop_setup_session($o));
$o = $base; $o['users'] = 'everyone';
$try(fn () => shop_setup_session($o));
$o = $base; $o['now'] = 1.5;
$try(fn () => shop_setup_session($o));
$o = $base; $o['users']['student']['a@x.example'] = new ArrayObject(['firstname' => 'A']);
$try(fn () => shop_setup_session($o));
// A reference inside the order is read through; the order is left untouched.
$o = $base; $name = 'Zoë'; $o['users']['student']['a@x.example']['firstname'] = &$name;
$before = serialize($o);
$p = shop_setup_session($o, SessionModel::standard()->facts($o));
var_dump($p['participants'][0]['username'], serialize($o) === $before);
// An address Moodle refuses is an issue, not an exception.
$o = $base; $o['users']['student'] = ['Jean <jean@x.example>' => ['firstname' => 'J', 'lastname' => 'D']];
echo shop_setup_session($o)['errors'][0]['message'], "\n";
?>
--EXPECT--
ValueError: shop_setup_session(): $order['users']['student']['bad\xFF@x.example'] is not valid UTF-8 (byte 3)
ValueError: shop_setup_session(): $order['users']['stu\x00dent'] contains a NUL byte at byte 3
ValueError: shop_setup_session(): $order['users']['student']['a@x.example']['city'] is 1048576 bytes long, more than the limit of 4096
ValueError: shop_setup_session(): $order['users']['student']['a@x.example']['email'] is 2010 bytes long, more than the limit of 1024
ValueError: shop_setup_session(): $order['users']['student']['a@x.example']['email'] contains a NUL byte at byte 1
ValueError: shop_setup_session(): $order['users']['student']['a@x.example']['email'] is not valid UTF-8 (byte 1)
ValueError: shop_setup_session(): $facts['users'][0]['email'] contains a NUL byte at byte 11
ValueError: shop_setup_session(): $facts['users'][0]['email'] is not valid UTF-8 (byte 1)
ValueError: shop_setup_session(): $order['transactionid'] is 101 bytes long, more than the limit of 100
ValueError: shop_setup_session(): $order['transactionid'] is not valid UTF-8 (byte 2)
ValueError: shop_setup_session(): $order['handlerparams']['coursename'] contains a NUL byte at byte 4
TypeError: shop_setup_session(): $order['handlerparams']['coursename'] must be of type string, array given
ValueError: shop_setup_session(): $order['handlerparams'] is malformed: parameter string too long at byte 16777216
TypeError: shop_setup_session(): $order['users'] must be of type array|object, string given
TypeError: shop_setup_session(): $order['now'] must be of type int, float given
no error
string(5) "zoe.a"
bool(true)
"Jean <jean@x.example>" (student): "Jean <jean@x.example>" is not an address Moodle accepts: The address contains '<' or '>'; give the bare address, without a display name.
