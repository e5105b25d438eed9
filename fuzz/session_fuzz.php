<?php
declare(strict_types=1);
/*
 * Structure-aware harness for the PHP entry points of shop_setup, run with the
 * extension (plain, and under ASan+UBSan through scripts/asan.sh --exec):
 *
 *   php -n -d extension=shop_setup.so -d memory_limit=2G fuzz/session_fuzz.php \
 *       [--seconds=30] [--iterations=N] [--seed=N] [--only=target] [--label=plain] [--no-heavy]
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
require_once dirname(__DIR__) . '/tests/inc/session_model.php';
require_once dirname(__DIR__) . '/examples/session/columns.php';
const MAX_PARAMS = 16 * 1024 * 1024;

$opt = getopt('', ['seconds:', 'iterations:', 'seed:', 'only:', 'label:', 'start:', 'verbose', 'no-heavy']);
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

/** Counts what happened in the current target, so the summary shows what was really exercised. */
function note(string $what): void
{
    $GLOBALS['notes'][$GLOBALS['current']][$what] = ($GLOBALS['notes'][$GLOBALS['current']][$what] ?? 0) + 1;
}

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
        $keys = ['coursename', 'supervisor', 'autoenrolsupervisor', 'customersupport', 'supportrole', 'starttime', 'endtime', 'duration', 'requiredroles', 'groupname', 'attachexisting', 'operatorrole', 'participantrole', 'customerrole', 'unknown', '0', '12', '-1', 'a b', 'é'];
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
        $r = ['ok', $fn(...$args)];
    } catch (TypeError $e) {
        $r = ['TypeError', $e->getMessage()];
    } catch (ValueError $e) {
        $r = ['ValueError', $e->getMessage()];
    }
    note($r[0]);
    return $r;
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
    $now = $g->chance(85) ? $g->pick([1767225600, $g->int(0, 2000000000)]) : $g->pick([0, PHP_INT_MAX, -1, 253402300800]);
    $cs = $g->chance(85) ? $g->pick([0, 1767225600, $g->int(-100, 2000000000)]) : $g->pick([PHP_INT_MAX, PHP_INT_MIN, 253402300800]);
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

/* ------------------------------------------------------------------- email */

/**
 * Moodle's rule, from PHP itself: validate_email() is PHPMailer's 'php'
 * validator (no CR/LF, filter_var(FILTER_VALIDATE_EMAIL)) and no '<' or '>',
 * applied to the address trimmed of the white space ss_email.h lists; NUL is
 * refused (the one documented difference). The key is the ASCII lower-case.
 */
function ref_email_key(string $s): ?string
{
    if (!is_utf8($s) || preg_match('/[\0\r\n]/', $s)) return null;
    $ws = '[\x{9}\x{B}\x{C}\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200B}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]';
    $t = preg_replace("/^$ws+|$ws+\$/u", '', $s);
    if ($t === '' || preg_match('/[<>]/', $t) || filter_var($t, FILTER_VALIDATE_EMAIL) === false) return null;
    return strtolower($t);
}

function email_variant(Gen $g): string
{
    $e = $g->email();
    // Byte-level mutations around the syntax filter_var cares about.
    for ($i = $g->chance(50) ? $g->int(1, 3) : 0; $i > 0; $i--) {
        $pos = $g->int(0, strlen($e));
        $ins = $g->pick(['.', '..', '@', '"', '\\', ' ', '-', '+', '(', ')', ',', ';', ':', '[', ']', 'IPv6:', '::1', "\x7f", "\x01", 'xn--', chr($g->int(0, 255)), "\xC2\xA0", "\xE2\x80\x8B", 'A']);
        $e = substr($e, 0, $pos) . $ins . substr($e, $pos + ($g->chance(40) ? 1 : 0));
    }
    return $e;
}

