--TEST--
shop_setup_check_params(): an issue's key is UTF-8 or null, even when the faulty pair's key is not (found by fuzz/session_fuzz.php)
--EXTENSIONS--
shop_setup
--FILE--
<?php
// The escape error in the value is found before the key's UTF-8 check: the key
// "k\xC3" must not come back raw (it would end up in a Moodle page).
foreach (["k%C3=%zz", "k\xC3=%zz", "coursename=X&\xE9t\xE9=%2", "ok=%00"] as $s) {
    foreach (shop_setup_check_params($s) as $issue) {
        if ($issue['code'] === 'missing_key') continue;
        printf("%s key=%s utf8=%d\n", $issue['code'], var_export($issue['key'], true),
            $issue['key'] === null || preg_match('//u', $issue['key']));
    }
}
?>
--EXPECT--
malformed_escape key=NULL utf8=1
malformed_escape key=NULL utf8=1
malformed_escape key=NULL utf8=1
nul_byte key='ok' utf8=1
