<?php
/*
 * shop_setup_parse_params() against PHP's parse_str() and against a plain
 * userland parse-and-validate doing what the extension does (split, reject
 * malformed escapes, urldecode, reject NUL / invalid UTF-8 / empty keys, last
 * duplicate wins), on real-looking std_setuponecoursesession parameter strings.
 *
 *   php -n -d extension=modules/shop_setup.so bench/params.php [rounds]
 *
 * One process; each round times every contender over the same batch of
 * strings, in rotating order; the report gives the median per call and the
 * ratios of the medians.
 */

if (!function_exists('shop_setup_parse_params')) {
    fwrite(STDERR, "load the extension: php -n -d extension=modules/shop_setup.so bench/params.php\n");
    exit(1);
}

require_once __DIR__ . '/php_mode.php';
$rounds = (int)($argv[1] ?? 15);

$strings = [
    'coursename=FORM-01&supervisor=teacher&autoenrolsupervisor=1&requiredroles=student,teacher&groupname=Groupe+1',
    'coursename=MGT%202026&supervisor=editingteacher&customersupport=SUPPORT&starttime=1767225600&endtime=1798761600&groupname=Session%20de%20printemps&requiredroles=student%2Csupervisor',
    "coursename=SECU-INC&supervisor=teacher&autoenrolsupervisor=yes&customersupport=12&supportrole=student\n&duration=365&requiredroles=student,teacher&attachexisting=owned&operatorrole=teacher&participantrole=student&groupname=Groupe+%C3%A9t%C3%A9+2026&",
    'coursename=PREP%2FCERT%3A1&endtime=%2B6M&supervisor=courseowner&autoenrolsupervisor=1&requiredroles=supervisor,student',
    'coursename=LANG-FR-B2&starttime=1767225600&endtime=2026-06-30T18%3A00%3A00%2B02%3A00&duration=0&autoenrolsupervisor=0&customersupport=SUPPORT-FR&supportrole=student&attachexisting=never&groupname=Cohorte%20A%20%26%20B&requiredroles=student,teacher,supervisor&operatorrole=teacher&participantrole=student&supervisor=teacher&extra=%E2%82%AC%20100',
    'coursename=CHEM101&supervisor=teacher&autoenrolsupervisor=1&customersupport=3&starttime=1767225600&endtime=%2B30D&requiredroles=student',
    'coursename=Initiation%20%C3%A0%20Moodle&groupname=Promo%20%2312&supervisor=teacher&requiredroles=student,teacher&attachexisting=always&autoenrolsupervisor=true',
    'coursename=B&supervisor=teacher&autoenrolsupervisor=1&customersupport=SUPPORT&supportrole=student&starttime=0&endtime=0&duration=30&requiredroles=student',
];

/* The userland equivalent: what a careful handler would write without the extension. */
function userland_parse_params(string $s): array
{
    $out = [];
    $offset = 0;
    foreach (explode('&', $s) as $pair) {
        $pairoffset = $offset;
        $offset += strlen($pair) + 1;
        $pair = trim($pair, " \t\r\n\v\f");
        if ($pair === '') {
            continue;
        }
        $parts = explode('=', $pair, 2);
        $key = $parts[0];
        $value = isset($parts[1]) ? ltrim($parts[1], " \t\r\n\v\f") : '';
        foreach (['key' => $key, 'value' => $value] as $what => $raw) {
            if (preg_match('/%(?![0-9A-Fa-f]{2})/', $raw, $m, PREG_OFFSET_CAPTURE)) {
                throw new ValueError("malformed percent escape at byte " . ($pairoffset + $m[0][1]) . " in $what of \"$key\"");
            }
            if (strpos($raw, "\0") !== false || stripos($raw, '%00') !== false) {
                throw new ValueError("NUL byte in $what of \"$key\"");
            }
        }
        $key = urldecode(rtrim($key, " \t\r\n\v\f"));
        $value = urldecode($value);
        if ($key === '') {
            throw new ValueError("empty key at byte $pairoffset");
        }
        if (!preg_match('//u', $key) || !preg_match('//u', $value)) {
            throw new ValueError("invalid UTF-8 in \"$key\"");
        }
        $out[$key] = $value;
    }
    return $out;
}

/* The contenders agree on the batch (parse_str aside, which mangles nothing here). */
foreach ($strings as $s) {
    $a = shop_setup_parse_params($s);
    $b = userland_parse_params($s);
    parse_str($s, $c);
    if ($a !== $b) {
        fwrite(STDERR, "extension and userland disagree on: $s\n");
        exit(1);
    }
    if (array_keys($a) != array_keys($c)) {
        fwrite(STDERR, "note: parse_str differs on: $s\n");
    }
}

