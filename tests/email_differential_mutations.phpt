--TEST--
Email differential (mutations): shop_setup's verdict equals Moodle's validate_email() on mutations of valid-looking and everyday addresses
--EXTENSIONS--
shop_setup
filter
--FILE--
<?php
require __DIR__ . '/email_differential.inc';
mt_srand(diff_seed(2202));
$n = diff_count(50000);
$in = [];
for ($i = 0; $i < $n; $i++) {
    static $everyday = ["jean.dupont@exemple.fr", "Marie-Claire.Martin@univ-lyon1.fr", "contact+shop@orange.fr",
        "j.doe@sub.example.co.uk", "o'neil@example.ie", "x@y.z0", "user@xn--mnchen-3ya.de", "a_b-c@d-e.f-g.com"];
    $base = r(0, 1) ? rand_valid_looking() : pick($everyday);
    $in[] = r(0, 9) ? mutate($base) : $base;
}
exit(diff_run('mutations', $in) === 0 ? 0 : 1);
?>
--EXPECT--
mutations: no disagreement, both verdicts
