--TEST--
shop_setup_remote_lookup(): a support course given as a string is looked up by short name even when it is all digits; by id only when it is an int
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php require __DIR__ . '/inc/skipif_nocurl.inc'; ?>
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
$s = MoodleMock::site();
$s['courses'][] = ['id' => 12, 'shortname' => '2025', 'startdate' => 0];
$s['courses'][] = ['id' => 2025, 'shortname' => 'UNRELATED', 'startdate' => 0];
$m = MoodleMock::start($s);
foreach (['2025', 2025, 11] as $sc) {
	$lookups = ['emails' => [], 'usernames' => [], 'course' => 'FORM-01', 'supportcourse' => $sc,
		'roles' => ['student'], 'groupidnumber' => 'TX1', 'operatorid' => 42];
	$f = shop_setup_remote_lookup($lookups, $m->url, MoodleMock::TOKEN, ['roles' => ['student' => 5]]);
	echo var_export($sc, true), ': ', json_encode($f['supportcourse']), "\n";
}
?>
--EXPECT--
'2025': {"id":12}
2025: {"id":2025}
11: {"id":11}
