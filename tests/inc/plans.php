<?php
// Part of the shop_setup test suite. GNU GPL v3 or later.
// Hand-written plans in the shape of docs/session-contract.md, one operation of every kind.

/** A plan for: p1 existing learner (id 7), p2 new tutor, the operator (42). */
function sample_plan(): array {
    return [
        'phase' => 'plan', 'ok' => true, 'errors' => [], 'warnings' => [],
        'params' => ['coursename' => 'FORM-01', 'supervisor' => 'teacher'],
        'window' => ['start' => 1767225600, 'end' => 0],
        'group' => ['id' => null, 'idnumber' => 'TX123', 'name' => 'Session <de> mars'],
        'participants' => [
            ['ref' => 'p1', 'role' => 'student', 'roleid' => 5, 'email' => 'JEAN.DUPONT@EXEMPLE.FR',
                'matchkey' => 'jean.dupont@exemple.fr', 'firstname' => 'Jean', 'lastname' => 'DUPONT', 'userid' => 7,
                'username' => 'jdupont', 'action' => 'reuse', 'attach' => false, 'status' => 'ok', 'messages' => []],
            ['ref' => 'p2', 'role' => 'teacher', 'roleid' => 4, 'email' => 'tutor@client.fr',
                'matchkey' => 'tutor@client.fr', 'firstname' => 'Tom', 'lastname' => 'TUTOR', 'userid' => null,
                'username' => 'tom.tutor', 'action' => 'create', 'attach' => true, 'status' => 'ok', 'messages' => []],
        ],
        'operations' => [
            ['op' => 'create_user', 'ref' => 'p2', 'user' => ['username' => 'tom.tutor', 'firstname' => 'Tom',
                'lastname' => 'TUTOR', 'email' => 'tutor@client.fr', 'city' => 'LYON', 'institution' => '',
                'phone2' => '', 'auth' => 'manual']],
            ['op' => 'create_group', 'courseid' => 10, 'idnumber' => 'TX123', 'name' => 'Session <de> mars'],
            ['op' => 'enrol', 'ref' => 'operator', 'userid' => 42, 'courseid' => 10, 'roleid' => 4,
                'timestart' => 1767225600, 'timeend' => 0],
            ['op' => 'enrol', 'ref' => 'p2', 'userid' => null, 'courseid' => 10, 'roleid' => 4,
                'timestart' => 1767225600, 'timeend' => 0],
            ['op' => 'enrol', 'ref' => 'operator', 'userid' => 42, 'courseid' => 11, 'roleid' => 5,
                'timestart' => 1767225600, 'timeend' => 0],
            ['op' => 'assign_role', 'ref' => 'p1', 'userid' => 7, 'courseid' => 10, 'roleid' => 5],
            ['op' => 'add_member', 'ref' => 'operator', 'userid' => 42, 'groupid' => null],
            ['op' => 'add_member', 'ref' => 'p1', 'userid' => 7, 'groupid' => null],
            ['op' => 'add_member', 'ref' => 'p2', 'userid' => null, 'groupid' => null],
            ['op' => 'assign_user_role', 'ref' => 'operator', 'userid' => 42, 'roleid' => 4, 'contextref' => 'p2',
                'contextuserid' => null],
            ['op' => 'assign_user_role', 'ref' => 'p2', 'userid' => null, 'roleid' => 5, 'contextref' => 'operator',
                'contextuserid' => 42],
            ['op' => 'create_product', 'ref' => 'p1', 'userid' => 7, 'reference' => 'TX123-P1', 'courseid' => 10,
                'startdate' => 1767225600, 'enddate' => 0],
            ['op' => 'create_product', 'ref' => 'p2', 'userid' => null, 'reference' => 'TX123-P2', 'courseid' => 10,
                'startdate' => 1767225600, 'enddate' => 0],
        ],
        'summary' => ['seats' => 3, 'declared' => 2, 'unassigned' => 1, 'created' => 1, 'reused' => 1,
            'enrolments' => 3, 'skipped' => 0, 'operations' => 13],
    ];
}

/** fake_site() as sample_plan() finds it: p1 (7) already in the course, by self enrolment. */
function sample_site(): fake_db {
    $db = fake_site();
    $db->raw_insert('user_enrolments', ['enrolid' => 21, 'userid' => 7, 'status' => 0, 'timestart' => 0, 'timeend' => 0]);
    return $db;
}

/** The order sample_plan() answers. */
function sample_order(): array {
    return ['transactionid' => 'TX123', 'handlerparams' => 'coursename=FORM-01', 'quantity' => 3, 'operator' => 42,
        'users' => ['student' => ['JEAN.DUPONT@EXEMPLE.FR' => ['lastname' => 'DUPONT', 'firstname' => 'Jean',
        'email' => 'JEAN.DUPONT@EXEMPLE.FR']], 'teacher' => ['tutor@client.fr' => ['lastname' => 'TUTOR',
        'firstname' => 'Tom', 'email' => 'tutor@client.fr']]], 'now' => 1767225600, 'renewable' => false,
        'catalogitemid' => 31, 'billitemid' => 900, 'customerid' => 77];
}

/** Enrolment instances as facts_collector finds them on fake_site(). */
function sample_instances(): array {
    global $DB;
    return [10 => (object) $DB->tables['enrol'][20], 11 => (object) $DB->tables['enrol'][22]];
}

/** Number of rows of the tables the handler may write. */
function written_rows(): array {
    global $DB;
    $out = [];
    foreach (['user', 'user_preferences', 'user_enrolments', 'role_assignments', 'groups', 'groups_members',
            'local_shop_product', 'local_shop_productevent'] as $t) {
        $out[$t] = count($DB->tables[$t] ?? []);
    }
    return $out;
}
