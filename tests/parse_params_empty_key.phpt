--TEST--
shop_setup_parse_params(): an empty key ("=v", "a=1&=2", white space then '=') is a ValueError with the byte offset
--EXTENSIONS--
shop_setup
--FILE--
<?php
foreach (["=v", "a=1&=2", "a=1&  =2", "a=1&="] as $s) {
    try {
        shop_setup_parse_params($s);
        echo "no error\n";
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}
// An encoded space is a key, not an empty one.
var_dump(shop_setup_parse_params("%20=v"));
?>
--EXPECT--
shop_setup_parse_params(): Argument #1 ($params) has an empty key at byte 0
shop_setup_parse_params(): Argument #1 ($params) has an empty key at byte 4
shop_setup_parse_params(): Argument #1 ($params) has an empty key at byte 6
shop_setup_parse_params(): Argument #1 ($params) has an empty key at byte 4
array(1) {
  [" "]=>
  string(1) "v"
}
