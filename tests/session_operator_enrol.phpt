--TEST--
shop_setup_session(): the operator is enrolled with the supervisor role without a seat, unless autoenrolsupervisor=0
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// The operator is enrolled with the supervisor role and joins the group, using no seat;
// autoenrolsupervisor=0 leaves them out.
$m = SessionModel::standard();
$order = session_order(['student' => ['a@x.example' => ['A', 'A']]], ['quantity' => 1], 'coursename=FORM-01&supervisor=editingteacher');
$p = session_plan($m, $order);
echo session_issues($p);
foreach ($p['operations'] as $op) if ($op['ref'] === 'operator') echo json_encode($op), "\n";
$order['handlerparams'] .= '&autoenrolsupervisor=0';
$p = session_plan($m, $order);
foreach ($p['operations'] as $op) if ($op['ref'] === 'operator') echo json_encode($op), "\n";
echo "without: ", count(array_filter($p['operations'], fn ($o) => $o['ref'] === 'operator')), " operator operations\n";
?>
--EXPECT--

{"op":"enrol","ref":"operator","userid":42,"courseid":10,"roleid":4,"timestart":1767225600,"timeend":0}
{"op":"add_member","ref":"operator","userid":42,"groupid":null}
without: 0 operator operations
