<?php
declare(strict_types=1);
/*
 * Structure-aware harness for the PHP entry points of shop_setup, run with the
 * extension (plain, and under ASan+UBSan through scripts/asan.sh --exec):
 *
 *   php -n -d extension=shop_setup.so -d memory_limit=2G fuzz/session_fuzz.php \
 *       [--seconds=60] [--iterations=N] [--seed=N] [--only=target] [--label=plain]
 *
 * Each iteration picks a target, builds a random input from a structure-aware
 * generator (valid shapes, then mutated: missing keys, wrong types, nested
 * objects, references, huge ints, negative quantities, control characters,
 * invalid UTF-8, 10 KB emails...) and calls the function. The outcome must be
 * a TypeError or ValueError, or a result that keeps the target's properties
 * (checked against userland references and the invariants of
 * docs/session-contract.md). Any other throwable, warning, notice, crash or
 * leak is a failure. Iteration i is generated from seed + i alone, so
 * "--seed=S --only=T --iterations=1 --start=I" replays it.
 *
 * Targets whose functions are not built yet are listed as skipped. The heavy
 * cases (100,000 participants, 17 MiB parameter strings, 10 KB emails) run once
 * per run, before the random iterations.
 * Ends with "session <label>: N passed, N failed" (one check per target run).
 */

const WS = " \t\r\n\v\f";
const MAX_PARAMS = 16 * 1024 * 1024;

$opt = getopt('', ['seconds:', 'iterations:', 'seed:', 'only:', 'label:', 'start:', 'verbose']);
$seconds = (float) ($opt['seconds'] ?? 30);
$maxIter = (int) ($opt['iterations'] ?? PHP_INT_MAX);
$seed = (int) ($opt['seed'] ?? random_int(1, 1 << 30));
$start = (int) ($opt['start'] ?? 0);
$label = (string) ($opt['label'] ?? 'plain');
$verbose = isset($opt['verbose']);

if (!extension_loaded('shop_setup')) {
    fwrite(STDERR, "shop_setup is not loaded (php -d extension=modules/shop_setup.so ...)\n");
    echo "session $label: 0 passed, 1 failed\n";
    exit(1);
}

final class PropertyFailed extends Exception {}

function prop(bool $cond, string $what): void
{
    if (!$cond) {
        throw new PropertyFailed($what);
    }
}

/** A short printable rendering of any value, for failure reports. */
function show(mixed $v, int $max = 300): string
{
    // print_r, not var_export: it survives recursive arrays.
    $s = is_string($v) ? '"' . $v . '"' : print_r($v, true);
    $s = addcslashes($s, "\0..\37\177..\377");
    return strlen($s) > $max ? substr($s, 0, $max) . '...(' . strlen($s) . ' chars)' : $s;
}

function is_utf8(string $s): bool
{
    return preg_match('//u', $s) === 1;
}

/* ---------------------------------------------------------------- generators */

final class Gen
{
    public function __construct(public int $seed) { mt_srand($seed); }

    public function int(int $lo, int $hi): int { return mt_rand($lo, $hi); }
    public function chance(int $percent): bool { return mt_rand(1, 100) <= $percent; }
    /** @template T @param T[] $a @return T */
    public function pick(array $a): mixed { return $a[array_rand($a)]; }

    public function word(int $min = 1, int $max = 12): string
    {
        $n = $this->int($min, $max);
        $s = '';
        for ($i = 0; $i < $n; $i++) {
            $s .= chr($this->int(0, 2) ? $this->int(97, 122) : $this->pick([$this->int(48, 57), $this->int(65, 90), 45, 46, 95]));
        }
        return $s;
    }

    public function bytes(int $n): string
    {
        $s = '';
        for ($i = 0; $i < $n; $i++) $s .= chr($this->int(0, 255));
        return $s;
    }

