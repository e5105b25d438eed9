--TEST--
shop_setup_remote_lookup(): an operator whose account is missing, deleted, suspended, nologin or answered without those fields is refused before anything is planned
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php require __DIR__ . '/inc/skipif_nocurl.inc'; ?>
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
$lookups = ['emails' => ['new.person@exemple.fr'], 'usernames' => ['new.person'], 'course' => 'FORM-01',
	'supportcourse' => null, 'roles' => ['student'], 'groupidnumber' => 'TX1', 'operatorid' => 42];
$cases = [
	'active' => fn(array &$s) => null,
	'suspended' => function (array &$s) { $s['users'][1]['suspended'] = 1; },
	'nologin' => function (array &$s) { $s['users'][1]['auth'] = 'nologin'; },
	'missing or deleted' => function (array &$s) { unset($s['users'][1]); $s['users'] = array_values($s['users']); },
	'suspended hidden' => function (array &$s) { $s['hiddenfields'] = ['suspended']; },
];
foreach ($cases as $label => $change) {
	$s = MoodleMock::site();
	if ($s['users'][1]['id'] !== 42) throw new LogicException('the default site changed');
	$change($s);
	$m = MoodleMock::start($s);
	echo "$label: ";
	try {
		$f = shop_setup_remote_lookup($lookups, $m->url, MoodleMock::TOKEN, ['roles' => ['student' => 5]]);
		echo 'facts, course ', $f['course']['id'], "\n";
	} catch (RuntimeException $e) {
		echo $e->getMessage(), "\n";
	}
	unset($m);
}
?>
--EXPECT--
active: facts, course 10
suspended: shop_setup_remote_lookup(): the operator's account (user #42) is suspended: it would get the session's rights without being able to use them
nologin: shop_setup_remote_lookup(): the operator's account (user #42) is nologin: it would get the session's rights without being able to use them
missing or deleted: shop_setup_remote_lookup(): the operator (user #42) has no account on the site, or it is deleted: the session cannot be attached to it
suspended hidden: shop_setup_remote_lookup(): the site's answer for the operator (user #42) has no 'suspended' (Moodle gives auth and username only to a token whose user has moodle/user:viewalldetails, and leaves suspended out when it is in hiddenuserfields)
