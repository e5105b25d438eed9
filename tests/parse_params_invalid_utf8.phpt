--TEST--
shop_setup_parse_params(): invalid UTF-8 after decoding (bad byte, overlong, surrogate, truncated) is a ValueError with the input offset
--EXTENSIONS--
shop_setup
--FILE--
<?php
foreach (["k=%FF", "k=ab%C3%A9%C0%AF", "k=%ED%A0%80", "k=%E2%82", "k=x\xC3", "%C3%A9t%E9=1", "k=%F4%90%80%80"] as $s) {
    try {
        shop_setup_parse_params($s);
        echo "no error\n";
    } catch (ValueError $e) {
        echo bin2hex($s), ": ", preg_replace('/[\x80-\xff]/', '?', $e->getMessage()), "\n";
    }
}
var_dump(shop_setup_parse_params("k=%F0%9F%98%80&%C3%A9=%EF%BF%BD"));
?>
--EXPECT--
6b3d254646: shop_setup_parse_params(): Argument #1 ($params) has invalid UTF-8 at byte 2 in the value of key "k"
6b3d6162254333254139254330254146: shop_setup_parse_params(): Argument #1 ($params) has invalid UTF-8 at byte 10 in the value of key "k"
6b3d254544254130253830: shop_setup_parse_params(): Argument #1 ($params) has invalid UTF-8 at byte 2 in the value of key "k"
6b3d254532253832: shop_setup_parse_params(): Argument #1 ($params) has invalid UTF-8 at byte 2 in the value of key "k"
6b3d78c3: shop_setup_parse_params(): Argument #1 ($params) has invalid UTF-8 at byte 3 in the value of key "k"
254333254139742545393d31: shop_setup_parse_params(): Argument #1 ($params) has invalid UTF-8 at byte 7 in the key beginning "??t"
6b3d254634253930253830253830: shop_setup_parse_params(): Argument #1 ($params) has invalid UTF-8 at byte 2 in the value of key "k"
array(2) {
  ["k"]=>
  string(4) "😀"
  ["é"]=>
  string(3) "�"
}
