--TEST--
shop_setup_build_params(): parse(build($x)) is $x sorted by key (ksort SORT_STRING) for generated arrays of string keys and values
--EXTENSIONS--
shop_setup
--FILE--
<?php
mt_srand(20260131);
// Pieces chosen to break naive encoders: separators, escapes, '+', spaces at the ends,
// multi-byte UTF-8, digits that make numeric keys, leading zeros, signs.
$pieces = ['a', 'Z', '0', '1', '9', '-', '.', '_', '~', ' ', '+', '%', '%20', '&', '=', '?', '#', '/', "\n", "\t",
    'é', '€', '😀', "\u{FEFF}", '<b>', '"', "'", '\\', ',', ';'];
$failed = 0;
$numeric = 0;
for ($n = 0; $n < 400; $n++) {
    $x = [];
    for ($p = mt_rand(0, 12); $p > 0; $p--) {
        $k = '';
        for ($i = mt_rand(1, 6); $i > 0; $i--) {
            $k .= $pieces[mt_rand(0, mt_rand(0, 1) ? 4 : count($pieces) - 1)];
        }
        $v = '';
        for ($i = mt_rand(0, 10); $i > 0; $i--) {
            $v .= $pieces[mt_rand(0, count($pieces) - 1)];
        }
        $x[$k] = $v;
    }
    foreach ($x as $k => $v) {
        $numeric += is_int($k);
    }
    $expected = $x;
    ksort($expected, SORT_STRING);
    $built = shop_setup_build_params($x);
    if (shop_setup_parse_params($built) !== $expected || preg_match('/[^A-Za-z0-9\-._~%=&]/', $built)) {
        $failed++;
        echo "failed: ", json_encode($x), "\n";
    }
}
echo "failed: $failed\n";
echo $numeric > 50 ? "numeric keys exercised\n" : "too few numeric keys: $numeric\n";
?>
--EXPECT--
failed: 0
numeric keys exercised
