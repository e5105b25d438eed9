--TEST--
shop_setup_parse_params(): keeps empty values, a key without '=' has "", empty pairs and a trailing '&' are skipped
--EXTENSIONS--
shop_setup
--FILE--
<?php
var_dump(shop_setup_parse_params("a=&b&&c=1&"));
var_dump(shop_setup_parse_params(""));
var_dump(shop_setup_parse_params("&&&"));
var_dump(shop_setup_parse_params(" \n\t "));
?>
--EXPECT--
array(3) {
  ["a"]=>
  string(0) ""
  ["b"]=>
  string(0) ""
  ["c"]=>
  string(1) "1"
}
array(0) {
}
array(0) {
}
array(0) {
}
