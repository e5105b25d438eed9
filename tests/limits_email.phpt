--TEST--
Limits: email batches over 1,000,000 addresses are a ValueError; an address over 1,024 bytes is refused as too_long without being scanned
--EXTENSIONS--
shop_setup
--INI--
memory_limit=512M
--FILE--
<?php
$try = function (callable $f) { try { $f(); echo "accepted\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } };
$try(fn () => shop_setup_emails_normalize(array_fill(0, 1000001, 'a@b.fr')));
$try(fn () => shop_setup_emails_check(array_fill(0, 1000001, 'a@b.fr')));
$ten = str_repeat('a', 10 * 1024) . '@exemple.fr';
var_dump(shop_setup_email_normalize($ten));
echo shop_setup_email_check($ten)['code'], "\n";
var_dump(shop_setup_email_equals($ten, $ten));
// White space around does not count against the limit; the limit is on the trimmed address.
echo shop_setup_email_check(str_repeat(' ', 2000) . 'a@b.fr' . str_repeat(' ', 2000))['normalized'], "\n";
?>
--EXPECT--
ValueError: shop_setup_emails_normalize(): Argument #1 ($emails) must not hold more than 1000000 addresses, 1000001 given
ValueError: shop_setup_emails_check(): Argument #1 ($emails) must not hold more than 1000000 addresses, 1000001 given
NULL
too_long
bool(false)
a@b.fr