    /** Text as a buyer types it, sometimes hostile. */
    public function text(): string
    {
        return match ($this->int(0, 14)) {
            0 => '',
            1 => $this->bytes($this->int(1, 40)),                        // random bytes, usually invalid UTF-8
            2 => "Jean\0Dupont",                                           // NUL
            3 => "Ann\x01e\x1b[31m\x7f" . $this->word(),                  // control characters
            4 => str_repeat('é', $this->int(1, 3000)),                     // long multibyte
            5 => "\xC3\x28" . $this->word(),                               // ill-formed
            6 => "\xED\xA0\x80",                                           // surrogate
            7 => "\xF0\x9F\x98\x80 " . $this->word(),                      // emoji
            8 => '<b>' . $this->word() . '</b>',
            9 => "  " . $this->word() . "\t\n",
            10 => (string) $this->int(-5, 99999),
            11 => str_repeat('x', $this->int(4090, 4100)),                 // around SS_MAX_FIELD_LEN
            default => ucfirst($this->word(2, 10)) . ($this->chance(30) ? ' ' . ucfirst($this->word()) : ''),
        };
    }

    public function email(): string
    {
        $local = $this->pick([$this->word(1, 20), 'jean.dupont', 'a+tag', '"quoted local"', '', 'x..y', '.x', str_repeat('l', 65)]);
        $domain = $this->pick(['exemple.fr', 'Exemple.FR', 'gmail.com', 'sub.domain.org', 'localhost', '[127.0.0.1]', 'münchen.de', 'a-.fr', str_repeat('d', 64) . '.fr', $this->word() . '.' . $this->word(2, 4)]);
        $e = $local . '@' . $domain;
        return match ($this->int(0, 12)) {
            0 => strtoupper($e),
            1 => " \t" . $e . "\xC2\xA0",                                  // trimmed (NBSP included)
            2 => $e . "\r\nBcc: x@y.fr",                                   // header injection
            3 => "mailto:" . $e,
            4 => $e . ', ' . $this->word() . '@x.fr',
            5 => 'Jean <' . $e . '>',
            6 => str_repeat('a', 10 * 1024) . '@exemple.fr',               // 10 KB
            7 => $e . "\0",
            8 => $this->bytes($this->int(0, 30)),
            9 => "\xEF\xBB\xBF" . $e,                                      // BOM
            default => $e,
        };
    }

    /** Any PHP value, nested to $depth: the generator of wrong types. */
    public function hostile(int $depth = 2): mixed
    {
        $k = $this->int(0, $depth > 0 ? 17 : 12);
        switch ($k) {
            case 0: return null;
            case 1: return $this->chance(50);
            case 2: return $this->pick([0, -1, 1, PHP_INT_MAX, PHP_INT_MIN, 4294967296, -4294967297]);
            case 3: return $this->int(-1000000, 1000000);
            case 4: return $this->pick([NAN, INF, -INF, -0.0, 1.5, 1e300, 0.1]);
            case 5: return $this->text();
            case 6: return $this->email();
            case 7: return $this->pick(['0', '1', '-1', '1e3', ' 12', '12 ', '0x1A', '9223372036854775808', '+30D', '2026-03-01']);
            case 8: return '';
            case 9: return fopen('php://memory', 'r');
            case 10: return function () { return 1; };
            case 11: return new DateTime('@0');
            case 12: return $this->bytes($this->int(0, 8));
            case 13: $a = []; for ($i = $this->int(0, 4); $i > 0; $i--) $a[] = $this->hostile($depth - 1); return $a;
            case 14: $a = []; for ($i = $this->int(0, 4); $i > 0; $i--) $a[$this->word()] = $this->hostile($depth - 1); return $a;
            case 15: $o = new stdClass(); for ($i = $this->int(0, 3); $i > 0; $i--) $o->{$this->word()} = $this->hostile($depth - 1); return $o;
            case 16: $a = ['x' => 1]; $a['self'] = &$a; return $a;      // recursive reference
            default: $v = $this->hostile($depth - 1); $a = [&$v, $this->hostile($depth - 1)]; return $a;
        }
    }

