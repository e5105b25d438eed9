--TEST--
shop_setup_parse_params(): '=' and '&' encoded in values stay in the value; only the first raw '=' splits a pair
--EXTENSIONS--
shop_setup
--FILE--
<?php
var_dump(shop_setup_parse_params("groupname=A%26B%3DC&x=1%3D1&raw=a=b=c&k%3Dey=v"));
?>
--EXPECT--
array(4) {
  ["groupname"]=>
  string(5) "A&B=C"
  ["x"]=>
  string(3) "1=1"
  ["raw"]=>
  string(5) "a=b=c"
  ["k=ey"]=>
  string(1) "v"
}
