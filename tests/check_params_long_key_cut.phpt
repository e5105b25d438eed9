--TEST--
shop_setup_check_params(): the key of a lexical issue is cut at 200 bytes on a character boundary, so it stays UTF-8
--EXTENSIONS--
shop_setup
--FILE--
<?php
foreach ([str_repeat('é', 130), 'x' . str_repeat('é', 130), 'xx' . str_repeat('€', 100), 'x' . str_repeat('€', 100), str_repeat('k', 300)] as $k) {
    $issue = shop_setup_check_params("$k=%zz")[0];
    printf("%s %d %d %s\n", $issue['code'], strlen($issue['key']), preg_match('//u', $issue['key']), str_starts_with($k, $issue['key']) ? 'prefix' : 'not a prefix');
}
?>
--EXPECT--
malformed_escape 200 1 prefix
malformed_escape 199 1 prefix
malformed_escape 200 1 prefix
malformed_escape 199 1 prefix
malformed_escape 200 1 prefix
