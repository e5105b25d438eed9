--TEST--
shop_setup_build_params(): string, int, float, bool and null values are written as (string) would, and parse back to those strings
--EXTENSIONS--
shop_setup
--FILE--
<?php
$values = ['s' => 'text', 'i' => 42, 'n' => -7, 'max' => PHP_INT_MAX, 'f' => 0.1, 'g' => 1.0, 'h' => 1e100,
    'm' => -0.0, 'inf' => INF, 'nan' => NAN, 't' => true, 'u' => false, 'z' => null, 'e' => ''];
$built = shop_setup_build_params($values);
echo $built, "\n";
$parsed = shop_setup_parse_params($built);
foreach ($values as $k => $v) {
    printf("%-3s %-8s %s\n", $k, get_debug_type($v), var_export($parsed[$k] === (string)$v, true));
}
// A value held by reference is read through the reference.
$x = 'ref';
$arr = ['r' => &$x];
echo shop_setup_build_params($arr), "\n";
?>
--EXPECT--
e=&f=0.1&g=1&h=1.0E%2B100&i=42&inf=INF&m=-0&max=9223372036854775807&n=-7&nan=NAN&s=text&t=1&u=&z=
s   string   true
i   int      true
n   int      true
max int      true
f   float    true
g   float    true
h   float    true
m   float    true
inf float    true
nan float    true
t   bool     true
u   bool     true
z   null     true
e   string   true
r=ref
