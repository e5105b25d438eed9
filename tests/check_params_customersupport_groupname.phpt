--TEST--
shop_setup_check_params(): customersupport is a course shortname or a numeric id > 0; groupname is a display name of at most 254 characters
--EXTENSIONS--
shop_setup
--FILE--
<?php
foreach (['12', 'SUPPORT', 'Support+FR', '0', '000', '', '%3Cscript%3E'] as $v) {
    $issues = shop_setup_check_params('coursename=A&customersupport=' . $v);
    printf("customersupport=%-12s %s\n", $v, $issues ? $issues[0]['code'] . ' ' . $issues[0]['offset'] : 'ok');
}
foreach (['Session+de+mars', str_repeat('g', 254), str_repeat('g', 255), '', 'A%0AB'] as $v) {
    $issues = shop_setup_check_params('coursename=A&groupname=' . $v);
    printf("groupname=%-16s %s\n", substr($v, 0, 16), $issues ? $issues[0]['code'] . ' ' . $issues[0]['offset'] : 'ok');
}
?>
--EXPECT--
customersupport=12           ok
customersupport=SUPPORT      ok
customersupport=Support+FR   ok
customersupport=0            invalid_course_id 29
customersupport=000          invalid_course_id 29
customersupport=             empty_value 29
customersupport=%3Cscript%3E html_tags 29
groupname=Session+de+mars  ok
groupname=gggggggggggggggg ok
groupname=gggggggggggggggg value_too_long 277
groupname=                 empty_value 23
groupname=A%0AB            control_character 24
