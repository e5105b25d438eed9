--TEST--
shop_setup_email_check(): quoted local parts on which PHP's PCRE may give up are refused as quoted_too_complex
--EXTENSIONS--
shop_setup
filter
--FILE--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') ini_set('pcre.jit', '0'); // valgrind cannot follow JIT code
// Five or more quoted words: PHP's PCRE backtracks over 2^gaps paths in filter_var's
// look-aheads and, depending on length and pcre.backtrack_limit, gives up (filter_var
// then says no). shop_setup refuses all of them, so it never accepts what Moodle refuses.
$four = '"a"."b"."c"."d".jean@exemple.fr';            // 7 lone quotes between characters
$five = '"a"."b"."c"."d"."e".jean@exemple.fr';        // 9
$six  = '"a"."b"."c"."d"."e"."f".jean@exemple.fr';    // 11
foreach ([$four, $five, $six] as $e) {
    echo $e, ' ', shop_setup_email_check($e)['code'] ?? 'ok', "\n";
}
// Where PHP does give up, on a longer one:
// (ten quoted words: 19 lone quotes, 2^19 paths; with JIT or without, default limits)
$long = '"a"."b"."c"."d"."e"."f"."g"."h"."i"."j".' . str_repeat('j', 20) . '@' . str_repeat('d', 60) . '.exemple.fr';
var_dump(filter_var($long, FILTER_VALIDATE_EMAIL), shop_setup_email_check($long)['code']);
?>
--EXPECT--
"a"."b"."c"."d".jean@exemple.fr ok
"a"."b"."c"."d"."e".jean@exemple.fr ok
"a"."b"."c"."d"."e"."f".jean@exemple.fr quoted_too_complex
bool(false)
string(18) "quoted_too_complex"
