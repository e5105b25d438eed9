--TEST--
Email differential (random): shop_setup's verdict equals Moodle's validate_email() on random printable and binary strings
--EXTENSIONS--
shop_setup
filter
--FILE--
<?php
require __DIR__ . '/email_differential.inc';
mt_srand(diff_seed(1101));
$n = diff_count(50000);
$in = [];
for ($i = 0; $i < $n; $i++) {
    $len = r(0, 40);
    $s = "";
    for ($j = 0; $j < $len; $j++) {
        $s .= rand_byte();
    }
    if (r(0, 2) === 0) {
        $s = rand_atom() . "@" . $s;
    }
    $in[] = $s;
}
exit(diff_run('random', $in) === 0 ? 0 : 1);
?>
--EXPECT--
random: no disagreement, both verdicts
