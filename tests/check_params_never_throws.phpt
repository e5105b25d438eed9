--TEST--
shop_setup_check_params(): hostile input (random bytes, 1 MiB garbage, over 16 MiB) gives issues, never an exception
--EXTENSIONS--
shop_setup
--FILE--
<?php
mt_srand(99);
$alphabet = "%=&+a\x00\xff\xc3\xa90 \n";
$thrown = 0;
$n = 0;
for ($t = 0; $t < 300; $t++) {
    $s = '';
    for ($i = mt_rand(0, 60); $i > 0; $i--) {
        $s .= mt_rand(0, 3) ? $alphabet[mt_rand(0, strlen($alphabet) - 1)] : chr(mt_rand(0, 255));
    }
    try {
        $n += count(shop_setup_check_params($s));
    } catch (Throwable $e) {
        $thrown++;
        echo bin2hex($s), ': ', get_class($e), "\n";
    }
}
echo "thrown: $thrown, issues found: ", $n > 300 ? 'many' : $n, "\n";

// 1 MiB, 262,144 faulty pairs: the list stops at 1000 issues plus one too_many_issues.
$issues = shop_setup_check_params(str_repeat("%zz&", 1 << 18));
echo count($issues), ' ', $issues[0]['code'], ' ', $issues[999]['offset'], ' ', end($issues)['code'], "\n";
// 100,000 unknown keys: the same cap.
$issues = shop_setup_check_params("coursename=A&" . implode('&', array_map(fn($i) => "k$i=v", range(1, 100000))));
echo count($issues), ' ', $issues[0]['code'], ' ', end($issues)['code'], "\n";

$issues = shop_setup_check_params(str_repeat('a', (16 << 20) + 1));
echo count($issues), ' ', $issues[0]['code'], ' ', $issues[0]['offset'], "\n";
?>
--EXPECT--
thrown: 0, issues found: many
1001 malformed_escape 3996 too_many_issues
1001 unknown_key too_many_issues
1 params_too_long 16777216
