--TEST--
Error messages quoting a caller's key stay valid UTF-8: ill-formed bytes escaped, cuts on a character boundary
--EXTENSIONS--
shop_setup
--FILE--
<?php
foreach (["bad\xFF\xFEkey", str_repeat("é", 70), "ctl\x01"] as $key) {
    try {
        shop_setup_emails_normalize([$key => 1]);
    } catch (TypeError $e) {
        $m = $e->getMessage();
        var_dump(preg_match('//u', $m) === 1); // valid UTF-8
        echo substr($m, strpos($m, 'at key ') + 7), "\n";
    }
}
?>
--EXPECTF--
bool(true)
"bad\xFF\xFEkey"
bool(true)
"éééééééééééééééééééééééééééééééé..."
bool(true)
"ctl\x01"
