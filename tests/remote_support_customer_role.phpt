--TEST--
shop_setup_remote_lookup(): customerrole is looked up only when the caller maps it; mapped, the remote apply gives it in the support course, and planning again finds nothing
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php require __DIR__ . '/inc/skipif_nocurl.inc'; ?>
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
$s = MoodleMock::site();
$s['roles']['customer'] = 10;   // local_shop's role on the remote site, which its install
$s['course_roles'] = [3, 4, 5, 10];   // makes assignable in courses
$m = MoodleMock::start($s);
$order = ['transactionid' => 'TX-43', 'quantity' => 1, 'operator' => 42, 'now' => 1767225600,
	'handlerparams' => 'coursename=FORM-01&customersupport=SUPPORT',
	'users' => ['student' => ['marie.curie@exemple.fr' => ['firstname' => 'Marie', 'lastname' => 'Curie', 'email' => 'marie.curie@exemple.fr']]]];
$lookup = shop_setup_session($order);
echo "optional: ", json_encode($lookup['lookups']['optionalroles']), "\n";
$support = function (array $plan): string {
	$ops = array_filter($plan['operations'], fn ($op) => ($op['courseid'] ?? 0) !== 0 && $op['op'] !== 'create_product' && $op['ref'] === 'operator' && $op['courseid'] !== $plan['context']['courseid']);
	return json_encode(array_values(array_map(fn ($op) => $op['op'] . ':' . $op['roleid'], $ops)));
};

// Not mapped: the site is taken to lack it; the plan warns and gives supportrole only.
$facts = shop_setup_remote_lookup($lookup['lookups'], $m->url, MoodleMock::TOKEN, ['roles' => ['student' => 5, 'teacher' => 4]]);
echo "unmapped: roles ", json_encode($facts['roles']), "\n";
$plan = shop_setup_session($order, $facts, ['format' => 'columns']);
echo "  ", $support($plan), " ", json_encode(array_column($plan['warnings'], 'code')), "\n";

// Mapped to a wrong value: refused like any role.
try {
	shop_setup_remote_lookup($lookup['lookups'], $m->url, MoodleMock::TOKEN, ['roles' => ['student' => 5, 'teacher' => 4, 'customer' => 'x']]);
} catch (ValueError $e) {
	echo get_class($e), ": ", $e->getMessage(), "\n";
}

// Mapped: enrol then the customer role; applied remotely; nothing left afterwards.
$roles = ['roles' => ['student' => 5, 'teacher' => 4, 'customer' => 10]];
$facts = shop_setup_remote_lookup($lookup['lookups'], $m->url, MoodleMock::TOKEN, $roles);
$plan = shop_setup_session($order, $facts, ['format' => 'columns']);
echo "mapped: ", $support($plan), " ", json_encode(array_column($plan['warnings'], 'code')), "\n";
$report = shop_setup_remote_apply($plan, $m->url, MoodleMock::TOKEN);
echo "apply: ok=", json_encode($report['ok']), "\n";
$plan = shop_setup_session($order, shop_setup_remote_lookup($lookup['lookups'], $m->url, MoodleMock::TOKEN, $roles), ['format' => 'columns']);
echo "again: ", $support($plan), "\n";
?>
--EXPECT--
optional: ["customer"]
unmapped: roles {"student":5,"teacher":4}
  ["enrol:5"] ["customer_role_not_found"]
ValueError: shop_setup_remote_lookup(): Argument #4 ($options) option "roles" must map role "customer" to its id (an int > 0), or leave it out
mapped: ["enrol:5","assign_role:10"] []
apply: ok=true
again: []
