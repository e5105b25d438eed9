--TEST--
handler: an enrolment counts as active as Moodle counts it (user enrolment, instance and plugin enabled); every row goes to the planner with its method, and the planner goes by an active one
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
use shophandlers_std_setuponecoursesession\facts_collector;

fake_site();
$now = 1767225600;
$DB->seed('enrol', [
    ['id' => 23, 'courseid' => 10, 'enrol' => 'cohort', 'status' => ENROL_INSTANCE_DISABLED, 'sortorder' => 2],
    ['id' => 24, 'courseid' => 10, 'enrol' => 'meta', 'status' => ENROL_INSTANCE_ENABLED, 'sortorder' => 3],
]);
$DB->seed('user', [
    ['id' => 50, 'username' => 'a', 'email' => 'a@x.fr', 'auth' => 'manual', 'mnethostid' => 1, 'deleted' => 0, 'suspended' => 0],
    ['id' => 51, 'username' => 'b', 'email' => 'b@x.fr', 'auth' => 'manual', 'mnethostid' => 1, 'deleted' => 0, 'suspended' => 0],
    ['id' => 52, 'username' => 'c', 'email' => 'c@x.fr', 'auth' => 'manual', 'mnethostid' => 1, 'deleted' => 0, 'suspended' => 0],
    ['id' => 53, 'username' => 'd', 'email' => 'd@x.fr', 'auth' => 'manual', 'mnethostid' => 1, 'deleted' => 0, 'suspended' => 0],
    ['id' => 54, 'username' => 'e', 'email' => 'e@x.fr', 'auth' => 'manual', 'mnethostid' => 1, 'deleted' => 0, 'suspended' => 0],
]);
$ue = fn($enrolid, $userid, $status = 0, $timeend = 0) => ['enrolid' => $enrolid, 'userid' => $userid,
    'status' => $status, 'timestart' => 0, 'timeend' => $timeend];
$DB->seed('user_enrolments', [
    $ue(23, 50),                        // 50: only through a disabled instance
    $ue(24, 51),                        // 51: only through a plugin the site has disabled (meta)
    $ue(20, 52, 1), $ue(21, 52),        // 52: manual suspended, self active
    $ue(20, 53, 0, $now - 10), $ue(21, 53),  // 53: manual ended, self active
    $ue(20, 54), $ue(21, 54, 1),        // 54: both, the manual one active
]);
$collector = new facts_collector($DB, 1, [2]);
$facts = $collector->collect(['course' => 'FORM-01', 'emails' => ['a@x.fr', 'b@x.fr', 'c@x.fr', 'd@x.fr', 'e@x.fr'],
    'roles' => ['student', 'teacher'], 'operatorid' => 42], ['transactionid' => 'TX1', 'now' => $now]);
$rows = [];
foreach ($facts['enrolments'] as $e) {
    $rows[] = $e['userid'] . ' ' . $e['enrol'] . ': status ' . $e['status'] . ', timeend ' . ($e['timeend'] ? 'past' : 0);
}
sort($rows);
echo implode("\n", $rows), "\n";

// The planner goes by the active row of each person and leaves it as it is.
$users = [];
foreach (['a', 'b', 'c', 'd', 'e'] as $l) {
    $users['student']["$l@x.fr"] = ['firstname' => strtoupper($l), 'lastname' => 'X', 'email' => "$l@x.fr"];
}
$order = ['transactionid' => 'TX1', 'quantity' => 5, 'operator' => 42, 'now' => $now,
    'handlerparams' => 'coursename=FORM-01&attachexisting=never', 'users' => $users];
$plan = shop_setup_session($order, $facts);
$codes = [];
foreach ($plan['errors'] as $e) {
    $codes[] = $e['code'] . ' ' . $e['ref'];
}
echo 'errors: ', $codes ? implode(', ', $codes) : 'none', "\n";
// 50 and 51 have no access: the manual plugin enrols them beside their inactive enrolments.
$enrolled = [];
foreach ($plan['operations'] as $op) {
    if ($op['op'] === 'enrol') {
        $enrolled[] = $op['ref'] . ($op['userid'] ? ' (' . $op['userid'] . ')' : '');
    }
}
echo 'enrol: ', implode(', ', $enrolled), "\n";
?>
--EXPECT--
50 cohort: status 1, timeend 0
51 meta: status 1, timeend 0
52 manual: status 1, timeend 0
52 self: status 0, timeend 0
53 manual: status 0, timeend past
53 self: status 0, timeend 0
54 manual: status 0, timeend 0
54 self: status 1, timeend 0
errors: none
enrol: operator (42), p1 (50), p2 (51)
