--TEST--
shop_setup_emails_normalize(): keeps keys and order, TypeError naming the key of a non-string
--EXTENSIONS--
shop_setup
--FILE--
<?php
// Same keys in the same order, each value the match key or null.
var_dump(shop_setup_emails_normalize([
    'row-7' => ' Jean.Dupont@Exemple.FR',
    12 => 'pas une adresse',
    'row-3' => "marie@exemple.fr\u{A0}",
    -1 => '',
]));
var_dump(shop_setup_emails_normalize([]));
// A list stays a list; holes keep their keys.
var_dump(shop_setup_emails_normalize(['A@B.FR', 'c@d.fr']));
$holes = [0 => 'a@b.fr', 1 => 'x', 2 => 'c@d.fr'];
unset($holes[1]);
var_dump(shop_setup_emails_normalize($holes));
// References are followed.
$v = 'Ref@Exemple.FR';
$arr = ['r' => &$v];
var_dump(shop_setup_emails_normalize($arr));
// Wrong element types: a TypeError naming the key, and no result at all.
foreach ([['ok@exemple.fr', 42], ['k' => null], ['a' => 'x@y.fr', "cl\u{E9}" => ['nested']], [3 => 1.5]] as $bad) {
    try {
        shop_setup_emails_normalize($bad);
        echo "no error\n";
    } catch (TypeError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
// Agrees with the scalar form on every element of a mixed batch.
$batch = ['a@b.fr', ' A@B.FR ', 'a@b', '"q"@b.fr', "x\0@y.fr", str_repeat('z', 5000), 'a@[1.2.3.4]', 'mailto:a@b.fr'];
var_dump(shop_setup_emails_normalize($batch) === array_map('shop_setup_email_normalize', $batch));
?>
--EXPECT--
array(4) {
  ["row-7"]=>
  string(22) "jean.dupont@exemple.fr"
  [12]=>
  NULL
  ["row-3"]=>
  string(16) "marie@exemple.fr"
  [-1]=>
  NULL
}
array(0) {
}
array(2) {
  [0]=>
  string(6) "a@b.fr"
  [1]=>
  string(6) "c@d.fr"
}
array(2) {
  [0]=>
  string(6) "a@b.fr"
  [2]=>
  string(6) "c@d.fr"
}
array(1) {
  ["r"]=>
  string(14) "ref@exemple.fr"
}
TypeError: shop_setup_emails_normalize(): Argument #1 ($emails) must contain only strings, int given at key 1
TypeError: shop_setup_emails_normalize(): Argument #1 ($emails) must contain only strings, null given at key "k"
TypeError: shop_setup_emails_normalize(): Argument #1 ($emails) must contain only strings, array given at key "clé"
TypeError: shop_setup_emails_normalize(): Argument #1 ($emails) must contain only strings, float given at key 3
bool(true)
