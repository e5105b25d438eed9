<?php
/*
 * shop_setup_emails_normalize() against its userland equivalent, in one process:
 *     foreach: $t = trim($e); filter_var($t, FILTER_VALIDATE_EMAIL) !== false
 *              && strpbrk($t, '<>') === false ? strtolower($t) : null
 * on 100,000 realistic addresses (names, capitals, some trailing spaces,
 * no-break spaces and typos). Prints the median of several runs and the ratio.
 *
 *   php -d extension=modules/shop_setup.so bench/email.php [count] [runs]
 *
 * The userland loop is what a PHP handler would write; note that it is the
 * more lenient of the two (trim() knows no U+00A0), so the extension does
 * strictly more work per address.
 */
if (!function_exists('shop_setup_emails_normalize')) {
    fwrite(STDERR, "load the extension: php -d extension=modules/shop_setup.so bench/email.php\n");
    exit(1);
}
require_once __DIR__ . '/php_mode.php';
$count = (int) ($argv[1] ?? 100000);
$runs = (int) ($argv[2] ?? 7);

mt_srand(20251126);
$first = ['jean', 'marie', 'Pierre', 'Sophie', 'luc', 'anne-laure', 'Jean-Baptiste', 'camille', 'nicolas', 'Émilie',
    'thomas', 'julie', 'o\'brien', 'françois', 'KEVIN', 'léa', 'hugo', 'chloe', 'maxime', 'sarah'];
$last = ['dupont', 'martin', 'Bernard', 'durand', 'petit', 'Leroy', 'moreau', 'simon', 'laurent', 'michel',
    'garcia', 'david', 'bertrand', 'roux', 'vincent', 'fournier', 'morel', 'girard', 'andre', 'lefebvre'];
$domains = ['gmail.com', 'orange.fr', 'free.fr', 'hotmail.fr', 'yahoo.fr', 'wanadoo.fr', 'laposte.net', 'sfr.fr',
    'outlook.com', 'icloud.com', 'univ-lyon1.fr', 'ac-grenoble.fr', 'Exemple.FR', 'entreprise.co.uk', 'cnrs.fr'];
$ascii = fn (string $s) => strtr($s, ['é' => 'e', 'É' => 'E', 'ç' => 'c', 'è' => 'e']);
$emails = [];
for ($i = 0; $i < $count; $i++) {
    $f = $first[mt_rand(0, 19)];
    $l = $last[mt_rand(0, 19)];
    $local = match (mt_rand(0, 5)) {
        0 => "$f.$l",
        1 => $f[0] . ".$l",
        2 => "$f$l" . mt_rand(1, 99),
        3 => ucfirst($f) . '.' . ucfirst($l),
        4 => "$l.$f+formation",
        default => "{$f}_{$l}",
    };
    $e = $local . '@' . $domains[mt_rand(0, 14)];
    $e = match (mt_rand(0, 19)) {
        0, 1 => $e . ' ',                 // trailing space from a form
        2 => " $e",
        3 => strtoupper($e),
        4 => str_replace('@', '@@', $e), // typos: invalid
        5 => rtrim($e, 'mr'),           // "gmail.co", "orange.f": still valid or not
        default => $e,
    };
    // Accented first names are not valid; most buyers type them without accents.
    $emails[] = mt_rand(0, 9) ? $ascii($e) : $e;
}

$userland = function (array $emails): array {
    $out = [];
    foreach ($emails as $k => $e) {
        $t = trim($e);
        $out[$k] = (filter_var($t, FILTER_VALIDATE_EMAIL) !== false && strpbrk($t, '<>') === false) ? strtolower($t) : null;
    }
    return $out;
};
$extension = fn (array $emails): array => shop_setup_emails_normalize($emails);

// Same answers on this corpus (it has no no-break spaces, which only the extension trims).
$a = $userland($emails);
$b = $extension($emails);
$valid = count(array_filter($b, fn ($v) => $v !== null));
if ($a !== $b) {
    $diff = array_keys(array_diff_assoc(array_map('strval', $a), array_map('strval', $b)));
    fwrite(STDERR, 'the two disagree, e.g. on ' . json_encode($emails[$diff[0]]) . "\n");
    exit(1);
}

// Interleaved runs, so that a noisy neighbour slows both sides alike; wall time and
// this process's CPU time (getrusage), the latter less sensitive to a busy machine.
$cpu = function (): float {
    $r = getrusage();
    return ($r['ru_utime.tv_sec'] + $r['ru_stime.tv_sec']) * 1e3 + ($r['ru_utime.tv_usec'] + $r['ru_stime.tv_usec']) / 1e3;
};
$tu = $tx = $cu = $cx = [];
for ($r = 0; $r < $runs; $r++) {
    $c = $cpu();
    $s = hrtime(true);
    $userland($emails);
    $tu[] = (hrtime(true) - $s) / 1e6;
    $cu[] = $cpu() - $c;
    $c = $cpu();
    $s = hrtime(true);
    $extension($emails);
    $tx[] = (hrtime(true) - $s) / 1e6;
    $cx[] = $cpu() - $c;
}
$med = function (array $a): float {
    sort($a);
    return $a[intdiv(count($a), 2)];
};
[$u, $x, $uc, $xc] = [$med($tu), $med($tx), $med($cu), $med($cx)];
printf("email normalise: %d addresses (%d valid), medians of %d interleaved runs, PHP %s (%s)\n", $count, $valid, $runs,
    PHP_VERSION, bench_php_mode());
printf("  userland (trim + filter_var + strpbrk + strtolower): %8.2f ms wall (%4.0f ns/address), %8.2f ms CPU\n", $u, $u * 1e6 / $count, $uc);
printf("  shop_setup_emails_normalize():                       %8.2f ms wall (%4.0f ns/address), %8.2f ms CPU\n", $x, $x * 1e6 / $count, $xc);
printf("  ratio: %.1fx faster (wall), %.1fx (CPU)\n", $u / $x, $xc > 0 ? $uc / $xc : 0);
