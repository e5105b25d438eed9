--TEST--
Limits: shop_setup_remote_lookup() refuses an email over 1,024 bytes and more than 1,000,000 lookups before any request
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php if (!function_exists('shop_setup_remote_lookup')) die('skip built without libcurl'); ?>
--INI--
memory_limit=512M
--FILE--
<?php
// Port 9 (discard) on the loopback: were a request sent, the error would be a RuntimeException.
$try = function (callable $f) { try { $f(); echo "no error\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } };
$try(fn () => shop_setup_remote_lookup(['emails' => [str_repeat('a', 1014) . '@exemple.fr']], 'http://127.0.0.1:9/', 'token'));
$try(fn () => shop_setup_remote_lookup(['emails' => array_fill(0, 1000001, 'a@b.fr')], 'http://127.0.0.1:9/', 'token'));
$try(fn () => shop_setup_remote_lookup(['usernames' => array_fill(0, 1000001, 'jdupont')], 'http://127.0.0.1:9/', 'token'));
?>
--EXPECT--
ValueError: shop_setup_remote_lookup(): $lookups['emails'][0] must be non-empty valid UTF-8 without NUL bytes, at most 1024 bytes
ValueError: shop_setup_remote_lookup(): $lookups['emails'] must not hold more than 1000000 values, 1000001 given
ValueError: shop_setup_remote_lookup(): $lookups['usernames'] must not hold more than 1000000 values, 1000001 given
