--TEST--
shop_setup_remote_lookup(): an account whose answer lacks auth, username or suspended (a token without moodle/user:viewalldetails, hiddenuserfields) is refused, never reused as an active one
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php require __DIR__ . '/inc/skipif_nocurl.inc'; ?>
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
$lookups = [
	'emails' => ['jean.dupont@exemple.fr', 'new.person@exemple.fr'], 'usernames' => ['jean.dupont'],
	'course' => 'FORM-01', 'supportcourse' => null, 'roles' => ['student', 'teacher'],
	'groupidnumber' => 'TX1',   // no operator here: tests/remote_lookup_operator_account.phpt
];
foreach ([[], ['suspended'], ['auth', 'username']] as $hidden) {
	$s = MoodleMock::site();
	$s['users'][] = ['id' => 7, 'username' => 'jdupont', 'firstname' => 'F', 'lastname' => 'L',
		'email' => 'jean.dupont@exemple.fr', 'auth' => 'nologin', 'suspended' => 1];
	$s['hiddenfields'] = $hidden;
	$m = MoodleMock::start($s);
	echo 'hidden ', json_encode($hidden), ': ';
	try {
		$f = shop_setup_remote_lookup($lookups, $m->url, MoodleMock::TOKEN, ['roles' => ['student' => 5, 'teacher' => 4]]);
		echo json_encode($f['users']), "\n";
	} catch (RuntimeException $e) {
		echo get_class($e), ': ', $e->getMessage(), "\n";
	}
	unset($m);
}
?>
--EXPECT--
hidden []: [{"id":7,"email":"jean.dupont@exemple.fr","username":"jdupont","auth":"nologin","suspended":1,"deleted":0}]
hidden ["suspended"]: RuntimeException: shop_setup_remote_lookup(): the site's answer for user #7 has no 'suspended' (Moodle gives auth and username only to a token whose user has moodle/user:viewalldetails, and leaves suspended out when it is in hiddenuserfields): without it a suspended or nologin account would be reused as an active one
hidden ["auth","username"]: RuntimeException: shop_setup_remote_lookup(): the site's answer for user #7 has no 'username' (Moodle gives auth and username only to a token whose user has moodle/user:viewalldetails, and leaves suspended out when it is in hiddenuserfields): without it a suspended or nologin account would be reused as an active one
