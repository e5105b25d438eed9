<?php
/*
 * Seeds the fuzzers' corpora from the PHPT suite: every string literal passed as
 * the first argument of a function listed below, in tests/*.phpt, becomes a seed
 * file fuzz/corpus/<fuzzer>/phpt-<sha1 prefix>. Re-run after adding tests and
 * commit the result:   php fuzz/seed.php
 * Hand-written seeds and inputs that once found a bug live beside them under
 * other names (seed-*, bug-*) and are left alone.
 */
$map = [
    'params' => ['shop_setup_parse_params'],
];
$max = 8192;
$top = dirname(__DIR__);
$found = [];
foreach (glob("$top/tests/*.phpt") as $phpt) {
    $tokens = token_get_all(file_get_contents($phpt));
    $n = count($tokens);
    for ($i = 0; $i < $n; $i++) {
        if (!is_array($tokens[$i]) || $tokens[$i][0] !== T_STRING) {
            continue;
        }
        $fn = strtolower($tokens[$i][1]);
        $fuzzers = array_keys(array_filter($map, fn ($fns) => in_array($fn, $fns, true)));
        if (!$fuzzers) {
            continue;
        }
        // fn ( <literal> followed by ',' or ')': a constant string we can evaluate.
        $j = $i + 1;
        while ($j < $n && is_array($tokens[$j]) && $tokens[$j][0] === T_WHITESPACE) $j++;
        if (($tokens[$j] ?? null) !== '(') continue;
        $j++;
        while ($j < $n && is_array($tokens[$j]) && $tokens[$j][0] === T_WHITESPACE) $j++;
        if (!is_array($tokens[$j] ?? null) || $tokens[$j][0] !== T_CONSTANT_ENCAPSED_STRING) continue;
        $k = $j + 1;
        while ($k < $n && is_array($tokens[$k]) && $tokens[$k][0] === T_WHITESPACE) $k++;
        if (!in_array($tokens[$k] ?? null, [',', ')'], true)) continue;
        // A T_CONSTANT_ENCAPSED_STRING has no interpolation: evaluating it runs no code.
        $value = eval('return ' . $tokens[$j][1] . ';');
        if (!is_string($value) || strlen($value) > $max) continue;
        foreach ($fuzzers as $f) {
            $found[$f][substr(sha1($value), 0, 16)] = $value;
        }
    }
}
$total = 0;
foreach ($map as $f => $_) {
    $dir = "$top/fuzz/corpus/$f";
    if (!is_dir($dir)) mkdir($dir, 0777, true);
    foreach (glob("$dir/phpt-*") as $old) unlink($old);
    foreach ($found[$f] ?? [] as $h => $v) {
        file_put_contents("$dir/phpt-$h", $v);
        $total++;
    }
    printf("%s: %d seeds from PHPT\n", $f, count($found[$f] ?? []));
}
