<?php
// Parses a bundled product's handler parameter string and prints what local_shop's
// handler would receive. Run: php -d extension=modules/shop_setup.so examples/params/demo.php [file]
$file = $argv[1] ?? __DIR__ . '/product.txt';
$raw = file_get_contents($file);
printf("Handler parameters of %s\n", basename($file));
foreach (shop_setup_parse_params($raw) as $k => $v) {
    printf("  %-16s %s\n", $k, $v);
}
