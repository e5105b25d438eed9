--TEST--
shop_setup_parse_params(): a repeated key keeps its last value (as parse_str), numeric-string keys become int keys
--EXTENSIONS--
shop_setup
--FILE--
<?php
var_dump(shop_setup_parse_params("a=1&b=2&a=3&12=x&012=y&-5=z&1.5=w&12=last"));
parse_str("a=1&b=2&a=3", $r);
var_dump(shop_setup_parse_params("a=1&b=2&a=3") === $r);
?>
--EXPECT--
array(6) {
  ["a"]=>
  string(1) "3"
  ["b"]=>
  string(1) "2"
  [12]=>
  string(4) "last"
  ["012"]=>
  string(1) "y"
  [-5]=>
  string(1) "z"
  ["1.5"]=>
  string(1) "w"
}
bool(true)