    /** A handler parameter string: well-formed pairs, then maybe mutated. */
    public function paramString(): string
    {
        $keys = ['coursename', 'supervisor', 'autoenrolsupervisor', 'customersupport', 'supportrole', 'starttime', 'endtime', 'duration', 'requiredroles', 'groupname', 'attachexisting', 'operatorrole', 'participantrole', 'unknown', '0', '12', '-1', 'a b', 'é'];
        $pairs = [];
        for ($i = $this->int(0, 8); $i > 0; $i--) {
            $k = $this->chance(80) ? $this->pick($keys) : $this->text();
            $v = $this->chance(60) ? $this->pick(['FORM-01', 'teacher', 'student', '1', '0', 'yes', 'owned', 'never', '+30D', '1767225600', '2026-03-01T09:30:00+01:00', 'student,teacher', '', '365']) : $this->text();
            $enc = $this->int(0, 3);
            $ek = $enc === 0 ? $k : ($enc === 1 ? urlencode($k) : rawurlencode($k));
            $ev = $enc === 0 ? $v : ($enc === 1 ? urlencode($v) : rawurlencode($v));
            $pairs[] = $this->chance(90) ? "$ek=$ev" : $ek;
        }
        $s = implode($this->chance(90) ? '&' : '&&', $pairs);
        // Mutations: a byte here and there.
        for ($i = $this->chance(40) ? $this->int(1, 4) : 0; $i > 0; $i--) {
            $pos = $this->int(0, strlen($s));
            $ins = $this->pick(['%', '%0', '%00', '%zz', '%C3', '%FF', '=', '&', '+', "\0", ' ', "\n", '%E2%82', '%ED%A0%80']);
            $s = substr($s, 0, $pos) . $ins . substr($s, $pos + ($this->chance(30) ? 1 : 0));
        }
        return $s;
    }
}

/* ---------------------------------------------------------------- references */

/** Userland reading of the documented parameter rules; null when the string is refused. */
function ref_parse_params(string $s): ?array
{
    if (strlen($s) > MAX_PARAMS) return null;
    $out = [];
    foreach (explode('&', $s) as $seg) {
        $seg = ltrim($seg, WS);
        if (preg_match('/\0|%(?![0-9a-fA-F]{2})|%00/', $seg)) return null;
        $eq = strpos($seg, '=');
        $kraw = rtrim($eq === false ? $seg : substr($seg, 0, $eq), WS);
        if ($kraw === '') {
            if ($eq === false) continue;
            return null;
        }
        $vraw = $eq === false ? '' : trim(substr($seg, $eq + 1), WS);
        $k = urldecode($kraw);
        $v = urldecode($vraw);
        if (!is_utf8($k) || !is_utf8($v)) return null;
        $out[$k] = $v;
    }
    return $out;
}

/* ---------------------------------------------------------------- targets */

/**
 * Calls $fn; returns ['ok', result] or ['TypeError'|'ValueError', message].
 * Warnings and notices become failures; so does any other throwable.
 */
function call(callable $fn, array $args): array
{
    try {
        return ['ok', $fn(...$args)];
    } catch (TypeError $e) {
        return ['TypeError', $e->getMessage()];
    } catch (ValueError $e) {
        return ['ValueError', $e->getMessage()];
    }
}

function check_parse_params(Gen $g): void
{
    $s = match ($g->int(0, 5)) {
        0 => $g->bytes($g->int(0, 64)),
        1 => $g->text(),
        default => $g->paramString(),
    };
    $ref = ref_parse_params($s);
    [$kind, $r] = call('shop_setup_parse_params', [$s]);
    if ($kind === 'ok') {
        prop(is_array($r), 'result is an array');
        prop($ref !== null, 'accepted a string the reference refuses');
        prop($r === $ref, 'result differs from the reference: ' . show($ref));
        foreach ($r as $k => $v) {
            prop(is_string($v) && is_utf8($v) && !str_contains($v, "\0"), 'value is UTF-8 without NUL');
            prop(is_int($k) || (is_utf8($k) && $k !== '' && !str_contains($k, "\0")), 'key is UTF-8 without NUL');
        }
    } else {
        prop($kind === 'ValueError', "$kind on a string: $r");
        prop($ref === null, 'refused a string the reference accepts: ' . $r);
        prop((bool) preg_match('/at byte (\d+)/', $r, $m) && (int) $m[1] < max(1, strlen($s)), 'error offset within the input: ' . $r);
    }
    // Wrong types: strict mode, every non-string is a TypeError.
    $v = $g->hostile();
    if (!is_string($v)) {
        [$kind, $r] = call('shop_setup_parse_params', [$v]);
        prop($kind === 'TypeError', 'non-string ' . get_debug_type($v) . " gave $kind");
    }
}

