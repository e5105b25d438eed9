--TEST--
Email differential (quoted): shop_setup's verdict equals Moodle's validate_email() on quoted local parts with every ASCII byte and escape
--EXTENSIONS--
shop_setup
filter
--FILE--
<?php
require __DIR__ . '/email_differential.inc';
mt_srand(diff_seed(3303));
$n = diff_count(40000);
$in = [];
for ($i = 0; $i < $n; $i++) {
    $local = rand_quoted(r(0, 1) ? 8 : 70);
    if (r(0, 3) === 0) {
        $local = r(0, 1) ? rand_atom() . "." . $local : $local . "." . rand_atom();
    }
    $s = $local . "@" . (r(0, 5) ? rand_domain() : rand_ip_literal());
    $in[] = r(0, 4) ? $s : mutate($s);
}
exit(diff_run('quoted', $in) === 0 ? 0 : 1);
?>
--EXPECT--
quoted: no disagreement, both verdicts
