--TEST--
The web-service token is a #[\SensitiveParameter]: stack traces and var_dump of a trace never show it
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php if (PHP_VERSION_ID < 80200) die('skip SensitiveParameter needs PHP 8.2'); ?>
--INI--
zend.exception_ignore_args=0
--FILE--
<?php
foreach (['shop_setup_remote_lookup', 'shop_setup_remote_apply'] as $fn) {
    $p = (new ReflectionFunction($fn))->getParameters()[2];
    echo $fn, ': $', $p->getName(), ' ', count($p->getAttributes(SensitiveParameter::class)), "\n";
    try {
        // An invalid endpoint fails before any request; the trace carries the arguments.
        $fn([], 'not a url', 'SECRET-TOKEN-123');
    } catch (Throwable $e) {
        $trace = $e->getTraceAsString() . print_r($e->getTrace(), true) . $e->getMessage();
        echo get_class($e), ': token in trace: ', var_export(str_contains($trace, 'SECRET-TOKEN-123'), true), "\n";
    }
}
?>
--EXPECT--
shop_setup_remote_lookup: $token 1
ValueError: token in trace: false
shop_setup_remote_apply: $token 1
ValueError: token in trace: false
