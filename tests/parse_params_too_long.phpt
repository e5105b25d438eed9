--TEST--
shop_setup_parse_params(): a string over 16 MiB is a ValueError (the resource limit), exactly 16 MiB is parsed
--EXTENSIONS--
shop_setup
--FILE--
<?php
$limit = 16 << 20;
$ok = 'k=' . str_repeat('x', $limit - 2);
var_dump(strlen(shop_setup_parse_params($ok)['k']));
unset($ok);
try {
    shop_setup_parse_params('k=' . str_repeat('x', $limit - 1));
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
int(16777214)
shop_setup_parse_params(): Argument #1 ($params) is longer than 16777216 bytes
