--TEST--
shop_setup_parse_params(): a malformed escape ('%' at the end, "%zz", "%2") is a ValueError naming the key and byte offset
--EXTENSIONS--
shop_setup
--FILE--
<?php
foreach (["a=1&k=%", "a=1&k=ab%zz", "k=%2", "k=%2&b=1", "k%g1=v", "%=1", "a=%%41", "a=100%"] as $s) {
    try {
        shop_setup_parse_params($s);
        echo "no error: $s\n";
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
shop_setup_parse_params(): Argument #1 ($params) has a malformed percent escape "%" at byte 6 in the value of key "k"
shop_setup_parse_params(): Argument #1 ($params) has a malformed percent escape "%zz" at byte 8 in the value of key "k"
shop_setup_parse_params(): Argument #1 ($params) has a malformed percent escape "%2" at byte 2 in the value of key "k"
shop_setup_parse_params(): Argument #1 ($params) has a malformed percent escape "%2" at byte 2 in the value of key "k"
shop_setup_parse_params(): Argument #1 ($params) has a malformed percent escape "%g1" at byte 1 in the key beginning "k"
shop_setup_parse_params(): Argument #1 ($params) has a malformed percent escape "%" at byte 0 in a key
shop_setup_parse_params(): Argument #1 ($params) has a malformed percent escape "%" at byte 2 in the value of key "a"
shop_setup_parse_params(): Argument #1 ($params) has a malformed percent escape "%" at byte 5 in the value of key "a"