function check_email(Gen $g): void
{
    $a = email_variant($g);
    $b = $g->chance(30) ? strtoupper($a) : ($g->chance(50) ? email_variant($g) : " $a\t");
    $want = ref_email_key($a);
    $got = shop_setup_email_normalize($a);
    note($got === null ? 'refused' : 'accepted');
    prop($got === $want, 'normalize(' . show($a) . ') is ' . show($got) . ', Moodle\'s rule says ' . show($want));
    $c = shop_setup_email_check($a);
    prop($c['ok'] === ($want !== null), 'email_check ok agrees with normalize');
    if ($c['ok']) prop($c['normalized'] === $want && $c['code'] === null, 'email_check gives the key');
    else prop(is_string($c['code']) && is_string($c['message']) && is_utf8($c['message']), 'a refusal has a code and a UTF-8 message');
    $wb = ref_email_key($b);
    prop(shop_setup_email_equals($a, $b) === ($want !== null && $want === $wb), 'email_equals is key equality');
    prop(shop_setup_emails_normalize(['x' => $a, 7 => $b]) === ['x' => $want, 7 => $wb], 'emails_normalize maps normalize');
    $batch = shop_setup_emails_check([$a, $b, $a]);
    prop(count($batch) === 3 && $batch[0]['ok'] === ($want !== null), 'emails_check: one verdict per address');
    // Policy: the key's own domain allowed passes, denied fails.
    if ($want !== null && !str_contains($want, '"')) {
        $dom = substr($want, strrpos($want, '@') + 1);
        prop(shop_setup_email_check($a, ['allowemailaddresses' => strtoupper($dom)])['ok'], "allowed domain $dom refused");
        prop(!shop_setup_email_check($a, ['denyemailaddresses' => $dom])['ok'], "denied domain $dom let through");
    }
    // Wrong types.
    $v = $g->hostile();
    if (!is_string($v)) {
        [$kind] = call('shop_setup_email_normalize', [$v]);
        prop($kind === 'TypeError', 'non-string email gave ' . $kind);
        [$kind] = call('shop_setup_emails_normalize', [['k' => $v]]);
        prop($kind === 'TypeError', 'non-string element gave ' . $kind);
    }
    [$kind] = call('shop_setup_email_check', [$a, [$g->pick(['allowemailaddresses', 'denyemailaddresses', 'other']) => $g->hostile(1)]]);
    prop(in_array($kind, ['ok', 'TypeError', 'ValueError'], true), 'policy of any shape: ' . $kind);
}

/* ------------------------------------------------------- shop_setup_session() */

/** Walks a value; false when a string in it is not UTF-8 (what a plan hands PHP must be clean). */
function all_utf8(mixed $v, int $depth = 0): bool
{
    if (is_string($v)) return is_utf8($v);
    if (is_array($v) && $depth < 8) {
        foreach ($v as $k => $x) {
            if ((is_string($k) && !is_utf8($k)) || !all_utf8($x, $depth + 1)) return false;
        }
    }
    return true;
}

/**
 * A random session case: a model of the Moodle site (existing, enrolled,
 * attached and privileged accounts, taken usernames) and an order for it.
 * $clean is false when the order holds something that may rightly be refused
 * (a hostile field, an invalid email): a clean order against the model's facts
 * must give a plan, never an exception.
 */
