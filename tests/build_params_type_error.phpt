--TEST--
shop_setup_build_params(): an array, object or resource value is a TypeError naming the key
--EXTENSIONS--
shop_setup
--FILE--
<?php
class WithToString { public function __toString(): string { return 'x'; } }
foreach ([['a' => 'ok', 'nested' => ['x' => 1]], ['obj' => new stdClass()], [7 => new WithToString()],
    ['fn' => fn() => 1], ['res' => STDERR]] as $input) {
    try {
        shop_setup_build_params($input);
        echo "no error\n";
    } catch (TypeError $e) {
        echo $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
shop_setup_build_params(): Argument #1 ($params) must contain only scalar or null values, array given for key "nested"
shop_setup_build_params(): Argument #1 ($params) must contain only scalar or null values, stdClass given for key "obj"
shop_setup_build_params(): Argument #1 ($params) must contain only scalar or null values, WithToString given for key "7"
shop_setup_build_params(): Argument #1 ($params) must contain only scalar or null values, Closure given for key "fn"
shop_setup_build_params(): Argument #1 ($params) must contain only scalar or null values, resource given for key "res"
