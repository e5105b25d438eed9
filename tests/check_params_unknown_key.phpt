--TEST--
shop_setup_check_params(): an unknown key is a warning; a known key in another case or misspelt (two edits at most) gets a hint
--EXTENSIONS--
shop_setup
--FILE--
<?php
foreach (shop_setup_check_params("coursename=A&role=student&Supervisor=teacher&enrol=manual&groupename=G&endtiem=0") as $i) {
    printf("%s %s %s %d | %s\n", $i['level'], $i['code'], $i['key'], $i['offset'], $i['message']);
}
?>
--EXPECT--
warning unknown_key role 13 | Key "role" is not a parameter of std_setuponecoursesession; it is ignored.
warning unknown_key Supervisor 26 | Key "Supervisor" is not a parameter of std_setuponecoursesession; keys are case-sensitive: did you mean "supervisor"?
warning unknown_key enrol 45 | Key "enrol" is not a parameter of std_setuponecoursesession; it is ignored.
warning unknown_key groupename 58 | Key "groupename" is not a parameter of std_setuponecoursesession; did you mean "groupname"?
warning unknown_key endtiem 71 | Key "endtiem" is not a parameter of std_setuponecoursesession; did you mean "endtime"?
