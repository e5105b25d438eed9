--TEST--
shop_setup_parse_params(): decodes '+' and %XX exactly like urldecode(), in keys and values
--EXTENSIONS--
shop_setup
--FILE--
<?php
var_dump(shop_setup_parse_params("k%65y+1=a+b%2bc%2Fd%e2%82%ac%E2%82%AC"));
// Random well-formed strings: the decoded pairs equal urldecode() of each raw part.
mt_srand(7);
$alphabet = ['a', 'Z', '9', '+', '%41', '%2b', '%2B', '%20', '%C3%A9', '%e2%82%ac', '~', '.', '-', '_', '%3D', '%26', 'é', ';', '/', '?'];
$bad = 0;
for ($n = 0; $n < 500; $n++) {
    $k = 'k' . $n;
    $v = '';
    for ($i = mt_rand(0, 12); $i > 0; $i--) {
        $v .= $alphabet[mt_rand(0, count($alphabet) - 1)];
    }
    $r = shop_setup_parse_params("$k=$v");
    if ($r !== [$k => urldecode($v)]) {
        $bad++;
        echo "mismatch: $v\n";
    }
}
echo "mismatches: $bad\n";
?>
--EXPECT--
array(1) {
  ["key 1"]=>
  string(13) "a b+c/d€€"
}
mismatches: 0
