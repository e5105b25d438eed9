--TEST--
shop_setup_email_normalize(): CR, LF and NUL are refused anywhere, never trimmed
--EXTENSIONS--
shop_setup
filter
--FILE--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') ini_set('pcre.jit', '0'); // valgrind cannot follow JIT code
// CR and LF are refused anywhere (PHPMailer refuses them; a line break in one cell
// means two addresses or a header injection), even at the edges: they are not trimmed.
foreach (["a@exemple.fr\n", "\r\na@exemple.fr", "a@exemple.fr\r", "\"a\\\nb\"@exemple.fr"] as $e) {
    $r = shop_setup_email_check($e);
    echo json_encode($e), ' ', $r['code'], "\n";
}
// NUL is refused too. This is the one place where Moodle would say yes: filter_var
// accepts a backslash-escaped NUL inside a quoted local part; no database column
// holds it, so shop_setup refuses it.
$q = "\"a\\\0b\"@exemple.fr";
var_dump(filter_var($q, FILTER_VALIDATE_EMAIL) !== false);
var_dump(shop_setup_email_normalize($q), shop_setup_email_check($q)['code']);
var_dump(shop_setup_email_normalize("\0a@exemple.fr"), shop_setup_email_normalize("a@exemple.fr\0"));
// Vertical tab and form feed are white space: trimmed at the edges.
var_dump(shop_setup_email_normalize("\x0Ba@exemple.fr\x0C"));
?>
--EXPECT--
"a@exemple.fr\n" line_break
"\r\na@exemple.fr" line_break
"a@exemple.fr\r" line_break
"\"a\\\nb\"@exemple.fr" line_break
bool(true)
NULL
string(8) "nul_byte"
NULL
NULL
string(12) "a@exemple.fr"
