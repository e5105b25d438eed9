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
    switch (r(0, 3)) {
        case 0: // random bytes after a plausible local part
            $s = rand_atom() . "@" . $s;
            break;
        case 1: // random domain-ish characters: often valid, often not
            $d = "";
            for ($j = r(1, 12); $j > 0; $j--) {
                $d .= pick_char("ab9.-_");
            }
            $s = rand_atom() . "@" . $d . "." . pick(["fr", "c0", "9z", "x-y", ""]);
            break;
    }
    $in[] = $s;
}
exit(diff_run('random', $in) === 0 ? 0 : 1);
?>
--EXPECT--
random: no disagreement, both verdicts
