--TEST--
shop_setup_session(): a row given as a list, or with a deleted element, is read by its keys only
--EXTENSIONS--
shop_setup
--FILE--
<?php
// A list has no field names: its fields are missing, never taken by position.
// A deleted element leaves a hole in the row, which is skipped.
require __DIR__ . '/inc/session_model.php';
$m = SessionModel::standard();
$order = session_order(['student' => ['ok@x.example' => ['O', 'K']]]);
$order['users']['student']['list@x.example'] = ['list@x.example', 'Liste', 'Packed'];
$order['users']['student']['holes@x.example'] = [5 => 'x', 'firstname' => 'Trou', 'lastname' => 'Hole'];
unset($order['users']['student']['holes@x.example'][5]);
$order['users']['student']['gone@x.example'] = ['email' => 'not-this@x.example', 'firstname' => 'Parti', 'lastname' => 'Gone'];
unset($order['users']['student']['gone@x.example']['email']);
echo session_issues(shop_setup_session($order));
$p = session_plan($m, $order);
echo session_issues($p);
try {
    shop_setup_session($order, ['course' => ['id' => 2], 'users' => [[101, 'a@x.example']]] + $m->facts($order));
} catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
?>
--EXPECT--
error missing_field p2: "list@x.example" (student) has no first name.
error missing_field p2: "list@x.example" (student) has no last name.
warning seats_unassigned: 6 of the 10 seats bought are not assigned to anyone.
error missing_field p2: "list@x.example" (student) has no first name.
error missing_field p2: "list@x.example" (student) has no last name.
warning seats_unassigned: 6 of the 10 seats bought are not assigned to anyone.
TypeError: shop_setup_session(): $facts['users'][0]['id'] must be of type int, nothing given