function scalarish(Gen $g): mixed
{
    return match ($g->int(0, 9)) {
        0 => $g->int(-100, 100000),
        1 => $g->pick([true, false, null]),
        2 => $g->pick([1.5, -0.0, 1e20, NAN, INF]),
        3 => $g->text(),
        4 => $g->hostile(1),
        default => $g->pick(['FORM-01', 'teacher', 'a b&c=d', 'é+%', '', '0']),
    };
}

function check_build_params(Gen $g): void
{
    $a = [];
    for ($i = $g->int(0, 6); $i > 0; $i--) {
        $k = $g->chance(70) ? $g->word() : ($g->chance(50) ? $g->int(-5, 100) : $g->text());
        $a[$k] = scalarish($g);
    }
    $bad_type = false;
    $bad_value = false;
    foreach ($a as $k => $v) {
        if (is_array($v) || is_object($v) || is_resource($v)) $bad_type = true;
        $ks = (string) $k;
        if ($ks === '' || str_contains($ks, "\0") || !is_utf8($ks)) $bad_value = true;
        if (is_string($v) && (str_contains($v, "\0") || !is_utf8($v))) $bad_value = true;
    }
    [$kind, $r] = call('shop_setup_build_params', [$a]);
    if ($kind === 'ok') {
        prop(!$bad_type && !$bad_value, 'accepted an array with a bad key or value');
        prop(is_string($r) && preg_match('/^[A-Za-z0-9._~%=&-]*$/', $r) === 1, 'output only unreserved bytes, %XX, = and &: ' . show($r));
        $want = [];
        foreach ($a as $k => $v) {
            $want[(string) $k] = is_float($v) ? null : (string) $v;
        }
        $back = shop_setup_parse_params($r);
        prop(count($back) === count($a), 'round trip keeps every key');
        $keys = array_map('strval', array_keys($back));
        $sorted = $keys;
        sort($sorted, SORT_STRING);
        prop($keys === $sorted, 'keys sorted in byte order');
        foreach ($a as $k => $v) {
            prop(array_key_exists($k, $back), "round trip keeps key $k");
            if (!is_float($v)) {
                prop($back[$k] === (string) $v, "round trip keeps the value of $k: " . show($back[$k]));
            }
        }
        prop(shop_setup_build_params($back) === $r, 'build(parse(build(x))) is build(x)');
    } else {
        prop($kind === 'TypeError' ? $bad_type : $bad_value, "$kind for " . show($a) . ": $r");
    }
}

function check_check_params(Gen $g): void
{
    $s = $g->chance(80) ? $g->paramString() : $g->bytes($g->int(0, 64));
    [$kind, $r] = call('shop_setup_check_params', [$s]);
    if ($kind !== 'ok') prop(false, "check_params threw $kind: $r");
    prop(is_array($r) && array_is_list($r), 'a list of issues');
    $lexical = ['malformed_escape', 'nul_byte', 'invalid_utf8', 'empty_key', 'params_too_long'];
    $lex = false;
    foreach ($r as $issue) {
        prop(is_array($issue) && in_array($issue['level'] ?? null, ['error', 'warning'], true), 'issue level');
        prop(is_string($issue['code'] ?? null) && is_string($issue['message'] ?? null) && is_utf8($issue['message']), 'issue code and message');
        prop(array_key_exists('key', $issue) && array_key_exists('offset', $issue), 'issue key and offset present');
        prop($issue['offset'] === null || (is_int($issue['offset']) && $issue['offset'] >= 0 && $issue['offset'] <= strlen($s)), 'issue offset within the input: ' . show($issue));
        prop($issue['key'] === null || (is_string($issue['key']) && is_utf8($issue['key'])), 'issue key is UTF-8');
        if (in_array($issue['code'], $lexical, true)) $lex = true;
    }
    $parsed = call('shop_setup_parse_params', [$s])[0] === 'ok';
    prop($parsed !== $lex, $parsed ? 'lexical issue on a string parse_params accepts' : 'no lexical issue on a string parse_params refuses');
}

