--TEST--
shop_setup_enrol_window(): endtime "+N" with D, H, W or M counts from the start (after the course-start push); " N<unit>" (a decoded '+') too
--EXTENSIONS--
shop_setup
--FILE--
<?php
$now = 1769853600; // 2026-01-31T10:00:00Z
foreach (['+10D', '+10d', '+36H', '+2W', '+1M', '+13M', '+25M', '+12m', ' 10D'] as $end) {
    [$s, $e] = shop_setup_enrol_window(['endtime' => $end], $now);
    printf("%-5s %s\n", $end, gmdate('Y-m-d H:i:s', $e));
}
// From the parsed string, as the handler gets it: '+' raw is a space once decoded, %2B is '+'.
foreach (['endtime=+30D', 'endtime=%2B30D'] as $raw) {
    [$s, $e] = shop_setup_enrol_window(shop_setup_parse_params($raw), $now);
    echo $raw, ' ', ($e - $s) / 86400, " days\n";
}
// Relative to the start, which the course start may push.
[$s, $e] = shop_setup_enrol_window(['endtime' => '+1D', 'starttime' => '1800000000'], $now, 1800003600);
echo $s, ' ', $e - $s, "\n";
?>
--EXPECT--
+10D  2026-02-10 10:00:00
+10d  2026-02-10 10:00:00
+36H  2026-02-01 22:00:00
+2W   2026-02-14 10:00:00
+1M   2026-02-28 10:00:00
+13M  2027-02-28 10:00:00
+25M  2028-02-29 10:00:00
+12m  2027-01-31 10:00:00
 10D  2026-02-10 10:00:00
endtime=+30D 30 days
endtime=%2B30D 30 days
1800003600 86400
