--TEST--
shop_setup_check_params(): coursename is required (error without offset); an empty string reports it too
--EXTENSIONS--
shop_setup
--FILE--
<?php
var_dump(shop_setup_check_params("supervisor=teacher"));
var_dump(count(shop_setup_check_params("")), shop_setup_check_params("")[0]['code']);
?>
--EXPECT--
array(1) {
  [0]=>
  array(5) {
    ["level"]=>
    string(5) "error"
    ["code"]=>
    string(11) "missing_key"
    ["key"]=>
    string(10) "coursename"
    ["offset"]=>
    NULL
    ["message"]=>
    string(52) "Key "coursename" (the course shortname) is required."
  }
}
int(1)
string(11) "missing_key"