$batch = 2000; /* calls per timing: batch passes over the strings */
$contenders = [
    'shop_setup_parse_params' => function () use ($strings, $batch) {
        for ($i = 0; $i < $batch; $i++) {
            foreach ($strings as $s) {
                $r = shop_setup_parse_params($s);
            }
        }
    },
    'parse_str' => function () use ($strings, $batch) {
        for ($i = 0; $i < $batch; $i++) {
            foreach ($strings as $s) {
                parse_str($s, $r);
            }
        }
    },
    'userland parse+validate' => function () use ($strings, $batch) {
        for ($i = 0; $i < $batch; $i++) {
            foreach ($strings as $s) {
                $r = userland_parse_params($s);
            }
        }
    },
];

$times = array_fill_keys(array_keys($contenders), []);
$names = array_keys($contenders);
for ($r = 0; $r < $rounds; $r++) {
    /* Rotate the order so that no contender always runs first (cache, CPU clock). */
    $order = array_merge(array_slice($names, $r % 3), array_slice($names, 0, $r % 3));
    foreach ($order as $name) {
        $t = hrtime(true);
        $contenders[$name]();
        $times[$name][] = (hrtime(true) - $t) / ($batch * count($strings));
    }
}

function median(array $v): float
{
    sort($v);
    $n = count($v);
    return $n % 2 ? $v[intdiv($n, 2)] : ($v[$n / 2 - 1] + $v[$n / 2]) / 2;
}

$calls = $batch * count($strings);
printf("%d strings of %d to %d bytes (%d to %d keys), %d rounds of %d calls each, PHP %s (%s)\n",
    count($strings), min(array_map('strlen', $strings)), max(array_map('strlen', $strings)),
    min(array_map(fn($s) => count(shop_setup_parse_params($s)), $strings)),
    max(array_map(fn($s) => count(shop_setup_parse_params($s)), $strings)),
    $rounds, $calls, PHP_VERSION, bench_php_mode());
$ext = median($times['shop_setup_parse_params']);
foreach ($times as $name => $t) {
    $m = median($t);
    printf("  %-26s median %7.0f ns/call  (min %7.0f, max %7.0f)  %5.2fx the extension's time\n",
        $name, $m, min($t), max($t), $m / $ext);
}
printf("shop_setup_parse_params is %.2fx as fast as parse_str and %.1fx as fast as the userland parse-and-validate\n",
    median($times['parse_str']) / $ext, median($times['userland parse+validate']) / $ext);

/* The other direction: the canonical string of the decoded arrays. */
function userland_build_params(array $params): string
{
    foreach ($params as $k => $v) {
        if (!is_scalar($v) && $v !== null) {
            throw new TypeError("value of \"$k\" is not scalar");
        }
        $k = (string)$k;
        $v = (string)$v;
        if ($k === '' || strpos($k, "\0") !== false || strpos($v, "\0") !== false
            || !preg_match('//u', $k) || !preg_match('//u', $v)) {
            throw new ValueError("bad key or value \"$k\"");
        }
    }
    ksort($params, SORT_STRING);
    $out = [];
    foreach ($params as $k => $v) {
        $out[] = rawurlencode((string)$k) . '=' . rawurlencode((string)$v);
    }
    return implode('&', $out);
}

$arrays = array_map('shop_setup_parse_params', $strings);
foreach ($arrays as $a) {
    if (shop_setup_build_params($a) !== userland_build_params($a)) {
        fwrite(STDERR, "build: extension and userland disagree\n");
        exit(1);
    }
}
$btimes = ['shop_setup_build_params' => [], 'userland build' => []];
for ($r = 0; $r < $rounds; $r++) {
    foreach ($r % 2 ? array_reverse(array_keys($btimes)) : array_keys($btimes) as $name) {
        $t = hrtime(true);
        for ($i = 0; $i < $batch; $i++) {
            foreach ($arrays as $a) {
                $x = $name === 'userland build' ? userland_build_params($a) : shop_setup_build_params($a);
            }
        }
        $btimes[$name][] = (hrtime(true) - $t) / ($batch * count($arrays));
    }
}
$bext = median($btimes['shop_setup_build_params']);
foreach ($btimes as $name => $t) {
    printf("  %-26s median %7.0f ns/call  (min %7.0f, max %7.0f)  %5.2fx the extension's time\n",
        $name, median($t), min($t), max($t), median($t) / $bext);
}
printf("shop_setup_build_params is %.1fx as fast as the userland validate + ksort + rawurlencode\n",
    median($btimes['userland build']) / $bext);
