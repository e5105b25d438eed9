--TEST--
shop_setup_check_params(): coursename is a PARAM_TEXT course shortname of 1 to 255 characters (not bytes), without tags or control characters
--EXTENSIONS--
shop_setup
--FILE--
<?php
function show(string $s): void {
    $issues = shop_setup_check_params($s);
    if (!$issues) { echo "ok\n"; }
    foreach ($issues as $i) {
        printf("%s %s %s %d | %s\n", $i['level'], $i['code'], $i['key'], $i['offset'], rtrim(substr($i['message'], 0, 90)));
    }
}
show("coursename=" . str_repeat('%C3%A9', 255));        // 255 characters, 510 bytes
show("coursename=" . str_repeat('%C3%A9', 256));
show("coursename=" . str_repeat('x', 256));
show("coursename=");
show("coursename=A%3Cb%3EB");
show("coursename=A+%3C+B");
show("coursename=A%09B");
show("coursename=A%7FB");
?>
--EXPECT--
ok
error value_too_long coursename 1541 | Value "éééééééééééééééééééééééééééééééé..." of coursename
error value_too_long coursename 266 | Value "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..." of coursename
error empty_value coursename 11 | Value "" of coursename is empty: expected a Moodle course shortname (1 to 255 characters,
error html_tags coursename 12 | Value "A<b>B" of coursename contains an HTML tag, which Moodle's PARAM_TEXT would strip: e
ok
error control_character coursename 12 | Value "A\x09B" of coursename contains a control character: expected a Moodle course shortn
error control_character coursename 12 | Value "A\x7FB" of coursename contains a control character: expected a Moodle course shortn
