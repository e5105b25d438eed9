--TEST--
shop_setup_enrol_window(): local_shop's meaning: start is starttime or now, never before the course start; end is endtime, else duration (365) days when renewable, else 0
--EXTENSIONS--
shop_setup
--FILE--
<?php
$now = 1769853600; // 2026-01-31T10:00:00Z
$day = 86400;
function w(array $p, int $now, int $cs = 0, bool $ren = false): string {
    [$s, $e] = shop_setup_enrol_window($p, $now, $cs, $ren);
    return "$s $e";
}
echo w([], $now), "\n";                                          // now, open
echo w([], $now, 0, true) === "$now " . ($now + 365 * $day) ? "365 days\n" : "wrong\n";
echo w(['duration' => '30'], $now, 0, true) === "$now " . ($now + 30 * $day) ? "30 days\n" : "wrong\n";
echo w(['duration' => '0'], $now, 0, true) === "$now " . ($now + 365 * $day) ? "0 is 365 days\n" : "wrong\n";
echo w(['duration' => '30'], $now), "\n";                        // not renewable: open
echo w(['starttime' => '1800000000'], $now), "\n";
echo w(['starttime' => '0'], $now), "\n";                        // empty() in PHP: now
echo w(['starttime' => ''], $now), "\n";
echo w(['starttime' => '1800000000'], $now, 1800000500), "\n";  // pushed to the course start
echo w([], $now, $now - 100), "\n";                              // course already started
echo w(['endtime' => '1800000000', 'duration' => '30'], $now, 0, true), "\n"; // endtime wins
echo w(['endtime' => '0'], $now, 0, true), "\n";                 // explicit open end
echo w(['endtime' => ''], $now, 0, true) === "$now " . ($now + 365 * $day) ? "empty endtime is absent\n" : "wrong\n";
echo w(['starttime' => 1800000000, 'endtime' => 1800086400], $now), "\n"; // int values
echo w(['starttime' => null, 'endtime' => null], $now), "\n";    // null is absent
var_dump(array_is_list(shop_setup_enrol_window([], $now)));
?>
--EXPECT--
1769853600 0
365 days
30 days
0 is 365 days
1769853600 0
1800000000 0
1769853600 0
1769853600 0
1800000500 0
1769853600 0
1769853600 1800000000
1769853600 0
empty endtime is absent
1800000000 1800086400
1769853600 0
bool(true)
