--TEST--
shop_setup_session(): the enrolment window from starttime, endtime, duration and the course start
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// The enrolment window: starttime or now, pushed to the course start; endtime, else duration for renewables.
$m = SessionModel::standard();
$u = ['student' => ['a@x.example' => ['A', 'A']]];
$w = fn ($o) => json_encode(session_plan($m, $o)['window']);
echo $w(session_order($u)), "\n";
echo $w(session_order($u, [], 'coursename=FORM-01&starttime=1770000000&endtime=1780000000')), "\n";
echo $w(session_order($u, ['renewable' => true], 'coursename=FORM-01&duration=30')), "\n";
$m->courses['FORM-01']['startdate'] = 1790000000;
echo $w(session_order($u)), "\n";
echo session_issues(session_plan($m, session_order($u, [], 'coursename=FORM-01&starttime=tomorrow')));
?>
--EXPECT--
{"start":1767225600,"end":0}
{"start":1770000000,"end":1780000000}
{"start":1767225600,"end":1769817600}
{"start":1790000000,"end":0}
error invalid_param: The handler parameter starttime must be a number, not "tomorrow".
warning seats_unassigned: 9 of the 10 seats bought are not assigned to anyone.
