--TEST--
shop_setup_session(): delegation roles in both user contexts, skipping those in place
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Both directions, roles from operatorrole / participantrole; assignments already there are skipped.
$m = SessionModel::standard();
$order = session_order(['student' => ['new@x.example' => ['N', 'W']]], [], 'coursename=FORM-01&operatorrole=courseowner&participantrole=student');
foreach (session_plan($m, $order)['operations'] as $op) if ($op['op'] === 'assign_user_role') echo json_encode($op), "\n";
$id = $m->addUser('old@x.example', 'old');
$m->ras["9:42:$id"] = true;           // operator already holds courseowner over old
$order = session_order(['student' => ['old@x.example' => ['O', 'L']]], [], 'coursename=FORM-01&operatorrole=courseowner');
foreach (session_plan($m, $order)['operations'] as $op) if ($op['op'] === 'assign_user_role') echo json_encode($op), "\n";
?>
--EXPECT--
{"op":"assign_user_role","ref":"p1","userid":42,"roleid":9,"contextref":"p1","contextuserid":null}
{"op":"assign_user_role","ref":"p1","userid":null,"roleid":5,"contextref":"operator","contextuserid":42}
{"op":"assign_user_role","ref":"p1","userid":1000,"roleid":5,"contextref":"operator","contextuserid":42}
