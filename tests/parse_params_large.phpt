--TEST--
shop_setup_parse_params(): 1 MiB values and 100,000 pairs are decoded whole; a fault at the end of 1 MiB has its exact offset
--EXTENSIONS--
shop_setup
--FILE--
<?php
$big = str_repeat('%C3%A9', 174763); // 1 MiB of escapes
$r = shop_setup_parse_params("a=1&v=$big&z=2");
var_dump(strlen($r['v']), $r['v'] === str_repeat('é', 174763), $r['z']);

$pairs = [];
for ($i = 0; $i < 100000; $i++) {
    $pairs[] = "key$i=value+$i";
}
$r = shop_setup_parse_params(implode('&', $pairs));
var_dump(count($r), $r['key0'], $r['key99999']);

try {
    shop_setup_parse_params("v=" . str_repeat('x', 1 << 20) . "%G0");
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
int(349526)
bool(true)
string(1) "2"
int(100000)
string(7) "value 0"
string(11) "value 99999"
shop_setup_parse_params(): Argument #1 ($params) has a malformed percent escape "%G0" at byte 1048578 in the value of key "v"
