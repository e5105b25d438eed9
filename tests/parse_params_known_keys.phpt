--TEST--
shop_setup_parse_params(): the handler's own keys (interned internally) behave like any key: last value wins, order kept, copies independent
--EXTENSIONS--
shop_setup
--FILE--
<?php
$a = shop_setup_parse_params("supervisor=teacher&coursename=A&other=1&coursename=B");
var_dump($a);
$b = shop_setup_parse_params("coursename=C");
$b['coursename'] .= '!';
var_dump($a['coursename'], $b, array_keys($a) === ['supervisor', 'coursename', 'other']);
?>
--EXPECT--
array(3) {
  ["supervisor"]=>
  string(7) "teacher"
  ["coursename"]=>
  string(1) "B"
  ["other"]=>
  string(1) "1"
}
string(1) "B"
array(1) {
  ["coursename"]=>
  string(2) "C!"
}
bool(true)
