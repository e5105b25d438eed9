--TEST--
shop_setup_session(): attachexisting never/owned/always; privileged accounts never attached
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Delegation over existing accounts follows attachexisting; created accounts are always attached;
// a site admin or a holder of a system role is never attached.
foreach (['never', 'owned', 'always'] as $mode) {
    $m = SessionModel::standard();
    $m->addUser('mine@x.example', 'mine', ['id' => 700]);
    $m->ras['3:42:700'] = true;                   // already attached to this operator
    $m->addUser('stranger@x.example', 'stranger', ['id' => 701]);
    $m->privileged[2] = true;                      // admin@site.example
    $order = session_order(['student' => ['new@x.example' => ['N', 'W'], 'mine@x.example' => ['M', 'I'],
        'stranger@x.example' => ['S', 'T'], 'admin@site.example' => ['A', 'D']]], [], "coursename=FORM-01&attachexisting=$mode");
    $p = session_plan($m, $order);
    echo "$mode:";
    foreach ($p['participants'] as $q) echo ' ', $q['username'], '=', $q['attach'] ? 'attached' : 'not';
    echo "\n";
    foreach ($p['operations'] as $op) if ($op['op'] === 'assign_user_role') echo "  {$op['ref']} role {$op['roleid']} user ", var_export($op['userid'], true), " in context of ", var_export($op['contextuserid'], true), "\n";
    echo session_issues($p);
}
// A long list of privileged accounts, the admin in the middle of it: still
// never attached.
$m = SessionModel::standard();
$m->addUser('stranger@x.example', 'stranger', ['id' => 701]);
$order = session_order(['student' => ['stranger@x.example' => ['S', 'T'], 'admin@site.example' => ['A', 'D']]], [], 'coursename=FORM-01&attachexisting=always');
$f = $m->facts($order);
$f['privileged'] = array_merge(range(3000, 3009), [2], range(3010, 3019));
$p = shop_setup_session($order, $f);
echo count($f['privileged']), ' privileged:';
foreach ($p['participants'] as $q) echo ' ', $q['username'], '=', $q['attach'] ? 'attached' : 'not';
echo "\n";
?>
--EXPECT--
never: n.w=attached mine=not stranger=not admin=not
  p1 role 3 user 42 in context of NULL
  p1 role 5 user NULL in context of 42
warning seats_unassigned: 6 of the 10 seats bought are not assigned to anyone.
owned: n.w=attached mine=attached stranger=not admin=not
  p1 role 3 user 42 in context of NULL
  p1 role 5 user NULL in context of 42
  p2 role 5 user 700 in context of 42
warning seats_unassigned: 6 of the 10 seats bought are not assigned to anyone.
always: n.w=attached mine=attached stranger=attached admin=not
  p1 role 3 user 42 in context of NULL
  p1 role 5 user NULL in context of 42
  p2 role 5 user 700 in context of 42
  p3 role 3 user 42 in context of 701
  p3 role 5 user 701 in context of 42
warning seats_unassigned: 6 of the 10 seats bought are not assigned to anyone.
warning not_attached_privileged p4: "admin@site.example" (student): the account #2 is a site admin or holds a system role: never attached to the operator.
21 privileged: stranger=attached admin=not
