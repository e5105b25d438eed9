--TEST--
shop_setup_build_params(): an empty key, a NUL byte or invalid UTF-8 in a key or value is a ValueError naming the key
--EXTENSIONS--
shop_setup
--FILE--
<?php
foreach ([['' => 'v'], ['k' => "a\0b"], ["k\0" => 'v'], ['k' => "ab\xFF"], ["\xC3" => 'v'], ['k' => "\xED\xA0\x80"]] as $input) {
    try {
        shop_setup_build_params($input);
        echo "no error\n";
    } catch (ValueError $e) {
        echo bin2hex(key($input)), ": ", preg_replace('/[^\x20-\x7e]/', '?', $e->getMessage()), "\n";
    }
}
?>
--EXPECT--
: shop_setup_build_params(): Argument #1 ($params) has an empty key
6b: shop_setup_build_params(): Argument #1 ($params) has a NUL byte at byte 1 of the value of key "k"
6b00: shop_setup_build_params(): Argument #1 ($params) has a NUL byte at byte 1 of key "k\x00"
6b: shop_setup_build_params(): Argument #1 ($params) has invalid UTF-8 at byte 2 of the value of key "k"
c3: shop_setup_build_params(): Argument #1 ($params) has invalid UTF-8 at byte 0 of key "\xC3"
6b: shop_setup_build_params(): Argument #1 ($params) has invalid UTF-8 at byte 0 of the value of key "k"
