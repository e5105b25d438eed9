--TEST--
shop_setup_build_params(): keys sorted in byte order (int keys as strings), RFC 3986 encoding with upper-case hex, space as %20
--EXTENSIONS--
shop_setup
--FILE--
<?php
var_dump(shop_setup_build_params(['supervisor' => 'teacher', 'coursename' => 'FORM 01', 'Z' => 'é', 10 => 'ten', 9 => 'nine', '_' => '~']));
// Every ASCII byte but NUL: unreserved ones stay, the others are %XX.
$all = '';
for ($c = 1; $c < 128; $c++) {
    $all .= chr($c);
}
echo shop_setup_build_params(['k' => $all]), "\n";
var_dump(shop_setup_build_params([]));
// The same array in any order gives the same string.
$a = ['b' => '1', 'a' => '2', 'c' => '3'];
$b = ['c' => '3', 'a' => '2', 'b' => '1'];
var_dump(shop_setup_build_params($a) === shop_setup_build_params($b));
?>
--EXPECT--
string(66) "10=ten&9=nine&Z=%C3%A9&_=~&coursename=FORM%2001&supervisor=teacher"
k=%01%02%03%04%05%06%07%08%09%0A%0B%0C%0D%0E%0F%10%11%12%13%14%15%16%17%18%19%1A%1B%1C%1D%1E%1F%20%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~%7F
string(0) ""
bool(true)
