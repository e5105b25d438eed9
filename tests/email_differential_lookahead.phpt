--TEST--
Email differential (lookahead): php-src's unit-count look-aheads, with empty quoted strings, escaped DEL and long chains
--EXTENSIONS--
shop_setup
filter
--FILE--
<?php
require __DIR__ . '/email_differential.inc';
mt_srand(diff_seed(6606));
$n = diff_count(20000);
$in = [];
for ($i = 0; $i < $n; $i++) {
    $dom = r(0, 3) ? str_repeat('d', r(1, 60)) . '.' . str_repeat('e', r(1, 60)) . '.fr' : rand_domain();
    $s = rand_chain_local() . '@' . $dom;
    $in[] = r(0, 5) ? $s : mutate($s);
}
exit(diff_run('lookahead', $in) === 0 ? 0 : 1);
?>
--EXPECT--
lookahead: no disagreement, both verdicts
