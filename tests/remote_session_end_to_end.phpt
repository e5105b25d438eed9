--TEST--
shop_setup_session() + shop_setup_remote_lookup() + shop_setup_remote_apply(): plan, look up, plan again, apply; planning once more finds nothing left to do
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
$s = MoodleMock::site();
// Jean exists on the remote site, his e-mail stored in another case.
$s['users'][] = ['id' => 7, 'username' => 'jdupont', 'firstname' => 'Jean', 'lastname' => 'Dupont', 'email' => 'Jean.Dupont@Exemple.fr', 'auth' => 'manual', 'suspended' => 0];
$m = MoodleMock::start($s);
$p = fn($f, $l, $e) => ['firstname' => $f, 'lastname' => $l, 'email' => $e];
$order = ['transactionid' => 'TX-42', 'quantity' => 3, 'operator' => 42, 'now' => 1767225600,
	'handlerparams' => 'coursename=FORM-01&requiredroles=student,teacher&customersupport=SUPPORT',
	'users' => ['student' => ['jean.dupont@exemple.fr' => $p('Jean', 'Dupont', 'jean.dupont@exemple.fr'),
		'marie.curie@exemple.fr' => $p('Marie', 'Curie', 'marie.curie@exemple.fr')],
		'teacher' => ['tutor@exemple.fr' => $p('Tom', 'Tutor', 'tutor@exemple.fr')]]];
$roles = ['roles' => ['student' => 5, 'teacher' => 4, 'editingteacher' => 3]];

$lookup = shop_setup_session($order);
$facts = shop_setup_remote_lookup($lookup['lookups'], $m->url, MoodleMock::TOKEN, $roles);
echo "found: ", json_encode(array_column($facts['users'], 'username', 'email')), "\n";
$plan = shop_setup_session($order, $facts);
echo "plan: ok=", json_encode($plan['ok']), " ", json_encode(array_count_values(array_column($plan['operations'], 'op'))), "\n";

$report = shop_setup_remote_apply($plan, $m->url, MoodleMock::TOKEN);
echo "apply: ok=", json_encode($report['ok']), " ", json_encode(array_count_values(array_column($report['operations'], 'status'))), "\n";
// PHP records the products (create_product comes back with its userid).
$products = [];
foreach ($report['operations'] as $op) {
	if ($op['op'] === 'create_product') {
		echo "product ", $op['ref'], " for user ", $op['userid'], "\n";
		$products[] = $op['reference'];
	}
}

$facts = shop_setup_remote_lookup($lookup['lookups'], $m->url, MoodleMock::TOKEN, $roles + ['products' => $products]);
$again = shop_setup_session($order, $facts);
echo "plan again: ok=", json_encode($again['ok']), ", operations ", count($again['operations']), "\n";
$st = $m->state();
echo "site: accounts ", count($st['users']), ", enrolments ", count($st['enrolments']), ", group members ", count($st['groups'][0]['members']), "\n";
?>
--EXPECT--
found: {"Jean.Dupont@Exemple.fr":"jdupont"}
plan: ok=true {"create_user":2,"create_group":1,"enrol":5,"add_member":4,"assign_user_role":4,"create_product":3}
apply: ok=true {"done":16,"local":3}
product p1 for user 7
product p2 for user 1000
product p3 for user 1001
plan again: ok=true, operations 0
site: accounts 5, enrolments 5, group members 4
