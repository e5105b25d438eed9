--TEST--
shop_setup_parse_params(): a NUL byte, raw or %00, is a ValueError naming the key and byte offset
--EXTENSIONS--
shop_setup
--FILE--
<?php
foreach (["k=%00", "a=1&k=ab%00cd", "k%00=v", "k=a\0b", "k\0=v", "a=1&\0"] as $s) {
    try {
        shop_setup_parse_params($s);
        echo "no error\n";
    } catch (ValueError $e) {
        echo str_replace("\0", '\0', $e->getMessage()), "\n";
    }
}
?>
--EXPECT--
shop_setup_parse_params(): Argument #1 ($params) has a NUL byte "%00" at byte 2 in the value of key "k"
shop_setup_parse_params(): Argument #1 ($params) has a NUL byte "%00" at byte 8 in the value of key "k"
shop_setup_parse_params(): Argument #1 ($params) has a NUL byte "%00" at byte 1 in the key beginning "k"
shop_setup_parse_params(): Argument #1 ($params) has a NUL byte "\x00" at byte 3 in the value of key "k"
shop_setup_parse_params(): Argument #1 ($params) has a NUL byte "\x00" at byte 1 in the key beginning "k"
shop_setup_parse_params(): Argument #1 ($params) has a NUL byte "\x00" at byte 4 in a key
