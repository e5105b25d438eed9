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
echo $w(session_order($u, [], 'coursename=FORM-01&starttime=1790000000&endtime=%2B2W')), "\n";
echo session_issues(session_plan($m, session_order($u, [], 'coursename=FORM-01&starttime=tomorrow')));
echo session_issues(session_plan($m, session_order($u, [], 'coursename=FORM-01&endtime=1000')));
?>
--EXPECT--
{"start":1767225600,"end":0}
{"start":1770000000,"end":1780000000}
{"start":1767225600,"end":1769817600}
{"start":1790000000,"end":0}
{"start":1790000000,"end":1791209600}
error invalid_param: The handler parameter starttime is not in an accepted form at byte 0: it must be a Unix timestamp or an ISO 8601 date or date-time between 1970 and 9999.
warning seats_unassigned: 9 of the 10 seats bought are not assigned to anyone.
error invalid_window: The enrolment would end (1000) before it starts (1790000000).
warning seats_unassigned: 9 of the 10 seats bought are not assigned to anyone.
