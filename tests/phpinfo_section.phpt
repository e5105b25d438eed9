--TEST--
phpinfo() has a shop_setup section with the version, the re2c version and the libcurl version
--EXTENSIONS--
shop_setup
--FILE--
<?php
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
$start = strpos($info, "\nshop_setup\n");
var_dump($start !== false);
$section = substr($info, $start, 400);
var_dump((bool) preg_match('/^Version => ' . preg_quote(phpversion('shop_setup'), '/') . '$/m', $section));
var_dump((bool) preg_match('/^re2c version used => \d+\.\d+(\.\d+)?$/m', $section));
var_dump((bool) preg_match('/^libcurl version => (\d+\.\d+\.\d+|disabled)$/m', $section));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
