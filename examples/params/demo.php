<?php
// Parses a bundled product's handler parameter string, checks it as local_shop's
// product test page would, and prints the enrolment window a sale made now would get.
// Run: php -d extension=modules/shop_setup.so examples/params/demo.php [file] [now]
$file = $argv[1] ?? __DIR__ . '/product.txt';
$now = isset($argv[2]) ? (int) $argv[2] : time();
$raw = file_get_contents($file);
printf("Handler parameters of %s\n", basename($file));
foreach (shop_setup_parse_params($raw) as $k => $v) {
    printf("  %-16s %s\n", $k, $v);
}
$issues = shop_setup_check_params($raw);
printf("Check: %s\n", $issues ? count($issues) . ' problem(s)' : 'no problem');
foreach ($issues as $i) {
    printf("  %-7s %-20s %s\n", $i['level'], $i['code'], $i['message']);
}
[$start, $end] = shop_setup_enrol_window(shop_setup_parse_params($raw), $now, 0, false);
printf("Enrolment window for a sale at %s:\n  start %s\n  end   %s\n", gmdate('Y-m-d H:i \U\T\C', $now),
    gmdate('Y-m-d H:i \U\T\C', $start), $end ? gmdate('Y-m-d H:i \U\T\C', $end) : 'open');
