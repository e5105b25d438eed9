--TEST--
shop_setup_session(): one group per order keyed on the transaction id; only missing members are added
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// One group per order, idnumber = transactionid; name from groupname or "Session <transactionid>".
$m = SessionModel::standard();
$order = session_order(['student' => ['a@x.example' => ['A', 'A'], 'b@x.example' => ['B', 'B']]], ['transactionid' => 'TX-77']);
$p = session_plan($m, $order);
echo json_encode($p['group']), "\n";
foreach ($p['operations'] as $op) if (in_array($op['op'], ['create_group', 'add_member'], true)) echo json_encode($op), "\n";
// The group exists with the operator and a as members: only b is added.
$m->apply($p, 0);
$m->groups['10:TX-77'] = ['id' => 55, 'name' => 'x', 'members' => []];
$a = $m->addUser('a@x.example', 'a.a');
$m->enrol(10, $a, 5); $m->enrol(10, 42, 3);
$m->groups['10:TX-77']['members'] = [42 => true, $a => true];
$order['handlerparams'] .= '&groupname=' . rawurlencode('Mars 2026 — Lyon');
$p = session_plan($m, $order);
echo json_encode($p['group']), "\n";
foreach ($p['operations'] as $op) if (in_array($op['op'], ['create_group', 'add_member'], true)) echo json_encode($op), "\n";
?>
--EXPECT--
{"id":null,"idnumber":"TX-77","name":"Session TX-77"}
{"op":"create_group","ref":null,"courseid":10,"idnumber":"TX-77","name":"Session TX-77"}
{"op":"add_member","ref":"operator","userid":42,"groupid":null}
{"op":"add_member","ref":"p1","userid":null,"groupid":null}
{"op":"add_member","ref":"p2","userid":null,"groupid":null}
{"id":55,"idnumber":"TX-77","name":"Mars 2026 \u2014 Lyon"}
{"op":"add_member","ref":"p2","userid":null,"groupid":55}
