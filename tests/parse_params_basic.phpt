--TEST--
shop_setup_parse_params(): URL-decodes keys and values, keeps empty values, tolerates white space
--EXTENSIONS--
shop_setup
--FILE--
<?php
var_dump(shop_setup_parse_params("coursename=FORM%2D01&groupname=Session+de+mars&empty=&flag&\n  supervisor=teacher  &"));
?>
--EXPECT--
array(5) {
  ["coursename"]=>
  string(7) "FORM-01"
  ["groupname"]=>
  string(15) "Session de mars"
  ["empty"]=>
  string(0) ""
  ["flag"]=>
  string(0) ""
  ["supervisor"]=>
  string(7) "teacher"
}
