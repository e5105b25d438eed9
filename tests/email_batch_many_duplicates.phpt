--TEST--
shop_setup_emails_check(): a thousand copies of one address give linear, bounded warnings
--EXTENSIONS--
shop_setup
--FILE--
<?php
// A buyer who typed their own address for every participant: the warnings stay
// linear in the batch (at most 10 keys listed, "count" tells how many in all).
$batch = array_fill(0, 1000, 'Acheteur@Exemple.FR');
for ($i = 0; $i < 200; $i++) {
    $batch[] = "acheteur+$i@exemple.fr";
}
$batch[] = 'autre@exemple.fr';
$r = shop_setup_emails_check($batch);
var_dump(count($r));
$first = $r[0]['warnings'];
echo $first[0]['code'], ' ', count($first[0]['keys']), ' of ', $first[0]['count'], ': ', $first[0]['message'], "\n";
echo $first[1]['code'], ' ', count($first[1]['keys']), ' of ', $first[1]['count'], ': ', json_encode($first[1]['keys']), "\n";
$tag = $r[1001]['warnings'];
echo $tag[0]['code'], ' ', count($tag[0]['keys']), ' of ', $tag[0]['count'], ': ', json_encode($tag[0]['keys']), "\n";
var_dump($r[1200]['warnings']);
$listed = 0;
foreach ($r as $one) {
    foreach ($one['warnings'] as $w) {
        $listed += count($w['keys']);
    }
}
var_dump($listed <= 2 * 10 * count($batch));
?>
--EXPECT--
int(1201)
duplicate 10 of 999: The same address (ignoring letter case and surrounding spaces) also appears at key(s) 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 (and 989 more).
possible_alias 10 of 200: [1000,1001,1002,1003,1004,1005,1006,1007,1008,1009]
possible_alias 10 of 1199: [0,1,2,3,4,5,6,7,8,9]
array(0) {
}
bool(true)
