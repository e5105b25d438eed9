--TEST--
shop_setup_email_check(): ValueError/TypeError for a malformed $policy
--EXTENSIONS--
shop_setup
--FILE--
<?php
// $policy takes Moodle's two settings only, as strings or null.
foreach ([['allowemailaddress' => 'exemple.fr'], [0 => 'exemple.fr'], ['denyemailaddresses' => ['exemple.fr']], ['allowemailaddresses' => 1]] as $policy) {
    try {
        shop_setup_email_check('jean@exemple.fr', $policy);
        echo "no error\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
try {
    shop_setup_emails_check(['jean@exemple.fr'], ['allow' => 'x']);
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// Non-string scalars are refused by the typed signatures (strict or not, arrays never pass).
try {
    shop_setup_email_normalize([]);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
ValueError: shop_setup_email_check(): Argument #2 ($policy) has an unknown key "allowemailaddress" (expected "allowemailaddresses" or "denyemailaddresses")
ValueError: shop_setup_email_check(): Argument #2 ($policy) has an unknown key 0 (expected "allowemailaddresses" or "denyemailaddresses")
TypeError: shop_setup_email_check(): Argument #2 ($policy) must hold a string or null at key "denyemailaddresses", array given
TypeError: shop_setup_email_check(): Argument #2 ($policy) must hold a string or null at key "allowemailaddresses", int given
ValueError: shop_setup_emails_check(): Argument #2 ($policy) has an unknown key "allow" (expected "allowemailaddresses" or "denyemailaddresses")
TypeError: shop_setup_email_normalize(): Argument #1 ($email) must be of type string, array given
