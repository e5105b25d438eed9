--TEST--
shop_setup_session(): a user enrolled twice in the course (two instances) counts as enrolled when either enrolment is active
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
$order = session_order(['student' => ['two@x.example' => ['T', 'W']]]);
foreach ([[1, 0], [0, 1]] as [$first, $second]) {
    $m = SessionModel::standard();
    $id = $m->addUser('two@x.example', 'two');
    $facts = $m->facts($order);
    $facts['enrolments'][] = ['courseid' => 10, 'userid' => $id, 'status' => $first, 'roles' => [5]];    // e.g. self
    $facts['enrolments'][] = ['courseid' => 10, 'userid' => $id, 'status' => $second, 'roles' => [5]];   // e.g. manual
    $p = shop_setup_session($order, $facts);
    echo var_export($p['ok'], true), ' ', $p['participants'][0]['messages'][0], "\n";
}
?>
--EXPECT--
true existing account #1000 (two); already enrolled as student; add to the group; not attached to the operator; record the seat
true existing account #1000 (two); already enrolled as student; add to the group; not attached to the operator; record the seat