function session_case(Gen $g, int $n): array
{
    $m = SessionModel::standard();
    $users = [];
    $clean = true;
    $hostile = $g->chance(50);   // half the orders are typed by careful buyers
    $firsts = ['Jean', 'Hélène', 'Łukasz', 'Anne Marie', "O'Neil", 'Zoë', 'Li', 'Ana'];
    $lasts = ['Dupont', 'Groß', 'Đoković', 'Martin', 'Nguyễn', 'Smith'];
    for ($i = 0; $i < $n; $i++) {
        $email = "p$i.s{$g->seed}@example.org";
        $role = $g->pick(['student', 'student', 'student', 'teacher', '_supervisor']);
        $first = $g->pick($firsts);
        $last = $g->pick($lasts);
        if ($hostile && $g->chance(8)) { $first = $g->text(); $clean = false; }
        $typed = match ($g->int(0, 9)) {
            0 => strtoupper($email),
            1 => "  $email ",
            default => $email,
        };
        if ($hostile && $g->chance(6)) { $typed = $g->email(); $clean = false; }
        if ($g->chance(2) && $users) {
            // The same person under another role, or typed in another case.
            $other = $g->pick(array_keys($g->pick($users)));
            $typed = $g->chance(50) ? strtoupper((string) $other) : (string) $other;
        }
        $p = ['firstname' => $first, 'lastname' => $last, 'email' => $typed];
        if ($g->chance(20)) unset($p['email']);                        // filed under its key only
        if ($g->chance(10)) $p['city'] = $g->pick(['Paris', 'Lyon', '']);
        $users[$role][$typed] = $g->chance(15) ? (object) $p : $p;
        if ($g->chance(30)) {
            $id = $m->addUser($g->chance(50) ? ucfirst($email) : $email, "u{$g->seed}_$i");
            if ($g->chance(15)) $m->privileged[$id] = true;
            if ($g->chance(40)) $m->enrol(10, $id, $g->chance(50) ? 5 : 3);
            if ($g->chance(20)) $m->ras["3:42:$id"] = true;
        }
        if ($g->chance(20)) $m->takenUsernames[strtolower(str_replace(' ', '-', "$first.$last"))] = true;
    }
    $params = 'coursename=FORM-01&requiredroles=student,teacher&attachexisting=' . $g->pick(['never', 'owned', 'always'])
        . ($g->chance(50) ? '&customersupport=SUPPORT' : '') . ($g->chance(50) ? '' : '&autoenrolsupervisor=0')
        . ($g->chance(20) ? '&endtime=%2B30D' : '');
    $declared = array_sum(array_map('count', $users));
    $order = ['transactionid' => 'TX' . $g->seed, 'quantity' => $declared + $g->int(-2, 3), 'operator' => 42,
        'now' => 1767225600, 'handlerparams' => $params, 'users' => $users];
    if ($order['quantity'] < 0) $order['quantity'] = 0;
    if ($g->chance(30)) $order['referencescope'] = (string) $g->int(1, 99999);
    if ($g->chance(20)) $order['handlerparams'] = shop_setup_parse_params($params);
    return [$m, $order, $clean];
}

/** One mutation of the order: a wrong type, a missing key, a reference, a huge value... */
function mutate_order(Gen $g, array $o): array
{
    $top = ['transactionid', 'quantity', 'operator', 'handlerparams', 'users', 'now', 'renewable', 'catalogitemid', 'referencescope'];
    switch ($g->int(0, 11)) {
        case 0: unset($o[$g->pick($top)]); break;
        case 1: $o[$g->pick($top)] = $g->hostile(); break;
        case 2: $o['quantity'] = $g->pick([-1, -100, PHP_INT_MAX, PHP_INT_MIN, '10', 10.0, 10.5, '1e3', 1000001, ' 7', true]); break;
        case 3: $o['operator'] = $g->pick([0, -5, PHP_INT_MAX, ['id' => 'x'], (object) ['id' => 42], ['id' => -1], 'boss', [], null]); break;
        case 4: $o['transactionid'] = $g->pick(['', str_repeat('T', 101), "T\0X", "T\xC3X", 42, str_repeat('é', 50), "TX\n1"]); break;
        case 5: // a participant or one of its fields goes hostile
            if (is_array($o['users'] ?? null) && $o['users']) {
                $role = array_rand($o['users']);
                if (is_array($o['users'][$role]) && $o['users'][$role]) {
                    $k = array_rand($o['users'][$role]);
                    if ($g->chance(50)) {
                        $o['users'][$role][$k] = $g->hostile();
                    } else {
                        $p = (array) $o['users'][$role][$k];
                        $p[$g->pick(['firstname', 'lastname', 'email', 'city', 'institution', 'phone2'])] = $g->chance(50) ? $g->hostile() : $g->text();
                        $o['users'][$role][$k] = $p;
                    }
                }
            }
            break;
        case 6: // references into the order, and a recursive one
            if (is_array($o['users'] ?? null) && isset($o['users']['student']) && is_array($o['users']['student'])) {
                foreach ($o['users']['student'] as $k => &$p) { $ref = &$p; break; }
                unset($p);
                $o['users']['teacher']['ref@example.org'] = &$ref;
            }
            $o['self'] = &$o;
            break;
        case 7: // nested objects all the way down
            $u = new stdClass();
            foreach ((array) ($o['users'] ?? []) as $role => $list) {
                $u->$role = is_array($list) ? (object) $list : $list;
            }
            $o['users'] = $g->chance(50) ? $u : new ArrayObject((array) $u);
            break;
        case 8: $o['handlerparams'] = $g->chance(50) ? $g->paramString() : $g->hostile(); break;
        case 9: $o['users'] = [$g->pick(['student', 'teacher', 'admin', '', '0', 'manager']) => [$g->email() => ['firstname' => $g->text(), 'lastname' => $g->text(), 'email' => $g->email()]]]; break;
        case 10: $o['now'] = $g->pick([PHP_INT_MAX, -1, '1767225600', 253402300800, 0]); break;
        default:
            if (is_array($o['users'] ?? null)) {
                $role = $g->pick(['student', 'teacher']);
                if (!is_array($o['users'][$role] ?? [])) break;
                $o['users'][$role][$g->email()] = ['firstname' => $g->text(), 'lastname' => $g->text()];
            }
            break;
    }
    return $o;
}

