--TEST--
shop_setup_email_equals(): true only for two valid addresses with one match key
--EXTENSIONS--
shop_setup
--FILE--
<?php
// Same Moodle account: both valid and the same match key.
var_dump(shop_setup_email_equals('Jean.Dupont@Exemple.FR', " jean.dupont@exemple.fr\u{A0}"));
var_dump(shop_setup_email_equals('"Jean"@exemple.fr', '"jean"@exemple.fr'));   // Moodle's lookups ignore case everywhere
var_dump(shop_setup_email_equals('jean.dupont@gmail.com', 'jeandupont@gmail.com')); // an alias is not the same account
var_dump(shop_setup_email_equals('jean@exemple', 'jean@exemple'));             // invalid on both sides: never equal
var_dump(shop_setup_email_equals('', ''));
var_dump(shop_setup_email_equals("jean@exemple.fr\n", 'jean@exemple.fr'));
?>
--EXPECT--
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
