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

$t = ['ue' => [], 'uu' => [], 'eu' => [], 'ee' => []];
after($ext, $user);
for ($r = 0; $r < $rounds; $r++) {
    $t['ue'][] = after($ext, $user);
    $t['uu'][] = after($user, $user);
    $t['eu'][] = after($user, $ext);
    $t['ee'][] = after($ext, $ext);
}
$m = array_map('median', $t);
printf("10,000 participants, columns, medians of %d rounds (ms):\n", $rounds);
printf("  userland after the extension %7.2f   after userland %7.2f\n", $m['ue'], $m['uu']);
printf("  extension after userland     %7.3f   after the extension %7.3f\n", $m['eu'], $m['ee']);
printf("ratio: as bench/session.php pairs them %.1fx; each after itself %.1fx; both after userland %.1fx\n",
    $m['ue'] / $m['eu'], $m['uu'] / $m['ee'], $m['uu'] / $m['eu']);
