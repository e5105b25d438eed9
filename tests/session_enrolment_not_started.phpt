--TEST--
shop_setup_session(): a manual enrolment that starts after the session does is an enrolment_not_started error (skipping it would leave the person without access); one of another method gets a manual enrolment beside it; a re-run finds its own enrolments starting with the session
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
$now = 1767225600;
$day = 86400;
$m = SessionModel::standard();
$ids = [];
foreach (['a', 'b', 'c', 'd'] as $l) {
    $ids[$l] = $m->addUser("$l@client.example", "user$l");
}
$m->enrol(10, $ids['a'], 5, 0, $now + 30 * $day);          // a: manual, starts in a month
$m->enrol(10, $ids['b'], 5, 0, $now - $day);               // b: started yesterday
$m->enrol(10, $ids['c'], 5, 0, $now + 30 * $day);          // c: self enrolment, starts in a month
$m->enrolments["10:{$ids['c']}"]['enrol'] = 'self';
$m->enrol(10, $ids['d'], 5, 0, $now + 10 * $day);          // d: starts when a session from then would
$users = [];
foreach ($ids as $l => $id) {
    $users["$l@client.example"] = [strtoupper($l), 'X'];
}
$order = session_order(['student' => $users]);
$p = session_plan($m, $order, ['partial' => true]);
echo session_issues($p);
foreach ($p['operations'] as $op) {
    if ($op['op'] === 'enrol' && $op['ref'] !== 'operator') echo 'enrol ', $op['ref'], ' from ', $op['timestart'] - $now, "\n";
}

// The same people in a session that starts in ten days: d's enrolment is on time.
$order = session_order(['student' => ['d@client.example' => ['D', 'X']]], [],
    'coursename=FORM-01&requiredroles=student,teacher&starttime=' . ($now + 10 * $day));
echo session_issues(session_plan($m, $order));

// A new person in that later session, applied, then planned again: nothing left, no error.
$order = session_order(['student' => ['e@client.example' => ['E', 'X']]], ['transactionid' => 'TX-LATER'],
    'coursename=FORM-01&requiredroles=student,teacher&starttime=' . ($now + 10 * $day));
$p = session_plan($m, $order);
$m->apply($p);
$again = session_plan($m, $order);
echo 'again: ', count($again['operations']), ' operations, ', count($again['errors']), " errors\n";

// Two rows for one person: the one that gives access when the session starts counts.
// g: a late manual enrolment beside a started self one: enrolled already, no error.
// h: a late self enrolment beside a suspended manual one: the manual one is what
//    enrol_user() would overwrite, so it is the error, not a new enrolment over it.
$ids['g'] = $m->addUser('g@client.example', 'userg');
$ids['h'] = $m->addUser('h@client.example', 'userh');
$order = session_order(['student' => ['g@client.example' => ['G', 'X'], 'h@client.example' => ['H', 'X']]], ['transactionid' => 'TX-ROWS']);
$facts = $m->facts($order);
$row = fn($uid, $status, $start, $enrol) => ['courseid' => 10, 'userid' => $uid, 'status' => $status, 'timestart' => $start,
    'timeend' => 0, 'roles' => [5], 'enrol' => $enrol];
$facts['enrolments'][] = $row($ids['g'], 0, $now + 30 * $day, 'manual');
$facts['enrolments'][] = $row($ids['g'], 0, $now - $day, 'self');
$facts['enrolments'][] = $row($ids['h'], 0, $now + 30 * $day, 'self');
$facts['enrolments'][] = $row($ids['h'], 1, 0, 'manual');
$p = shop_setup_session($order, $facts, ['partial' => true]);
echo session_issues($p);
foreach ($p['participants'] as $q) echo $q['ref'], ': ', $q['messages'][0], "\n";
?>
--EXPECT--
error enrolment_not_started p1: "a@client.example" (student): the enrolment of #1000 in the course starts after this session does; a sales admin must move its start (re-enrolling would overwrite its dates).
error enrolment_not_started p4: "d@client.example" (student): the enrolment of #1003 in the course starts after this session does; a sales admin must move its start (re-enrolling would overwrite its dates).
warning seats_unassigned: 6 of the 10 seats bought are not assigned to anyone.
warning partial: Partial plan: 2 participant(s) in error are left out.
enrol p3 from 0
warning seats_unassigned: 9 of the 10 seats bought are not assigned to anyone.
again: 0 operations, 0 errors
error enrolment_suspended p2: "h@client.example" (student): the enrolment of #1007 in the course is suspended; a sales admin must reactivate it (re-enrolling would overwrite its dates).
warning seats_unassigned: 8 of the 10 seats bought are not assigned to anyone.
warning partial: Partial plan: 1 participant(s) in error are left out.
p1: existing account #1006 (userg); already enrolled as student; add to the group; not attached to the operator; record the seat
p2: not set up: see the errors
