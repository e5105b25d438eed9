--TEST--
handler: the session's course is looked up by short name even when it is all digits; the support course by id only when phase 1 gives an int
--SKIPIF--
<?php if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
use shophandlers_std_setuponecoursesession\facts_collector;

fake_site();
// A course whose short name is a year, and another course whose id is that number.
$DB->seed('course', [
    ['id' => 12, 'shortname' => '2025', 'startdate' => 0],
    ['id' => 2025, 'shortname' => 'UNRELATED', 'startdate' => 0],
]);
$collector = new facts_collector($DB, 1, [2]);
$facts = $collector->collect(['course' => '2025', 'supportcourse' => 11, 'operatorid' => 42], ['transactionid' => 'TX1']);
echo 'course: ', json_encode($facts['course']), ', support: ', json_encode($facts['supportcourse']), "\n";
$facts = $collector->collect(['course' => 'FORM-01', 'supportcourse' => 'SUPPORT', 'operatorid' => 42], ['transactionid' => 'TX1']);
echo 'course: ', json_encode($facts['course']), ', support: ', json_encode($facts['supportcourse']), "\n";
// A support course named by an all-digit short name stays a short name (phase 1 keeps it a string).
$facts = $collector->collect(['course' => 'FORM-01', 'supportcourse' => '2025', 'operatorid' => 42], ['transactionid' => 'TX1']);
echo 'support: ', json_encode($facts['supportcourse']), "\n";
$facts = $collector->collect(['course' => '999', 'operatorid' => 42], ['transactionid' => 'TX1']);
echo 'unknown: ', json_encode($facts['course']), "\n";
?>
--EXPECT--
course: {"id":12,"startdate":0}, support: {"id":11}
course: {"id":10,"startdate":1767225600}, support: {"id":11}
support: {"id":12}
unknown: null
