--TEST--
shop_setup_session(): the same person twice, across roles and spellings, is one error naming both entries
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// The same person twice, in two spellings and two roles: one error naming both entries, no operation.
$m = SessionModel::standard();
$order = session_order([
    'student' => ['jean.dupont@exemple.fr' => ['Jean', 'Dupont'], 'other@x.example' => ['O', 'K']],
    'teacher' => [' Jean.Dupont@EXEMPLE.fr' => ['Jean', 'Dupont']],
]);
echo session_issues(shop_setup_session($order));
$p = session_plan($m, $order);
echo session_issues($p);
foreach ($p['errors'] as $e) echo $e['ref'], ' other=', $e['other'], ' role=', $e['role'], "\n";
foreach ($p['participants'] as $q) echo $q['ref'], ' ', $q['status'], "\n";
var_dump(count($p['operations']));
?>
--EXPECT--
error duplicate p3: "jean.dupont@exemple.fr" (student) and " Jean.Dupont@EXEMPLE.fr" (teacher) are the same person (jean.dupont@exemple.fr): one account, one seat; remove one entry.
warning seats_unassigned: 7 of the 10 seats bought are not assigned to anyone.
error duplicate p3: "jean.dupont@exemple.fr" (student) and " Jean.Dupont@EXEMPLE.fr" (teacher) are the same person (jean.dupont@exemple.fr): one account, one seat; remove one entry.
warning seats_unassigned: 7 of the 10 seats bought are not assigned to anyone.
p3 other=p1 role=teacher
p1 error
p2 ok
p3 error
int(0)
