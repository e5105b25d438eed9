--TEST--
shop_setup_parse_params(): raw white space and newlines around pairs are dropped; encoded spaces are kept
--EXTENSIONS--
shop_setup
--FILE--
<?php
$pasted = "coursename=FORM-01\r\n  & supervisor = teacher \n&\tgroupname=%20Groupe%20A%20\n&note=a b\n";
var_dump(shop_setup_parse_params($pasted));
?>
--EXPECT--
array(4) {
  ["coursename"]=>
  string(7) "FORM-01"
  ["supervisor"]=>
  string(7) "teacher"
  ["groupname"]=>
  string(10) " Groupe A "
  ["note"]=>
  string(3) "a b"
}
