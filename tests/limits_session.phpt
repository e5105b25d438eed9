--TEST--
Limits: shop_setup_session() refuses over 1,000,000 participants or seats, emails over 1,024 bytes, fields over 4,096 bytes, a 17 MiB parameter string, with the path in the ValueError
--EXTENSIONS--
shop_setup
--INI--
memory_limit=512M
--FILE--
<?php
$p = ['firstname' => 'A', 'lastname' => 'B', 'email' => 'a@b.fr'];
$base = ['transactionid' => 'TX', 'quantity' => 10, 'operator' => 42, 'handlerparams' => 'coursename=F', 'users' => []];
$try = function (callable $f) { try { $f(); echo "accepted\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } };
$one = fn (string $key, array $part) => ['users' => ['student' => [$key => $part]]] + $base;
// Participants: counted before anything is read (the values need not even be valid).
$try(fn () => shop_setup_session(['users' => ['student' => array_fill(0, 600000, $p), 'teacher' => array_fill(0, 400001, $p)]] + $base));
$try(fn () => shop_setup_session(['quantity' => 1000001] + $base));
// Email: 1,024 bytes is the limit, as the value and as the key it is filed under.
$e1024 = str_repeat('a', 1013) . '@exemple.fr';
$try(fn () => shop_setup_session($one('x@y.fr', ['email' => $e1024] + $p)));
$try(fn () => shop_setup_session($one('x@y.fr', ['email' => 'a' . $e1024] + $p)));
$try(fn () => shop_setup_session($one('a' . $e1024, ['firstname' => 'A', 'lastname' => 'B'])));
// Names and other fields: 4,096 bytes.
$try(fn () => shop_setup_session($one('x@y.fr', ['firstname' => str_repeat('x', 4096)] + $p)));
$try(fn () => shop_setup_session($one('x@y.fr', ['lastname' => str_repeat('é', 2049)] + $p)));
$try(fn () => shop_setup_session($one('x@y.fr', ['institution' => str_repeat('i', 4097)] + $p)));
// Order fields.
$try(fn () => shop_setup_session(['transactionid' => str_repeat('T', 101)] + $base));
$try(fn () => shop_setup_session(['handlerparams' => 'coursename=F&' . str_repeat('x', 16 * 1024 * 1024)] + $base));
?>
--EXPECTF--
ValueError: shop_setup_session(): $order['users'] holds more than 1000000 participants
ValueError: shop_setup_session(): $order['quantity'] must be between 0 and 1000000, 1000001 given
accepted
ValueError: shop_setup_session(): $order['users']['student']['x@y.fr']['email'] is 1025 bytes long, more than the limit of 1024
ValueError: shop_setup_session(): $order['users']['student']['%s...'] is 1025 bytes long, more than the limit of 1024
accepted
ValueError: shop_setup_session(): $order['users']['student']['x@y.fr']['lastname'] is 4098 bytes long, more than the limit of 4096
ValueError: shop_setup_session(): $order['users']['student']['x@y.fr']['institution'] is 4097 bytes long, more than the limit of 4096
ValueError: shop_setup_session(): $order['transactionid'] is 101 bytes long, more than the limit of 100
ValueError: shop_setup_session(): $order['handlerparams'] is malformed: parameter string too long at byte 16777216
