<?php
/*
 * Two builds of the extension compared, the way docs/session.md's changes to
 * shop_setup_session() are measured: processes take turns (A, B, A, B...),
 * each loads one build and times a number of columns calls at 10,000
 * participants, each right after a call of bench/session.php's userland
 * planner (whose freed result leaves the caches and Zend's free lists as
 * other code of the request would), and prints its median. A build's figure
 * is the median of its processes' medians. On this project's VM two runs of
 * one build differ by up to ~2%: smaller differences are noise.
 *
 *   php bench/builds.php A.so B.so [--rounds=9] [--calls=41] [--participants=10000]
 *       [--in-a-row | --moodle-facts | --handler-sequence] [--opcache]
 *
 * --moodle-facts: the extension gets the facts as Moodle's $DB returns them
 * (stdClass rows, integers as strings: bench_moodle_facts()).
 * --handler-sequence: instead of a userland call, what the bundled handler
 * does before its phase 2: phase 1, then the facts collected afresh from
 * the database's records (bench_handler_facts()); the timed call plans from
 * those facts, phase 1's result still held, as in session_runner.
 * --in-a-row: no userland call between the timed calls. Each process is
 * pinned to the last CPU when taskset exists (the VM's CPUs differ).
 * --opcache: the processes run with OPcache on (JIT off), as web requests
 * run PHP: the script's literal keys are then OPcache's interned strings,
 * not the ones the extension made at start-up.
 */
require __DIR__ . '/session.php';

$opt = ['rounds' => 9, 'calls' => 41, 'participants' => 10000, 'in-a-row' => false, 'moodle-facts' => false,
    'handler-sequence' => false, 'opcache' => false, 'child' => false];
$files = [];
foreach (array_slice($argv, 1) as $a) {
    if (preg_match('/^--(rounds|calls|participants)=(\d+)$/', $a, $m)) {
        $opt[$m[1]] = max(1, (int) $m[2]);
    } elseif (in_array($a, ['--in-a-row', '--moodle-facts', '--handler-sequence', '--opcache', '--child'], true)) {
        $opt[substr($a, 2)] = true;
    } else {
        $files[] = $a;
    }
}

if ($opt['child']) {
    // One process, one build: the median of its timed calls, in ms.
    if ($opt['opcache'] && bench_php_mode() === 'OPcache off') {
        fwrite(STDERR, "--opcache: OPcache is not on in this process (is opcache.so installed?)\n");
        exit(1);
    }
    $order = bench_order($opt['participants']);
    $facts = bench_facts($opt['participants']);
    $cols = ['format' => 'columns'];
    $xfacts = $opt['moodle-facts'] ? bench_moodle_facts($facts) : ($opt['handler-sequence'] ? bench_handler_facts($facts) : $facts);
    if ($xfacts !== $facts && shop_setup_session($order, $xfacts, $cols) !== shop_setup_session($order, $facts, $cols)) {
        fwrite(STDERR, "the facts as Moodle gives them or as the handler collects them plan otherwise than as arrays\n");
        exit(1);
    }
    $t = [];
    for ($i = 0; $i < $opt['calls']; $i++) {
        if ($opt['handler-sequence']) {
            $t[] = in_handler_sequence($order, $facts, fn (array $f) => shop_setup_session($order, $f, $cols));
            continue;
        }
        if (!$opt['in-a-row']) {
            $u = userland_plan($order, $facts, true);
            unset($u);
        }
        $s = hrtime(true);
        $p = shop_setup_session($order, $xfacts, $cols);
        $t[] = (hrtime(true) - $s) / 1e6;
        unset($p);
    }
    printf("%.4f\n", median($t));
    exit(0);
}

if (count($files) !== 2 || !is_file($files[0]) || !is_file($files[1])
        || (int) $opt['in-a-row'] + (int) $opt['moodle-facts'] + (int) $opt['handler-sequence'] > 1) {
    fwrite(STDERR, "usage: php bench/builds.php A.so B.so [--rounds=9] [--calls=41] [--participants=10000] [--in-a-row | --moodle-facts | --handler-sequence] [--opcache]\n");
    exit(1);
}
$pin = '';
if (PHP_OS_FAMILY === 'Linux' && trim((string) shell_exec('command -v taskset')) !== '') {
    $cpus = (int) trim((string) shell_exec('nproc'));
    $pin = 'taskset -c ' . max(0, $cpus - 1) . ' ';
}
$run = function (string $so) use ($opt, $pin): float {
    $cmd = $pin . escapeshellarg(PHP_BINARY) . ' -n' . ($opt['opcache'] ? ' -d zend_extension=opcache -d opcache.enable_cli=1' : '')
        . ' -d extension=' . escapeshellarg(realpath($so))
        . ' -d memory_limit=-1 ' . escapeshellarg(__FILE__) . ' --child --calls=' . $opt['calls']
        . ' --participants=' . $opt['participants'] . ($opt['in-a-row'] ? ' --in-a-row' : '')
        . ($opt['moodle-facts'] ? ' --moodle-facts' : '') . ($opt['handler-sequence'] ? ' --handler-sequence' : '')
        . ($opt['opcache'] ? ' --opcache' : '');
    $out = shell_exec($cmd);
    if (!is_string($out) || !is_numeric(trim($out))) {
        fwrite(STDERR, "a process failed: $cmd\n");
        exit(1);
    }
    return (float) trim($out);
};
$a = $b = [];
for ($r = 0; $r < $opt['rounds']; $r++) {
    $a[] = $run($files[0]);
    $b[] = $run($files[1]);
}
printf("%s participants, %d processes each in turns, each the median of %d columns calls%s\n",
    number_format($opt['participants']), $opt['rounds'], $opt['calls'],
    $opt['in-a-row'] ? ' in a row' : ($opt['handler-sequence'] ? ", each after the handler's phase 1 and facts collection"
        : ', each after a userland call' . ($opt['moodle-facts'] ? ', facts as Moodle gives them' : ''))
    . ($opt['opcache'] ? ', OPcache on' : ''));
printf("A %s: %s ms\n", $files[0], implode(' ', array_map(fn ($x) => sprintf('%.3f', $x), $a)));
printf("B %s: %s ms\n", $files[1], implode(' ', array_map(fn ($x) => sprintf('%.3f', $x), $b)));
printf("medians: A %.3f ms, B %.3f ms, B/A %.3f\n", median($a), median($b), median($b) / median($a));
