--TEST--
shop_setup_session(): a first or last name that is empty, absent or only white space is missing_field
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
$m = SessionModel::standard();
$order = session_order(['student' => [
    'a@x.example' => ['', 'Dupont'],          // empty first name
    'b@x.example' => [" \t\r\n", 'Durand'],   // white space only (both ends trimmed)
    'c@x.example' => ['Jean', '   '],         // white space only last name
    'd@x.example' => [' Anne Marie ', ' Le Goff '],   // spaces around and inside: fine
]]);
$order['users']['student']['e@x.example'] = ['lastname' => 'Martin', 'email' => 'e@x.example'];   // no first name at all
$p = session_plan($m, $order);
echo session_issues($p);
// Phase 1 says the same before any query.
$l = shop_setup_session($order);
foreach ($l['errors'] as $e) echo $e['code'], ' ', $e['ref'], ' ', $e['field'], "\n";
?>
--EXPECT--
error missing_field p1: "a@x.example" (student) has no first name.
error missing_field p2: "b@x.example" (student) has no first name.
error missing_field p3: "c@x.example" (student) has no last name.
error missing_field p5: "e@x.example" (student) has no first name.
warning seats_unassigned: 5 of the 10 seats bought are not assigned to anyone.
missing_field p1 firstname
missing_field p2 firstname
missing_field p3 lastname
missing_field p5 firstname