function check_enrol_window(Gen $g): void
{
    $p = [];
    $forms = fn () => $g->pick(['', '0', '1767225600', '2026-03-01', '2026-03-01T09:30:00Z', '2026-02-30', '+30D', '+1M', '+2W', '+12H', ' 5D', '-5', '99999999999999999999', '1e9', $g->int(0, 2000000000), $g->int(-10, 10), null, $g->text(), $g->hostile(1)]);
    foreach (['starttime', 'endtime', 'duration'] as $k) {
        if ($g->chance(60)) $p[$k] = $forms();
    }
    if ($g->chance(20)) $p['coursename'] = 'FORM-01';
    $now = $g->pick([0, 1767225600, $g->int(0, 2000000000), PHP_INT_MAX, -1]);
    $cs = $g->pick([0, 1767225600, $g->int(-100, 2000000000), PHP_INT_MAX, PHP_INT_MIN]);
    $ren = $g->chance(50);
    $bad_type = false;
    foreach (['starttime', 'endtime', 'duration'] as $k) {
        if (array_key_exists($k, $p) && !is_string($p[$k]) && !is_int($p[$k]) && $p[$k] !== null) $bad_type = true;
    }
    // now and coursestart are checked first: out of range, they are the ValueError.
    $args_ok = $now >= 0 && $now <= 253402300799 && $cs <= 253402300799;
    [$kind, $r] = call('shop_setup_enrol_window', [$p, $now, $cs, $ren]);
    if ($kind === 'TypeError') {
        prop($bad_type, "TypeError without a bad type: $r");
        return;
    }
    prop(!$bad_type || (!$args_ok && $kind === 'ValueError'), "a bad type gave $kind");
    if ($kind === 'ValueError') return;
    prop(is_array($r) && count($r) === 2 && is_int($r[0]) && is_int($r[1]), 'window is [int, int]');
    [$start, $end] = $r;
    prop($start >= 0 && $end >= 0 && $start <= 253402300799 && $end <= 253402300799, 'window within 0..9999-12-31');
    prop($end === 0 || $end > $start, 'end after start or open');
    if ($cs > 0) prop($start >= $cs, 'start not before the course start');
    $st = $p['starttime'] ?? null;
    if ($st === null || $st === '' || $st === '0' || $st === 0) prop($start === max($now, $cs), 'absent starttime: start is now (or the course start)');
    $et = $p['endtime'] ?? null;
    if (($et === null || $et === '') && !$ren) prop($end === 0, 'no endtime, not renewable: open end');
    if (is_string($et) && preg_match('/^\+(\d{1,6})([DdHhWw])$/', $et, $m)) {
        $unit = ['d' => 86400, 'h' => 3600, 'w' => 604800][strtolower($m[2])];
        prop($end === $start + (int) $m[1] * $unit, "relative end $et");
    }
    if (($et === null || $et === '') && $ren) {
        $d = $p['duration'] ?? null;
        $days = ($d === null || $d === '' || $d === '0' || $d === 0) ? 365 : (int) $d;
        prop($end === $start + $days * 86400, 'renewable: start + duration days');
    }
}

