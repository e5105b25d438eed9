<?php
/*
 * Does the order of the calls favour one side of bench/session.php's ratio?
 * There, the extension's call follows the userland planner's (tens of MiB
 * allocated and freed: the caches hold little of the order and the facts),
 * while the userland call follows the extension's (a few MiB). Here, at
 * 10,000 participants in one process, each side is timed after each kind of
 * call, every timed call preceded by one untimed call:
 *   userland after the extension, userland after userland,
 *   extension after userland, extension after the extension,
 * and the ratio is given three ways: as bench/session.php pairs them, each
 * side after itself (the extension's best case), and both after userland.
 * Then both sides in the bundled handler's sequence: before each timed
 * planning, phase 1 and the facts collected afresh from database-shaped
 * records (bench_handler_facts()). Two ways: in turns, each timed sequence
 * after an untimed one of its own side and the other side's just before
 * (the facts are then new in a heap the other side has just used, as a
 * request's are in whatever Moodle's code left); and each side alone, a
 * block of its own sequences as a worker running only that side would see
 * them (the extension's block, then the userland planner's, both after all
 * the calls above: in a fresh process the first block would meet a heap
 * the second does not).
 *
 *   php -n -d extension=modules/shop_setup.so -d memory_limit=-1 bench/conditions.php [rounds]
 */
require __DIR__ . '/session.php';

$rounds = max(1, (int) ($argv[1] ?? 21));
$order = bench_order(10000);
$facts = bench_facts(10000);
$cols = ['format' => 'columns'];
$ext = fn () => shop_setup_session($order, $facts, $cols);
$user = fn () => userland_plan($order, $facts, true);

// One timed call of $timed after one untimed call of $before, results freed.
function after(callable $before, callable $timed): float
{
    $r = $before();
    unset($r);
    $t = hrtime(true);
    $r = $timed();
    $t = hrtime(true) - $t;
    unset($r);
    return $t / 1e6;
}

$hext = fn (array $f) => shop_setup_session($order, $f, $cols);
$huser = fn (array $f) => userland_plan($order, $f, true);
$t = ['ue' => [], 'uu' => [], 'eu' => [], 'ee' => []];
after($ext, $user);
for ($r = 0; $r < $rounds; $r++) {
    $t['ue'][] = after($ext, $user);
    $t['uu'][] = after($user, $user);
    $t['eu'][] = after($user, $ext);
    $t['ee'][] = after($ext, $ext);
}
$m = array_map('median', $t);
printf("10,000 participants, columns, medians of %d rounds (ms), %s:\n", $rounds, bench_php_mode());
printf("  userland after the extension %7.2f   after userland %7.2f\n", $m['ue'], $m['uu']);
printf("  extension after userland     %7.3f   after the extension %7.3f\n", $m['eu'], $m['ee']);
printf("ratio: as bench/session.php pairs them %.1fx; each after itself %.1fx; both after userland %.1fx\n",
    $m['ue'] / $m['eu'], $m['uu'] / $m['ee'], $m['uu'] / $m['eu']);

$he = $hu = [];
for ($r = 0; $r < $rounds; $r++) {
    in_handler_sequence($order, $facts, $hext);
    $he[] = in_handler_sequence($order, $facts, $hext);
    in_handler_sequence($order, $facts, $huser);
    $hu[] = in_handler_sequence($order, $facts, $huser);
}
// Each side alone: a block of its sequences (three untimed first), the
// extension's then the userland planner's, both after all of the above.
$alone = ['e' => [], 'u' => []];
foreach (['e' => $hext, 'u' => $huser] as $side => $plan) {
    for ($r = 0; $r < 3; $r++) in_handler_sequence($order, $facts, $plan);
    for ($r = 0; $r < $rounds; $r++) $alone[$side][] = in_handler_sequence($order, $facts, $plan);
}
printf("in the handler's sequence: each side alone: extension %.3f ms, userland %.2f ms, ratio %.1fx\n",
    median($alone['e']), median($alone['u']), median($alone['u']) / median($alone['e']));
printf("                           in turns:        extension %.3f ms, userland %.2f ms, ratio %.1fx\n",
    median($he), median($hu), median($hu) / median($he));