/** One mutation of the facts: missing keys, wrong types, ambiguous or privileged accounts. */
function mutate_facts(Gen $g, array $f, array $order): array
{
    $keys = ['course', 'supportcourse', 'roles', 'users', 'usernames', 'privileged', 'enrolments', 'group', 'roleassignments', 'products'];
    switch ($g->int(0, 9)) {
        case 0: unset($f[$g->pick($keys)]); break;
        case 1: $f[$g->pick($keys)] = $g->hostile(); break;
        case 2: // two live accounts for one address
            if ($f['users']) { $u = $g->pick($f['users']); $u['id'] = 5000 + $g->int(0, 99); $u['username'] .= 'x'; $f['users'][] = $u; }
            break;
        case 3: $f['privileged'][] = 42; break;                         // the operator is a site admin
        case 4: $f['privileged'] = array_merge($f['privileged'], array_column($f['users'], 'id')); break;
        case 5: // Moodle's $DB gives strings and objects
            $f['users'] = array_map(fn ($u) => (object) array_map(fn ($v) => is_int($v) ? (string) $v : $v, $u), $f['users']);
            $f['course'] = $f['course'] ? (object) array_map('strval', $f['course']) : null;
            break;
        case 6: if ($f['users']) { $i = array_rand($f['users']); $f['users'][$i][$g->pick(['id', 'email', 'username', 'suspended', 'deleted'])] = $g->hostile(); } break;
        case 7: $f['roles'] = $g->chance(50) ? [] : ['student' => $g->hostile()]; break;
        case 8: $f['group'] = $g->pick([['id' => 55, 'members' => [42, 'x']], ['id' => -1, 'members' => []], ['members' => [1]], 55]); break;
        default: $f['enrolments'][] = ['courseid' => 10, 'userid' => $g->pick([42, 7, -1, 'x']), 'status' => $g->pick([0, 1, 5]), 'timestart' => 0, 'timeend' => 0, 'roles' => $g->pick([[5], 5, [], ['x']])]; break;
    }
    return $f;
}

