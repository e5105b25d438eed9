--TEST--
shop_setup_session(): more participants than seats (tutors included) is an error, with no operation
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Tutors use seats like learners: 2 learners + 1 tutor do not fit in 2 seats.
$m = SessionModel::standard();
$order = session_order(['student' => ['a@x.example' => ['A', 'A'], 'b@x.example' => ['B', 'B']],
    'teacher' => ['t@x.example' => ['T', 'T']]], ['quantity' => 2]);
$p = session_plan($m, $order);
echo session_issues($p);
var_dump($p['ok'], count($p['operations']), $p['summary']['declared'], $p['summary']['seats']);
echo session_issues(shop_setup_session($order));
?>
--EXPECT--
error seats_exceeded: The order lists 3 participants for 2 seats bought.
bool(false)
int(0)
int(3)
int(2)
error seats_exceeded: The order lists 3 participants for 2 seats bought.
