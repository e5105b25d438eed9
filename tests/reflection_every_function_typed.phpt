--TEST--
Every function of the extension starts with shop_setup_ and has typed parameters and return
--EXTENSIONS--
shop_setup
--FILE--
<?php
$ext = new ReflectionExtension('shop_setup');
$fns = $ext->getFunctions();
var_dump(count($fns) > 0);
foreach ($fns as $name => $fn) {
    if (!str_starts_with($name, 'shop_setup_')) echo "bad name: $name\n";
    if (!$fn->hasReturnType()) echo "$name: untyped return\n";
    foreach ($fn->getParameters() as $p) {
        if (!$p->hasType()) echo "$name: untyped \${$p->getName()}\n";
    }
}
echo "done\n";
?>
--EXPECT--
bool(true)
done