function check_plan(array $plan, array $order, array $facts, bool $partial): void
{
    prop(($plan['phase'] ?? null) === 'plan', 'phase 2 answers a plan');
    foreach (['ok', 'errors', 'warnings', 'params', 'window', 'group', 'participants', 'operations', 'summary'] as $k) {
        prop(array_key_exists($k, $plan), "plan has '$k'");
    }
    prop(is_bool($plan['ok']) && array_is_list($plan['operations']) && array_is_list($plan['participants']), 'plan shapes');
    prop(all_utf8($plan), 'every string of the plan is UTF-8');
    if (!$plan['ok'] && !$partial) prop($plan['operations'] === [], 'not ok: no operation');
    foreach (array_merge($plan['errors'], $plan['warnings']) as $issue) {
        prop(in_array($issue['level'] ?? null, ['error', 'warning'], true) && is_string($issue['code'] ?? null) && is_string($issue['message'] ?? null), 'issue shape');
    }
    if ($plan['operations'] === []) return;
    // Seats: every participant planned takes one; tutors too.
    $seated = count(array_filter($plan['participants'], fn ($p) => ($p['status'] ?? '') === 'ok'));
    if (is_int($order['quantity'] ?? null)) prop($seated <= $order['quantity'], "$seated participants planned for {$order['quantity']} seats");
    // One account per person: no two create_user for a key, none for a key that has a live account.
    $existing = [];
    foreach (is_array($facts['users'] ?? null) ? $facts['users'] : [] as $u) {
        $u = (array) $u;
        if (is_string($u['email'] ?? null) && empty($u['deleted'])) $existing[strtolower(trim($u['email']))] = true;
    }
    $created = [];
    $privileged = array_flip(array_filter(is_array($facts['privileged'] ?? null) ? $facts['privileged'] : [], 'is_int'));
    $kinds = ['create_user', 'create_group', 'enrol', 'assign_role', 'add_member', 'assign_user_role', 'create_product'];
    $last = -1;
    foreach ($plan['operations'] as $op) {
        $kind = array_search($op['op'] ?? null, $kinds, true);
        prop($kind !== false, 'known operation ' . show($op['op'] ?? null));
        prop($kind >= $last, 'operations ordered by kind');
        $last = $kind;
        if ($op['op'] === 'create_user') {
            $key = strtolower(trim($op['user']['email']));
            prop(!isset($created[$key]), "two accounts created for $key");
            prop(!isset($existing[$key]), "an account created for $key, which has one");
            prop(shop_setup_email_normalize($op['user']['email']) === $key, "created account's email is valid: " . show($op['user']['email']));
            $created[$key] = true;
        }
        if ($op['op'] === 'assign_user_role') {
            prop(!isset($privileged[$op['contextuserid']]), 'a role over a privileged account: ' . show($op));
            if ($op['contextref'] === 'operator') prop(!isset($privileged[$op['userid']]), 'a privileged account attached to the operator: ' . show($op));
        }
    }
}

function check_session(Gen $g): void
{
    global $verbose;
    [$m, $order, $clean] = session_case($g, $g->int(0, 25));
    $mut_o = $g->chance(40);
    $mut_f = $g->chance(30);
    if ($mut_o) {
        for ($i = $g->int(1, 3); $i > 0; $i--) $order = mutate_order($g, $order);
    }
    $partial = $g->chance(25);
    [$kind, $lookup] = call('shop_setup_session', [$order]);
    if ($kind !== 'ok') {
        prop($mut_o || !$clean, "phase 1 threw on a clean order: $kind: $lookup");
        return;
    }
    prop(($lookup['phase'] ?? null) === 'lookup' && is_bool($lookup['ok'] ?? null) && isset($lookup['lookups']), 'phase 1 answers a lookup');
    prop(all_utf8($lookup), 'every string of the lookup is UTF-8');
    $emails = $lookup['lookups']['emails'];
    prop(array_is_list($emails) && count($emails) === count(array_unique($emails)), 'lookup emails unique');
    foreach ($emails as $e) prop($e === strtolower($e) && shop_setup_email_normalize($e) === $e, "lookup email is a match key: $e");
    $facts = $m->facts($order, $lookup);
    if ($mut_f) $facts = mutate_facts($g, $facts, $order);
    $options = $partial ? ['partial' => true] : [];
    // An order without 'now' is planned at time(): the rows and columns calls
    // below are compared only when they ran within one second (tried twice).
    for ($try = 0; ; $try++) {
        $second = time();
        [$kind, $plan] = call('shop_setup_session', [$order, $facts, $options]);
        if ($kind !== 'ok') {
            prop($mut_o || $mut_f || !$clean, "phase 2 threw on a clean order and the site's facts: $kind: $plan");
            return;
        }
        // The columns format holds the same plan (examples/session/columns.php expands it).
        [$kind, $cols] = call('shop_setup_session', [$order, $facts, $options + ['format' => 'columns']]);
        if ($try === 1 || time() === $second || isset($order['now'])) break;
        note('rows and columns planned again: the second changed');
    }
    check_plan($plan, $order, $facts, $partial);
    note($plan['ok'] ? 'plan ok' : 'plan not ok');
    prop($kind === 'ok', "columns format threw where rows did not: $kind");
    if ($kind === 'ok') {
        prop(\ShopSetup\Example\columns_to_rows($order, $cols) === $plan['operations'], 'columns and rows formats plan different operations');
        prop($cols['errors'] === $plan['errors'] && $cols['summary'] === $plan['summary'], 'columns and rows formats differ in issues or summary');
    }
    if (!$mut_o && !$mut_f && !$plan['ok'] && $verbose) foreach ($plan['errors'] as $e) note('error ' . $e['code']);
    if ($plan['operations']) note('plan with operations');
    if ($mut_o || $mut_f || !$plan['ok'] || $partial) return;
    note('applied, planned again');
    // Idempotence: apply the plan to the site, plan again: nothing left to do.
    $m->apply($plan);
    $again = shop_setup_session($order, $m->facts($order), []);
    prop($again['ok'] && $again['operations'] === [], 'not idempotent: ' . show(array_column($again['operations'], 'op')));
    $keys = array_map(fn ($u) => strtolower(trim($u['email'])), $m->users);
    prop(count($keys) === count(array_unique($keys)), 'two live accounts for one person after applying');
}

