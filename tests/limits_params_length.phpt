--TEST--
Limits: a handler parameter string over 16 MiB is a ValueError before any decoding; 1 MiB parses
--EXTENSIONS--
shop_setup
--INI--
memory_limit=256M
--FILE--
<?php
// 17 MiB: a hostile order must not make the worker decode (and allocate) it.
$s = str_repeat('a=b&', 17 * 1024 * 1024 / 4);
try {
    shop_setup_parse_params($s);
    echo "accepted\n";
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// One byte over the limit, a single value.
try {
    shop_setup_parse_params('k=' . str_repeat('x', 16 * 1024 * 1024 - 1));
    echo "accepted\n";
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// Well under the limit: parsed in full, nothing truncated.
$r = shop_setup_parse_params('k=' . str_repeat('x', 1024 * 1024));
var_dump(strlen($r['k']));
?>
--EXPECT--
ValueError: shop_setup_parse_params(): Argument #1 ($params) is longer than 16777216 bytes
ValueError: shop_setup_parse_params(): Argument #1 ($params) is longer than 16777216 bytes
int(1048576)
