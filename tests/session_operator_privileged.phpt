--TEST--
shop_setup_session(): a privileged operator (site admin) gets no delegation: no role in an admin's user context (found by fuzz/session_fuzz.php)
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// The contract: no assign_user_role whose contextuserid (or userid, for the
// mirror role) is privileged. With the operator itself privileged, the mirror
// role put every new participant into the admin's user context.
$m = SessionModel::standard();
$m->privileged[42] = true;           // the buyer is a site admin
$order = session_order(['student' => ['new@x.example' => ['N', 'W']]], [], 'coursename=FORM-01&attachexisting=always');
$plan = session_plan($m, $order);
var_dump($plan['ok']);
echo count(array_filter($plan['operations'], fn ($op) => $op['op'] === 'assign_user_role')), " assign_user_role\n";
foreach ($plan['warnings'] as $w) if ($w['code'] === 'operator_privileged') echo $w['code'], ': ', $w['message'], "\n";
var_dump($plan['participants'][0]['attach']);
// The model refuses any delegation over a privileged account; applying must pass, and be idempotent.
$m->apply($plan);
var_dump(session_plan($m, $order)['operations']);
?>
--EXPECT--
bool(true)
0 assign_user_role
operator_privileged: The operator #42 is a site admin or holds a system role: no participant is attached to them.
bool(false)
array(0) {
}