/* ------------------------------------------------------------------ remote */

/** Starts fuzz/remote_hostile.php under php -S on a free loopback port, once per run. */
function hostile_server(): string
{
    static $url = null, $proc = null;
    if ($url !== null) return $url;
    $sock = stream_socket_server('tcp://127.0.0.1:0');
    $name = stream_socket_get_name($sock, false);
    fclose($sock);
    $port = (int) substr($name, strrpos($name, ':') + 1);
    $cmd = [PHP_BINARY, '-n', '-S', "127.0.0.1:$port", __DIR__ . '/remote_hostile.php'];
    // The server runs without the sanitizer preload even under scripts/asan.sh: it is not under test.
    $env = ['PATH' => getenv('PATH') ?: '/usr/bin:/bin'];
    $proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null, $env);
    $url = "http://127.0.0.1:$port";   // started once, even if it is slow to come up
    register_shutdown_function(function () use ($proc) { if (is_resource($proc)) { proc_terminate($proc); proc_close($proc); } });
    for ($i = 0; $i < 100; $i++) {
        $c = @fsockopen('127.0.0.1', $port, $errno, $errstr, 0.1);
        if ($c) { fclose($c); break; }
        usleep(50000);
    }
    return $url;
}

function check_remote(Gen $g): void
{
    $url = hostile_server();
    $token = 'fuzz-' . $g->seed;
    $opts = ['retries' => $g->pick([0, 1]), 'backoff_ms' => 1, 'backoff_max_ms' => 2, 'connect_timeout_ms' => 2000,
        'timeout_ms' => 5000, 'concurrency' => $g->pick([1, 2, 8]), 'max_input_vars' => $g->pick([20, 100, 5000]),
        'username_probe' => $g->int(0, 3), 'exact_email_only' => $g->chance(30)];
    [$m, $order] = session_case($g, $g->int(0, 8));
    [$kind, $lookup] = call('shop_setup_session', [$order]);
    if ($kind !== 'ok') return;
    $lopts = $opts + ['roles' => ['student' => 5, 'teacher' => 4, 'editingteacher' => 3], 'privileged' => $g->chance(50) ? [2] : []];
    try {
        $facts = shop_setup_remote_lookup($lookup['lookups'], $url, $token, $lopts);
        note('lookup answered');
    } catch (RuntimeException $e) {
        note('lookup RuntimeException');
        prop(is_utf8($e->getMessage()) && !str_contains($e->getMessage(), $token), 'lookup error message is UTF-8 and hides the token');
        $facts = null;
    }
    if ($facts !== null) {
        prop(is_array($facts) && all_utf8($facts), 'lookup facts are UTF-8 arrays');
        // Whatever the site answered, the facts must keep the contract's types: phase 2 takes them.
        [$kind, $plan] = call('shop_setup_session', [$order, $facts]);
        prop($kind === 'ok', "facts from a hostile site break phase 2: $kind: " . (is_string($plan) ? $plan : ''));
        check_plan($plan, $order, $facts, false);
    }
    // Apply a plan made against the model, against the hostile site.
    // (The model's facts may rightly be refused: a hostile name makes an over-long taken username.)
    [$kind, $plan] = call('shop_setup_session', [$order, $m->facts($order, $lookup)]);
    if ($kind !== 'ok' || !$plan['ok'] || !$plan['operations'] || !$g->chance(50)) return;
    try {
        $report = shop_setup_remote_apply($plan, $url, $token, $opts);
        note('apply answered');
        prop(is_array($report) && all_utf8($report), 'apply report is a UTF-8 array');
    } catch (RuntimeException $e) {
        note('apply RuntimeException');
        prop(is_utf8($e->getMessage()) && !str_contains($e->getMessage(), $token), 'apply error message is UTF-8 and hides the token');
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
    if (function_exists('shop_setup_email_normalize')) {
        $cases['email of 10 KB refused'] = function () {
            prop(shop_setup_email_normalize(str_repeat('a', 10 * 1024) . '@exemple.fr') === null, '10 KB email refused');
            prop(shop_setup_email_check(str_repeat('a', 10 * 1024) . '@exemple.fr')['code'] === 'too_long', '10 KB email: too_long');
        };
        $cases['1,000,001 emails refused'] = function () {
            [$kind, $r] = call('shop_setup_emails_normalize', [array_fill(0, 1000001, 'a@b.fr')]);
            prop($kind === 'ValueError', "1,000,001 emails: $kind");
        };
    }
    if (function_exists('shop_setup_session')) {
        $cases['session: 100,000 participants'] = function () {
            $m = SessionModel::standard();
            $users = [];
            for ($i = 0; $i < 100000; $i++) {
                $users['student']["learner$i@big.example"] = ['firstname' => 'Jean', 'lastname' => 'Dupont', 'email' => "learner$i@big.example"];
            }
            $order = ['transactionid' => 'TXBIG', 'quantity' => 100000, 'operator' => 42, 'now' => 1767225600,
                'handlerparams' => 'coursename=FORM-01', 'users' => $users];
            $lookup = shop_setup_session($order);
            prop($lookup['ok'] && count($lookup['lookups']['emails']) === 100000, '100,000 lookups');
            $plan = shop_setup_session($order, $m->facts($order, $lookup));
            check_plan($plan, $order, $m->facts($order, $lookup), false);
            $created = array_filter($plan['operations'], fn ($op) => $op['op'] === 'create_user');
            prop($plan['ok'] && count($created) === 100000, '100,000 accounts planned');
            $names = array_map(fn ($op) => $op['user']['username'], $created);
            prop(count(array_unique($names)) === 100000, '100,000 distinct usernames for one name');
            $order['quantity'] = 99999;
            prop(!shop_setup_session($order, $m->facts($order, $lookup))['ok'], '100,000 participants on 99,999 seats refused');
        };
        $cases['session: 1,000,001 participants refused'] = function () {
            $p = ['firstname' => 'A', 'lastname' => 'B', 'email' => 'a@b.fr'];
            $order = ['transactionid' => 'TX', 'quantity' => 10, 'operator' => 42, 'handlerparams' => 'coursename=F',
                'users' => ['student' => array_fill(0, 500001, $p), 'teacher' => array_fill(0, 500000, $p)]];
            [$kind, $r] = call('shop_setup_session', [$order]);
            prop($kind === 'ValueError' && str_contains($r, '1000000'), "1,000,001 participants: $kind $r");
        };
        $cases['session: 10 KB email refused'] = function () {
            $e = str_repeat('a', 10 * 1024) . '@exemple.fr';
            $order = ['transactionid' => 'TX', 'quantity' => 10, 'operator' => 42, 'handlerparams' => 'coursename=F',
                'users' => ['student' => [$e => ['firstname' => "A", 'lastname' => 'B', 'email' => $e]]]];
            [$kind, $r] = call('shop_setup_session', [$order]);
            prop($kind === 'ValueError', "10 KB email: $kind");
        };
    }
    return $cases;
}

$targets = [
    'parse_params' => ['shop_setup_parse_params', 'check_parse_params'],
    'build_params' => ['shop_setup_build_params', 'check_build_params'],
    'check_params' => ['shop_setup_check_params', 'check_check_params'],
    'enrol_window' => ['shop_setup_enrol_window', 'check_enrol_window'],
    'email' => ['shop_setup_email_normalize', 'check_email'],
    'session' => ['shop_setup_session', 'check_session'],
    'remote' => ['shop_setup_remote_lookup', 'check_remote'],
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
$notes = [];
$spent = [];
$failkinds = [];
$current = 'heavy';
set_error_handler(function (int $no, string $msg, string $file, int $line): bool {
    if (!(error_reporting() & $no)) return false;   // the harness's own @ (probing the test server)
    throw new ErrorException($msg, 0, $no, $file, $line);
});

$t0 = microtime(true);
if (!isset($opt['only']) && !isset($opt['iterations']) && !isset($opt['no-heavy'])) {
    foreach (heavy_cases() as $name => $case) {
        try {
            $case();
            $stats["heavy: $name"] = ['runs' => 1];
        } catch (Throwable $e) {
            $failures[] = "heavy case '$name': " . get_class($e) . ': ' . $e->getMessage();
            $failkinds["heavy $name"] = 1;
        }
        gc_collect_cycles();
    }
}

$heavy_time = microtime(true) - $t0;
$t0 = microtime(true);   // --seconds is for the random iterations; heavy cases come on top
$names = array_keys($active);
$i = $start;
$done = 0;
while ($names && $done < $maxIter && microtime(true) - $t0 < $seconds) {
    $g = new Gen($seed + $i);
    // Time-fair: the target that has had the least time so far (the remote one is slow).
    $name = $names[0];
    foreach ($names as $n) {
        if (($spent[$n] ?? 0) < ($spent[$name] ?? 0)) $name = $n;
    }
    $current = $name;
    $stats[$name]['runs'] = ($stats[$name]['runs'] ?? 0) + 1;
    $ti = microtime(true);
    try {
        ($active[$name])($g);
        $spent[$name] = ($spent[$name] ?? 0) + microtime(true) - $ti;
    } catch (Throwable $e) {
        $spent[$name] = ($spent[$name] ?? 0) + microtime(true) - $ti;
        $stats[$name]['failed'] = ($stats[$name]['failed'] ?? 0) + 1;
        // Failures are grouped by kind (the message up to its first detail): one line each.
        $kind = $name . ' ' . get_class($e) . ': ' . preg_replace('/[:"(\d].*$/s', '', $e->getMessage());
        if (!isset($failkinds[$kind])) {
            $failkinds[$kind] = 0;
            $failures[] = sprintf("%s iteration %d (replay: --seed=%d --start=%d --iterations=1 --only=%s): %s: %s (line %d)%s",
                $name, $i, $seed, $i, $name, get_class($e), substr($e->getMessage(), 0, 400), $e->getLine(),
                $verbose ? "\n" . $e->getTraceAsString() : '');
        }
        $failkinds[$kind]++;
    }
    if ($i % 64 === 0) gc_collect_cycles();
    $i++;
    $done++;
}
restore_error_handler();
gc_collect_cycles();

$passed = 0;
$failed = 0;
printf("session %s: seed %d, %d iterations in %.1f s (heavy cases %.1f s)\n", $label, $seed, $done, microtime(true) - $t0, $heavy_time);
foreach ($stats as $name => $s) {
    printf("  %-32s %7d runs%s\n", $name, $s['runs'], isset($s['failed']) ? ", {$s['failed']} FAILED" : '');
    if (isset($notes[$name])) {
        ksort($notes[$name]);
        echo '      ', implode(', ', array_map(fn ($k, $v) => "$k $v", array_keys($notes[$name]), $notes[$name])), "\n";
    }
    isset($s['failed']) ? $failed++ : $passed++;
}
foreach ($skipped as $name) printf("  %-32s skipped: %s not built\n", $name, $targets[$name][0]);
$counts = array_values($failkinds);
foreach ($failures as $j => $f) {
    echo "  FAIL", isset($counts[$j]) ? " ({$counts[$j]}x)" : '', " $f\n";
}
// Heavy-case failures have no stats line of their own.
$failed += count(array_filter($failures, fn ($f) => str_starts_with($f, 'heavy case')));
if ($passed + $failed === 0) $failed = 1;
echo "session $label: $passed passed, $failed failed\n";
exit($failed ? 1 : 0);
