--TEST--
shop_setup_check_params(): a correct parameter string, with every known key, gives an empty list
--EXTENSIONS--
shop_setup
--FILE--
<?php
var_dump(shop_setup_check_params("coursename=FORM-01"));
var_dump(shop_setup_check_params(
    "coursename=Initiation%20%C3%A0%20Moodle&supervisor=editingteacher&autoenrolsupervisor=YES" .
    "&customersupport=SUPPORT&supportrole=student&starttime=1767225600&endtime=2026-12-31T18:00:00%2B01:00" .
    "&requiredroles=student,+teacher,supervisor&groupname=Promo+%2312&attachexisting=always" .
    "&operatorrole=courseowner&participantrole=student\n"));
var_dump(shop_setup_check_params("coursename=X&customersupport=12&endtime=+6M&duration=&autoenrolsupervisor=&starttime="));
?>
--EXPECT--
array(0) {
}
array(0) {
}
array(0) {
}
