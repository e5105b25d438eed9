--TEST--
shop_setup_emails_check(): duplicate and possible_alias warnings, never merged
--EXTENSIONS--
shop_setup
--FILE--
<?php
// Within one batch: "duplicate" when two values have the same match key (the same
// Moodle account), "possible_alias" when only Gmail dots or a +tag differ (probably
// one mailbox, possibly two colleagues). Warnings only: nothing merged, all "ok".
$batch = [
    'A' => 'Jean.Dupont@gmail.com',
    'B' => 'jeandupont@gmail.com',
    'C' => 'jean.dupont+formation@googlemail.com',
    'D' => ' JEAN.DUPONT@GMAIL.COM',
    'E' => 'marie.curie@exemple.fr',
    'F' => 'mariecurie@exemple.fr',          // dots matter outside Gmail: no warning
    'G' => 'marie.curie+shop@exemple.fr',    // a +tag is cut for every domain
    'H' => 'pas une adresse',
    7   => 'marie.curie@exemple.fr',
];
$r = shop_setup_emails_check($batch);
var_dump(array_keys($r) === array_keys($batch));
foreach ($r as $k => $one) {
    printf("%s ok=%s key=%s\n", $k, var_export($one['ok'], true), var_export($one['normalized'], true));
    foreach ($one['warnings'] as $w) {
        printf("    %s [%s] %s\n", $w['code'], implode(', ', $w['keys'] ?? []), $w['message']);
    }
}
// Single-address checks see no batch, so no batch warnings.
var_dump(shop_setup_email_check('jeandupont@gmail.com')['warnings']);
// Policy applies to each member; the alias warnings still use the keys.
$r = shop_setup_emails_check(['x' => 'a@exemple.fr', 'y' => 'a+1@exemple.fr'], ['denyemailaddresses' => 'exemple.fr']);
echo $r['x']['code'], ' ', $r['y']['warnings'][0]['code'], ' ', json_encode($r['y']['warnings'][0]['keys']), "\n";
try {
    shop_setup_emails_check(['ok@exemple.fr', 'k' => false]);
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(true)
A ok=true key='jean.dupont@gmail.com'
    duplicate [D] The same address (ignoring letter case and surrounding spaces) also appears at key(s) "D".
    possible_alias [B, C] Probably the same mailbox (dots or a +tag in the part before '@') as the address at key(s) "B", "C".
B ok=true key='jeandupont@gmail.com'
    possible_alias [A, D, C] Probably the same mailbox (dots or a +tag in the part before '@') as the address at key(s) "A", "D", "C".
C ok=true key='jean.dupont+formation@googlemail.com'
    possible_alias [A, D, B] Probably the same mailbox (dots or a +tag in the part before '@') as the address at key(s) "A", "D", "B".
D ok=true key='jean.dupont@gmail.com'
    duplicate [A] The same address (ignoring letter case and surrounding spaces) also appears at key(s) "A".
    possible_alias [B, C] Probably the same mailbox (dots or a +tag in the part before '@') as the address at key(s) "B", "C".
E ok=true key='marie.curie@exemple.fr'
    duplicate [7] The same address (ignoring letter case and surrounding spaces) also appears at key(s) 7.
    possible_alias [G] Probably the same mailbox (dots or a +tag in the part before '@') as the address at key(s) "G".
F ok=true key='mariecurie@exemple.fr'
G ok=true key='marie.curie+shop@exemple.fr'
    possible_alias [E, 7] Probably the same mailbox (dots or a +tag in the part before '@') as the address at key(s) "E", 7.
H ok=false key=NULL
7 ok=true key='marie.curie@exemple.fr'
    duplicate [E] The same address (ignoring letter case and surrounding spaces) also appears at key(s) "E".
    possible_alias [G] Probably the same mailbox (dots or a +tag in the part before '@') as the address at key(s) "G".
array(0) {
}
domain_denied possible_alias ["x"]
shop_setup_emails_check(): Argument #1 ($emails) must contain only strings, bool given at key "k"
