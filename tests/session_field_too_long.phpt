--TEST--
shop_setup_session(): a new account's field longer than Moodle's user table column (in characters) is a field_too_long error; an existing account's is not
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
$m = SessionModel::standard();
$m->addUser('known@client.example', 'known');
$long = str_repeat('l', 60) . '@' . str_repeat('d', 40) . '.example';   // 109 characters: a valid address
$order = session_order(['student' => [
    'fits@client.example' => [str_repeat('é', 100), 'Fits'],        // 100 characters in 200 bytes: fits
    'first@client.example' => [str_repeat('é', 101), 'First'],
    'last@client.example' => ['Last', str_repeat('x', 101)],
    $long => ['Long', 'Address'],
    'known@client.example' => ['Known', str_repeat('x', 300)],     // reused: nothing is written to it
]]);
$order['users']['student']['fits@client.example']['city'] = str_repeat('c', 120);
$order['users']['student']['fits@client.example']['institution'] = str_repeat('ü', 255);
$order['users']['student']['fits@client.example']['phone2'] = '+33 1 23 45 67 89 00';  // 20
$order['users']['student']['first@client.example']['city'] = str_repeat('c', 121);
$order['users']['student']['first@client.example']['institution'] = str_repeat('ü', 256);
$order['users']['student']['first@client.example']['phone2'] = '+33 1 23 45 67 89 001';  // 21
echo 'phase 1 errors: ', count(shop_setup_session($order)['errors']), "\n";
$p = session_plan($m, $order);
echo session_issues($p);
echo 'ok: ', var_export($p['ok'], true), ', operations: ', count($p['operations']), "\n";
// The columns format carries the same errors and flags those participants.
$c = shop_setup_session($order, $m->facts($order), ['format' => 'columns']);
echo 'columns errors: ', count($c['errors']), ', flagged: ', implode(',', array_keys(array_filter($c['participants']['flags'],
    fn ($f) => $f & SHOP_SETUP_ERROR))), "\n";
// With partial, the others go ahead.
$p = session_plan($m, $order, ['partial' => true]);
$created = [];
foreach ($p['operations'] as $op) if ($op['op'] === 'create_user') $created[] = $op['user']['email'];
echo 'partial creates: ', implode(', ', $created), "\n";
?>
--EXPECT--
phase 1 errors: 0
error field_too_long p2: "first@client.example" (student): firstname is longer than the 100 characters Moodle's user table holds for a new account.
error field_too_long p2: "first@client.example" (student): city is longer than the 120 characters Moodle's user table holds for a new account.
error field_too_long p2: "first@client.example" (student): institution is longer than the 255 characters Moodle's user table holds for a new account.
error field_too_long p2: "first@client.example" (student): phone2 is longer than the 20 characters Moodle's user table holds for a new account.
error field_too_long p3: "last@client.example" (student): lastname is longer than the 100 characters Moodle's user table holds for a new account.
error field_too_long p4: "llllllllllllllllllllllllllllllllllllllllllllllllllllllllllll@ddddddddddddddddddd" (student): email is longer than the 100 characters Moodle's user table holds for a new account.
warning seats_unassigned: 5 of the 10 seats bought are not assigned to anyone.
ok: false, operations: 0
columns errors: 6, flagged: 1,2,3
partial creates: fits@client.example
