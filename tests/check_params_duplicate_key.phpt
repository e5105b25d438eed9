--TEST--
shop_setup_check_params(): a repeated key is an error at each repeat (parse_params keeps the last value)
--EXTENSIONS--
shop_setup
--FILE--
<?php
foreach (shop_setup_check_params("coursename=A&supervisor=teacher&coursename=B&coursename=C") as $i) {
    printf("%s %s %s %d | %s\n", $i['level'], $i['code'], $i['key'], $i['offset'], $i['message']);
}
// The value checked is the last one, as parse_params would use it.
foreach (shop_setup_check_params("coursename=A&supervisor=teacher&supervisor=Bad+Role") as $i) {
    printf("%s %s %s %d\n", $i['level'], $i['code'], $i['key'], $i['offset']);
}
?>
--EXPECT--
error duplicate_key coursename 32 | Key "coursename" is repeated (first at byte 0); the last value wins.
error duplicate_key coursename 45 | Key "coursename" is repeated (first at byte 0); the last value wins.
error duplicate_key supervisor 32
error invalid_role supervisor 43
