--TEST--
shop_setup_check_params(): reports every lexical error (not just the first), with offsets, and still checks the good pairs
--EXTENSIONS--
shop_setup
--FILE--
<?php
$s = "coursename=A%zz&supervisor=%&=x&groupname=%FF&k%00=1&attachexisting=sometimes&ok=%41";
foreach (shop_setup_check_params($s) as $i) {
    printf("%s %s %s %s | %s\n", $i['level'], $i['code'], var_export($i['key'], true), var_export($i['offset'], true), $i['message']);
}
?>
--EXPECT--
error malformed_escape 'coursename' 12 | Malformed percent escape "%zz" at byte 12 in the value of key "coursename".
error malformed_escape 'supervisor' 27 | Malformed percent escape "%" at byte 27 in the value of key "supervisor".
error empty_key NULL 29 | Empty key at byte 29.
error invalid_utf8 'groupname' 42 | Invalid UTF-8 at byte 42 in the value of key "groupname".
error nul_byte NULL 47 | NUL byte "%00" at byte 47 in the key beginning "k".
error invalid_attach_mode 'attachexisting' 68 | Value "sometimes" of attachexisting is not an attach mode: expected never, owned or always.
warning unknown_key 'ok' 78 | Key "ok" is not a parameter of std_setuponecoursesession; it is ignored.
