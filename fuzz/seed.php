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
    'params' => ['shop_setup_parse_params', 'shop_setup_check_params'],
    'email' => ['shop_setup_email_normalize', 'shop_setup_email_check', 'shop_setup_email_equals'],
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
// The window fuzzer reads a binary layout (fuzz/fuzz_window.c): now, coursestart,
// flags, two lengths, then starttime, endtime, duration. Seeds pair the time
// forms the tests use with hand-picked ones.
$times = ['', '0', '1767225600', '2026-03-01', '2026-03-01T09:30:00Z', '2026-03-01 09:30', '2026-03-01T09:30:00.250+01:00', '2026-03-01T09:30+0530', '2026-02-29', '9999-12-31T23:59:59Z'];
$ends = ['', '0', '+30D', '+1M', '+2W', '+12H', ' 30d', '+0D', '2027-01-31', '1798761600'];
foreach (glob("$top/tests/*.phpt") as $phpt) {
    if (preg_match_all("/'(starttime|endtime|duration)'\\s*=>\\s*'([^'\\\\]{0,60})'/", file_get_contents($phpt), $m, PREG_SET_ORDER)) {
        foreach ($m as [, $k, $v]) {
            if ($k === 'endtime') $ends[] = $v; else $times[] = $v;
        }
    }
}
$times = array_values(array_unique($times));
$ends = array_values(array_unique($ends));
foreach ($times as $i => $st) {
    foreach ([$ends[$i % count($ends)], $ends[($i * 7 + 3) % count($ends)]] as $j => $et) {
        $du = ['', '30', '0', '365'][($i + $j) % 4];
        $flags = 2 | 4 | ($du !== '' ? 8 : 0) | (($i + $j) & 1);
        $seed = pack('J', 1767225600) . pack('J', $j ? 1769904000 : 0) . chr($flags) . chr(strlen($st)) . chr(strlen($et)) . $st . $et . $du;
        $found['window'][substr(sha1($seed), 0, 16)] = $seed;
    }
}
$map['window'] = [];
$total = 0;
foreach ($map as $f => $_) {
    $dir = "$top/fuzz/corpus/$f";
    if (!is_dir($dir)) mkdir($dir, 0777, true);
    foreach (glob("$dir/phpt-*") as $old) unlink($old);
    foreach ($found[$f] ?? [] as $h => $v) {
        file_put_contents("$dir/phpt-$h", $v);
        $total++;
    }
    printf("%s: %d seeds\n", $f, count($found[$f] ?? []));
}