/* Heavy cases: once per run. */
function heavy_cases(): array
{
    $cases = [];
    $cases['params 17 MiB refused'] = function () {
        [$kind, $r] = call('shop_setup_parse_params', [str_repeat('a=b&', 17 * 1024 * 1024 / 4)]);
        prop($kind === 'ValueError' && preg_match('/too long|longer than 16777216/', $r) === 1, "17 MiB: $kind $r");
    };
    $cases['params 1 MiB value'] = function () {
        [$kind, $r] = call('shop_setup_parse_params', ['k=' . str_repeat('%C3%A9', 200000)]);
        prop($kind === 'ok' && strlen($r['k']) === 400000, '1 MiB of escapes decoded whole');
    };
    $cases['params 100,000 pairs'] = function () {
        // implode, not .=: under ASan every realloc copies, so appending is quadratic.
        $s = implode('&', array_map(fn ($i) => "k$i=v$i", range(0, 99999)));
        [$kind, $r] = call('shop_setup_parse_params', [$s]);
        prop($kind === 'ok' && count($r) === 100000 && $r['k99999'] === 'v99999', '100,000 pairs parsed');
    };
    return $cases;
}

$targets = [
    'parse_params' => ['shop_setup_parse_params', 'check_parse_params'],
    'build_params' => ['shop_setup_build_params', 'check_build_params'],
    'check_params' => ['shop_setup_check_params', 'check_check_params'],
    'enrol_window' => ['shop_setup_enrol_window', 'check_enrol_window'],
];

/* ---------------------------------------------------------------- driver */

$active = [];
$skipped = [];
foreach ($targets as $name => [$fn, $check]) {
    if (isset($opt['only']) && $opt['only'] !== $name) continue;
    if (function_exists($fn)) $active[$name] = $check; else $skipped[] = $name;
}
$stats = [];
$failures = [];
set_error_handler(function (int $no, string $msg, string $file, int $line): bool {
    throw new ErrorException($msg, 0, $no, $file, $line);
});

$t0 = microtime(true);
if (!isset($opt['only']) && !isset($opt['iterations'])) {
    foreach (heavy_cases() as $name => $case) {
        try {
            $case();
            $stats["heavy: $name"] = ['runs' => 1];
        } catch (Throwable $e) {
            $failures[] = "heavy case '$name': " . get_class($e) . ': ' . $e->getMessage();
        }
        gc_collect_cycles();
    }
}

$names = array_keys($active);
$i = $start;
$done = 0;
while ($names && $done < $maxIter && microtime(true) - $t0 < $seconds) {
    $g = new Gen($seed + $i);
    $name = $names[$i % count($names)];
    $stats[$name]['runs'] = ($stats[$name]['runs'] ?? 0) + 1;
    try {
        ($active[$name])($g);
    } catch (Throwable $e) {
        $stats[$name]['failed'] = ($stats[$name]['failed'] ?? 0) + 1;
        if (count($failures) < 20) {
            $failures[] = sprintf("%s iteration %d (replay: --seed=%d --start=%d --iterations=1 --only=%s): %s: %s (line %d)%s",
                $name, $i, $seed, $i, $name, get_class($e), $e->getMessage(), $e->getLine(),
                $verbose ? "\n" . $e->getTraceAsString() : '');
        }
    }
    if ($i % 64 === 0) gc_collect_cycles();
    $i++;
    $done++;
}
restore_error_handler();
gc_collect_cycles();

$passed = 0;
$failed = 0;
printf("session %s: seed %d, %d iterations in %.1f s\n", $label, $seed, $done, microtime(true) - $t0);
foreach ($stats as $name => $s) {
    printf("  %-32s %7d runs%s\n", $name, $s['runs'], isset($s['failed']) ? ", {$s['failed']} FAILED" : '');
    isset($s['failed']) ? $failed++ : $passed++;
}
foreach ($skipped as $name) printf("  %-32s skipped: %s not built\n", $name, $targets[$name][0]);
foreach ($failures as $f) {
    echo "  FAIL $f\n";
}
// Heavy-case failures have no stats line of their own.
$failed += count(array_filter($failures, fn ($f) => str_starts_with($f, 'heavy case')));
if ($passed + $failed === 0) $failed = 1;
echo "session $label: $passed passed, $failed failed\n";
exit($failed ? 1 : 0);
