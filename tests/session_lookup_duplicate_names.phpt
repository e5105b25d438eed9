--TEST--
shop_setup_session() phase 1: one address under several names lists every candidate username (regression: buffer sized by addresses)
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
$users = [];
for ($i = 0; $i < 40; $i++) $users['student'][str_repeat(' ', $i) . 'same@x.example'] = ["First$i", "Last$i"];
$l = shop_setup_session(session_order($users, ['quantity' => 40]));
var_dump(count($l['lookups']['emails']), count($l['lookups']['usernames']), $l['lookups']['usernames'][0], count($l['errors']));
echo $l['errors'][0]['code'], "\n";
?>
--EXPECT--
int(1)
int(40)
string(12) "first0.last0"
int(39)
duplicate
