<?php
/*
 * How far can the 20x ratio of bench/session.php go? At 10,000 participants,
 * three calls alternate in one process: shop_setup_session() in columns, the
 * idiomatic userland planner of bench/session.php writing the same columns, and
 * shop_setup_floor() (bench/floor/floor.c, an extension of its own), which
 * reads what any planner must read from the order and the facts and makes a
 * result of the same strings and lists, deciding nothing. A planner with this
 * input and output cannot take less than the floor, so userland / floor bounds
 * its ratio, and userland / 20 - floor is what a 20x planner may spend on the
 * decisions themselves.
 *   sh bench/floor/run.sh [--opcache] [participants] [rounds]
 */
require __DIR__ . '/session.php';

if (!function_exists('shop_setup_floor')) {
    fwrite(STDERR, "shop_setup_floor() is missing: run this with sh bench/floor/run.sh\n");
    exit(1);
}
$n = (int) ($argv[1] ?? 10000);
$rounds = (int) ($argv[2] ?? 31);
$order = bench_order($n);
$facts = bench_facts($n);
$opt = ['format' => 'columns'];

// The floor makes the strings the plan holds: same count, same bytes.
$plan = shop_setup_session($order, $facts, $opt);
$floor = shop_setup_floor($order, $facts, $plan);
foreach (['username', 'reference', 'email'] as $k) {
    if ($floor['participants'][$k] !== $plan['participants'][$k]) {
        fwrite(STDERR, "the floor's $k list differs from the plan's\n");
        exit(1);
    }
}
unset($floor);

$s = $f = $u = [];
for ($r = 0; $r < $rounds; $r++) {
    $t = hrtime(true); $p = shop_setup_session($order, $facts, $opt); $s[] = hrtime(true) - $t; unset($p);
    $t = hrtime(true); $p = userland_plan($order, $facts, true); $u[] = hrtime(true) - $t; unset($p);
    $t = hrtime(true); $p = shop_setup_floor($order, $facts, $plan); $f[] = hrtime(true) - $t; unset($p);
    $t = hrtime(true); $p = userland_plan($order, $facts, true); $u[] = hrtime(true) - $t; unset($p);
}
[$ms, $mf, $mu] = [median($s) / 1e6, median($f) / 1e6, median($u) / 1e6];
printf("%s participants, medians of %d rounds (each call follows a userland one), PHP %s (%s):\n", number_format($n), $rounds,
    PHP_VERSION, bench_php_mode());
printf("  userland planner        %7.2f ms\n", $mu);
printf("  shop_setup_session()    %7.2f ms   ratio %5.1fx\n", $ms, $mu / $ms);
printf("  floor (read + results)  %7.2f ms   ratio %5.1fx (the most any planner can reach)\n", $mf, $mu / $mf);
printf("  decisions: the extension spends %.2f ms over the floor; at 20x, %.2f ms would be left for them (%.0f ns a participant)\n",
    $ms - $mf, $mu / 20 - $mf, ($mu / 20 - $mf) / $n * 1e6);
