--TEST--
shop_setup_session(): in the support course the operator also gets local_shop's customer role (customerrole)
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// local_shop's shop_register_customer_support() enrols the buyer as student and customer:
// customerrole (default customer) is that second role; empty or equal to supportrole: none.
$users = ['student' => ['a@x.example' => ['A', 'A']]];
$base = 'coursename=FORM-01&customersupport=SUPPORT';
function support_ops(array $p): string
{
    $out = [];
    foreach ($p['operations'] as $op) {
        if (($op['courseid'] ?? null) === 11) $out[] = "{$op['op']} roleid={$op['roleid']}";
    }
    return ($out ? implode(', ', $out) : 'none') . '; ' . implode(' ', array_map(fn ($i) => "{$i['level']}:{$i['code']}",
        array_filter(array_merge($p['errors'], $p['warnings']), fn ($i) => $i['code'] !== 'seats_unassigned')));
}

echo "phase 1 (default): ", json_encode(array_intersect_key(shop_setup_session(session_order($users, [], $base))['lookups'], ['roles' => 1, 'optionalroles' => 1])), "\n";
echo "phase 1 (given):   ", json_encode(array_intersect_key(shop_setup_session(session_order($users, [], "$base&customerrole=customer"))['lookups'], ['roles' => 1, 'optionalroles' => 1])), "\n";
echo "phase 1 (no support course): ", json_encode(array_intersect_key(shop_setup_session(session_order($users))['lookups'], ['roles' => 1, 'optionalroles' => 1])), "\n";

$m = SessionModel::standard();
$order = session_order($users, [], $base);
$p = session_plan($m, $order);
echo "new enrolment: ", support_ops($p), "\n";
$m->apply($p);
echo "after apply: ", count(session_plan($m, $order)['operations']), " operations, support roles ", json_encode($m->enrolments['11:42']['roles']), "\n";

$m = SessionModel::standard();
$m->enrol(11, 42, 5);
echo "enrolled as student already: ", support_ops(session_plan($m, $order)), "\n";
$m = SessionModel::standard();
$m->enrol(11, 42, 10);
echo "enrolled as customer already: ", support_ops(session_plan($m, $order)), "\n";

$m = SessionModel::standard();
echo "customerrole= : ", support_ops(session_plan($m, session_order($users, [], "$base&customerrole="))), "\n";
echo "customerrole=student: ", support_ops(session_plan($m, session_order($users, [], "$base&customerrole=student"))), "\n";
echo "customerrole=editingteacher: ", support_ops(session_plan($m, session_order($users, [], "$base&customerrole=editingteacher"))), "\n";

// A site without local_shop's customer role: the default gives way with a warning; a role named on purpose must exist.
$m = SessionModel::standard();
unset($m->roles['customer']);
$p = session_plan($m, $order);
echo "no customer role, default: ", support_ops($p), "; ok=", json_encode($p['ok']), "\n";
echo "no customer role, given: ", support_ops(session_plan($m, session_order($users, [], "$base&customerrole=customer"))), "\n";
echo "no customer role, also supportrole: ", support_ops(session_plan($m, session_order($users, [], "$base&supportrole=customer"))), "\n";
foreach ($p['warnings'] as $w) if ($w['code'] === 'customer_role_not_found') echo $w['field'], ': ', $w['message'], "\n";
echo "no support course: ", support_ops(session_plan($m, session_order($users))), "\n";
?>
--EXPECT--
phase 1 (default): {"roles":["student","teacher"],"optionalroles":["customer"]}
phase 1 (given):   {"roles":["customer","student","teacher"],"optionalroles":[]}
phase 1 (no support course): {"roles":["student","teacher"],"optionalroles":[]}
new enrolment: enrol roleid=5, assign_role roleid=10; 
after apply: 0 operations, support roles [5,10]
enrolled as student already: assign_role roleid=10; 
enrolled as customer already: assign_role roleid=5; 
customerrole= : enrol roleid=5; 
customerrole=student: enrol roleid=5; 
customerrole=editingteacher: enrol roleid=5, assign_role roleid=4; 
no customer role, default: enrol roleid=5; warning:customer_role_not_found; ok=true
no customer role, given: none; error:role_not_found
no customer role, also supportrole: none; error:role_not_found
customerrole: No role has the shortname "customer" (local_shop's customer role, the default of customerrole): the operator gets only supportrole in the customer support course. Set customerrole to another role, or leave it empty (customerrole=) for none.
no support course: none; 
