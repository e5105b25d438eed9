<?php
// This file is part of shop_setup.
//
// shop_setup is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.

/**
 * The bundled handler on a real Moodle site (scripts/site-check/README.md).
 *
 * Runs local_shop's handler entry points (produce_prepay(), produce_postpay(), and the seat
 * actions through local_shop's own \local_shop\Product) with a bill item shaped as local_shop
 * hands it over, against the site's real database and Moodle's real APIs, and checks what ends up
 * in the database. Every check prints "ok" or "FAIL"; the last line counts them. Each run makes
 * its own course, buyer and addresses (suffix = the run's time), so it can run again on one site.
 *
 *     php -d extension=shop_setup <this file> <moodle dir> [--big=N]
 *
 * Nothing here is for production: it writes test courses, users and seats into the site.
 */

define('CLI_SCRIPT', true);
// This process's command line, for scenario 10's children (read before Moodle's setup changes directory).
$cmdline = @file_get_contents('/proc/self/cmdline');
$cmdargs = $cmdline === false ? [] : array_map(fn($x) => realpath($x) ?: $x, explode("\0", rtrim($cmdline, "\0")));
if ($argc < 2 || !is_file($argv[1] . '/config.php')) {
    fwrite(STDERR, "usage: php -d extension=shop_setup run.php <moodle dir> [--big=N]\n");
    exit(2);
}
require($argv[1] . '/config.php');
require_once($CFG->libdir . '/testing/generator/lib.php');
require_once($CFG->dirroot . '/local/shop/datahandling/shophandler.class.php');
require_once($CFG->dirroot . '/local/shop/datahandling/handlers/std_setuponecoursesession/std_setuponecoursesession.class.php');
require_once($CFG->dirroot . '/local/shop/classes/Product.class.php');

$big = 300;
$child = null;
foreach (array_slice($argv, 2) as $a) {
    if (preg_match('/^--big=(\d+)$/', $a, $m)) {
        $big = (int) $m[1];
    } else if (preg_match('/^--child=(.+)$/', $a, $m)) {
        $child = json_decode(base64_decode($m[1]), true);   // scenario 10: one production, in its own process
    }
}

$passed = $failed = 0;
function check(string $what, bool $ok, string $detail = ''): void {
    global $passed, $failed;
    $ok ? $passed++ : $failed++;
    echo ($ok ? 'ok   ' : 'FAIL '), $what, ($detail !== '' && !$ok ? " ($detail)" : ''), "\n";
}

$dg = new testing_data_generator();
$run = (string) time();
$mail = fn(string $local): string => "$local.$run@ssc.example";

// The catalog item local_shop's Product finds the handler by: any item with this handler, else one made here.
$catalogitemid = (int) $DB->get_field_select('local_shop_catalogitem', 'MIN(id)', 'enablehandler = ?', ['std_setuponecoursesession']);
if (!$catalogitemid) {
    // None yet: a shop, a catalog and its item, made with local_shop's own test generator (its
    // create_category() trips over a namespace in local_shop 4.5: the category row is written here).
    $gen = $dg->get_plugin_generator('local_shop');
    $tax = $gen->create_tax();
    $shop = $gen->create_shop();
    $catalog = $gen->create_catalog();
    $shop->catalogid = $catalog->id;
    $shop->save(true);
    $catid = $DB->insert_record('local_shop_catalogcategory', ['catalogid' => $catalog->id, 'parentid' => 0,
        'name' => 'Sessions', 'descriptionformat' => 1, 'sortorder' => 1, 'visible' => 1]);
    $catalogitemid = (int) $gen->create_product($catalog, (object) ['id' => $catid], $tax)->id;   // enablehandler std_setuponecoursesession
}
$shopid = (int) $DB->get_field_select('local_shop', 'MIN(id)', '1 = 1');

if ($child !== null) {
    $customer = $DB->get_record('local_shop_customer', ['id' => $child['customer']], '*', MUST_EXIST);
    $h = new shop_handler_std_setuponecoursesession('SSC');
    time_sleep_until($child['at']);   // the three start together, past PHP's and Moodle's start-up
    $fb = $h->produce_postpay(
        bill_item($child['tx'], $child['item'], 2, $child['people'], $child['params']));
    echo html_to_text($fb->public, 0), "\n";
    exit(0);
}
$category = $dg->create_category();
$course = $dg->create_course(['fullname' => "Site check $run", 'shortname' => "SSC-$run", 'category' => $category->id]);
$support = $dg->create_course(['fullname' => "Support $run", 'shortname' => "SSC-SUP-$run", 'category' => $category->id]);
$buyer = $dg->create_user(['username' => "buyer.$run", 'firstname' => 'Bea', 'lastname' => 'Buyer', 'email' => $mail('buyer')]);
$jean = $dg->create_user(['username' => "jdupont.$run", 'firstname' => 'Jean', 'lastname' => 'Dupont', 'email' => ucfirst($mail('Jean.Dupont'))]);
$dg->create_user(['username' => "suspended.$run", 'email' => $mail('suspended'), 'suspended' => 1]);
$dg->create_user(['username' => "nologin.$run", 'email' => $mail('nologin'), 'auth' => 'nologin']);
$customer = (object) ['shopid' => $shopid, 'firstname' => 'Bea', 'lastname' => 'Buyer', 'email' => $buyer->email,
    'hasaccount' => $buyer->id, 'city' => 'LYON', 'zip' => '69001', 'country' => 'FR', 'organisation' => 'Client SA',
    'timecreated' => time()];
$customer->id = $DB->insert_record('local_shop_customer', $customer);

/** A bill item as local_shop's BillItem holds it (docs/handler.md): productiondata->users role => email => object. */
function bill_item(string $tx, int $itemid, int $quantity, array $people, string $params): object {
    global $customer, $catalogitemid;
    $users = [];
    foreach ($people as [$first, $last, $email, $role]) {
        // local_shop's front upper-cases last names (strtoupper) and ucwords() first names.
        $users[$role][$email] = (object) ['lastname' => strtoupper($last), 'firstname' => ucwords($first), 'email' => $email, 'city' => 'LYON'];
    }
    $actionparams = [];
    foreach (explode('&', $params) as $p) {   // split without URL decoding, as local_shop does
        [$k, $v] = explode('=', $p, 2);
        $actionparams[$k] = $v;
    }
    $bill = (object) ['id' => 0, 'customerid' => $customer->id, 'transactionid' => $tx, 'customer' => $customer];
    return (object) ['id' => $itemid, 'billid' => 0, 'quantity' => $quantity, 'type' => 'BILLING', 'itemcode' => 'SSC',
        'productiondata' => (object) ['users' => $users], 'actionparams' => $actionparams, 'bill' => $bill,
        'catalogitem' => (object) ['id' => $catalogitemid, 'code' => 'SSC', 'renewable' => 0, 'quantaddressesusers' => 2],
        'transactionid' => $tx, 'customer' => $customer];
}

function counts(): array {
    global $DB;
    $out = [];
    foreach (['user', 'user_enrolments', 'role_assignments', 'groups', 'groups_members', 'local_shop_product', 'task_adhoc'] as $t) {
        $out[$t] = $DB->count_records($t);
    }
    return $out;
}

function userid_of(string $email): array {
    global $DB;
    return array_map('intval', array_keys($DB->get_records_select('user', 'LOWER(email) = ? AND deleted = 0', [strtolower($email)], '', 'id')));
}

function enrolled(int $courseid, int $userid): ?int {
    global $DB;
    $st = $DB->get_field_sql('SELECT ue.status FROM {user_enrolments} ue JOIN {enrol} e ON e.id = ue.enrolid
        WHERE e.courseid = ? AND ue.userid = ? AND e.enrol = ?', [$courseid, $userid, 'manual']);
    return $st === false ? null : (int) $st;
}

function user_context_roles(int $holder, int $owner): int {
    global $DB;
    return $DB->count_records_sql('SELECT COUNT(1) FROM {role_assignments} ra JOIN {context} c ON c.id = ra.contextid
        WHERE ra.userid = ? AND c.contextlevel = ? AND c.instanceid = ?', [$holder, CONTEXT_USER, $owner]);
}

function seat(string $tx, int $userid): ?object {
    global $DB;
    $rows = $DB->get_records_select('local_shop_product', 'reference LIKE ? AND ' . $DB->sql_like('productiondata', '?'),
        [$tx . '-%', '%&userid=' . $userid . '&%']);
    return $rows ? reset($rows) : null;
}

$handler = new shop_handler_std_setuponecoursesession('SSC');
$params = "coursename=SSC-$run&requiredroles=student,teacher&customersupport=SSC-SUP-$run&groupname=Session+de+mars";
$tx1 = "SSC-$run-1";
$lea = $mail('lea.roy');
$marc = $mail('marc.noel');
$tom = $mail('tom.tutor');
$people1 = [
    ['jean', 'Dupont', strtoupper($mail('jean.dupont')), 'student'],   // the existing account, typed in capitals
    ['Léa', 'Roy', $lea, 'student'],
    ['Marc', 'Noël', $marc, 'student'],
    ['Tom', 'Tutor', $tom, 'teacher'],
];

echo "== 1. an order refused: the same person twice, more people than seats, a suspended and a nologin account\n";
$before = counts();
$bad = $people1;
$bad[] = ['Lea', 'Roy', strtoupper($lea), 'teacher'];
$bad[] = ['Sue', 'Pended', $mail('suspended'), 'student'];
$bad[] = ['No', 'Login', $mail('nologin'), 'student'];
$fb = $handler->produce_postpay(bill_item($tx1, 1, 6, $bad, $params));
$text = html_to_text($fb->salesadmin, 0);
check('nothing written', counts() == $before, json_encode(array_diff_assoc(counts(), $before)));
check('the duplicate named', stripos($text, '[duplicate]') !== false && stripos($text, $lea) !== false);
check('the suspended account named', stripos($text, '[account_suspended]') !== false);
check('the nologin account named', stripos($text, '[account_nologin]') !== false);
check('the seats named', stripos($text, '[seats_exceeded]') !== false);

echo "== 2. the order: accounts reused or created, one group for the order, cross roles, seats\n";
$fb = $handler->produce_postpay(bill_item($tx1, 1, 6, $people1, $params));
check('feedback says ready', strpos(html_to_text($fb->public, 0), 'is ready') !== false, html_to_text($fb->public, 0));
check('existing account reused (address in another case)', userid_of($mail('jean.dupont')) === [(int) $jean->id]);
foreach ([$lea, $marc, $tom] as $e) {
    check("one account for $e", count(userid_of($e)) === 1);
}
$leaid = userid_of($lea)[0];
$marcid = userid_of($marc)[0];
$tomid = userid_of($tom)[0];
check('new usernames folded to ASCII', $DB->get_field('user', 'username', ['id' => $marcid]) === 'marc.noel'
    || str_starts_with($DB->get_field('user', 'username', ['id' => $marcid]), 'marc.noel'));
$group = $DB->get_records('groups', ['courseid' => $course->id]);
check('one group, idnumber = transaction id', count($group) === 1 && reset($group)->idnumber === $tx1);
$group = reset($group);
$members = array_map('intval', $DB->get_fieldset_select('groups_members', 'userid', 'groupid = ?', [$group->id]));
sort($members);
$expect = [(int) $buyer->id, (int) $jean->id, $leaid, $marcid, $tomid];
sort($expect);
check('group members: the participants and the operator', $members === $expect, json_encode($members));
foreach ([(int) $jean->id, $leaid, $marcid, $tomid, (int) $buyer->id] as $uid) {
    check("user $uid enrolled, active", enrolled($course->id, $uid) === 0);
}
$teacher = (int) $DB->get_field('role', 'id', ['shortname' => 'teacher']);
$coursectx = context_course::instance($course->id);
check('the tutor holds the teacher role', user_has_role_assignment($tomid, $teacher, $coursectx->id));
check('the operator is enrolled in the support course', enrolled($support->id, (int) $buyer->id) === 0);
// Role ids under names of their own: $customer is the local_shop_customer record bill_item() reads.
$supportctx = context_course::instance($support->id);
$studentroleid = (int) $DB->get_field('role', 'id', ['shortname' => 'student']);
$customerroleid = (int) $DB->get_field('role', 'id', ['shortname' => 'customer']);   // local_shop's install creates it
check('there, student and local_shop\'s customer role, as shop_register_customer_support() gives',
    $customerroleid > 0 && user_has_role_assignment((int) $buyer->id, $studentroleid, $supportctx->id)
    && user_has_role_assignment((int) $buyer->id, $customerroleid, $supportctx->id));
check('new accounts attached both ways', user_context_roles((int) $buyer->id, $leaid) === 1 && user_context_roles($leaid, (int) $buyer->id) === 1);
check('the existing account not attached (attachexisting=owned)', user_context_roles((int) $buyer->id, (int) $jean->id) === 0);
check('one seat per participant', $DB->count_records_select('local_shop_product', 'reference LIKE ?', [$tx1 . '-%']) === 4);
check('new accounts get the password mail', (bool) get_user_preferences('create_password', false, $leaid));

echo "== 3. the same production again (second payment notification)\n";
$before = counts();
$fb = $handler->produce_postpay(bill_item($tx1, 1, 6, $people1, $params));
check('nothing written', counts() == $before, json_encode(array_diff_assoc(counts(), $before)));
check('says already set up', strpos(html_to_text($fb->public, 0), 'already set up') !== false);

echo "== 4. a second order in the same course: one person again, as tutor\n";
$tx2 = "SSC-$run-2";
$anna = $mail('anna.strasse');
$fb = $handler->produce_postpay(bill_item($tx2, 2, 3, [['Lea', 'Roy', strtoupper($lea), 'teacher'], ['Anna', 'Straße', $anna, 'student']], $params));
check('her account reused', userid_of($lea) === [$leaid]);
check('she now holds the teacher role too', user_has_role_assignment($leaid, $teacher, $coursectx->id));
check('a group per order', $DB->count_records('groups', ['courseid' => $course->id]) === 2);
$s1 = seat($tx1, $leaid);
$s2 = seat($tx2, $leaid);
check('her second seat does not own the enrolment', $s1 && $s2 && json_decode($s2->extradata)->ownsenrolment === 0
    && json_decode($s1->extradata)->ownsenrolment === 1);

echo "== 5. refunds and suspensions through local_shop's Product\n";
(new \local_shop\Product($s1->id))->delete();
check('refunding the first seat keeps the access the second pays for', enrolled($course->id, $leaid) === 0);
check('the second seat inherits the enrolment', json_decode($DB->get_field('local_shop_product', 'extradata', ['id' => $s2->id]))->ownsenrolment === 1);
(new \local_shop\Product($s2->id))->delete();
check('refunding the last seat unenrols', enrolled($course->id, $leaid) === null);
$sm = seat($tx1, $marcid);
(new \local_shop\Product($sm->id))->soft_delete();
check('disabling a seat suspends', enrolled($course->id, $marcid) === 1);
(new \local_shop\Product($sm->id))->soft_restore();
check('restoring it reactivates', enrolled($course->id, $marcid) === 0);
$sj = seat($tx1, (int) $jean->id);
check('a seat on an enrolment the order made owns it', $sj && json_decode($sj->extradata)->ownsenrolment === 1);

echo "== 6. a site admin's address typed by the buyer: reused, never attached\n";
$admin = get_admin();
$tx3 = "SSC-$run-3";
$fb = $handler->produce_postpay(bill_item($tx3, 3, 1, [['Ad', 'Min', strtoupper($admin->email), 'student']],
    $params . '&attachexisting=always'));
check('the admin is enrolled', enrolled($course->id, (int) $admin->id) === 0);
check('and not attached to the buyer', user_context_roles((int) $buyer->id, (int) $admin->id) === 0);

echo "== 7. a large order: checked in the request, queued once, applied by the adhoc task\n";
$tx4 = "SSC-$run-4";
$people = [];
for ($i = 0; $i < $big; $i++) {
    $people[] = ["P$i", 'Nom' . ($i % 37), $mail("p$i"), $i % 8 ? 'student' : 'teacher'];
}
$tasks = $DB->count_records('task_adhoc');
// Moodle reads a table's columns once per cache lifetime, before its first insert: on a site
// whose caches were just purged, the first measured order would pay that query alone.
$DB->get_columns('task_adhoc');
$q = $DB->perf_get_queries();
$fb = $handler->produce_postpay(bill_item($tx4, 4, $big, $people, $params));
$qbig = $DB->perf_get_queries() - $q;
check('queued', $DB->count_records('task_adhoc') === $tasks + 1);
// The same check on an order twice the size (queued, then dropped): as many queries.
$people2 = [];
for ($i = 0; $i < 2 * $big; $i++) {
    $people2[] = ["Q$i", 'Nom' . ($i % 37), $mail("q$i"), 'student'];
}
$q = $DB->perf_get_queries();
$handler->produce_postpay(bill_item("$tx4-x2", 40, 2 * $big, $people2, $params));
$qbig2 = $DB->perf_get_queries() - $q;
foreach (\core\task\manager::get_adhoc_tasks(\shophandlers_std_setuponecoursesession\task\apply_session_task::class) as $t) {
    if ((json_decode($t->get_custom_data_as_string(), true)['order']['transactionid'] ?? '') === "$tx4-x2") {
        $DB->delete_records('task_adhoc', ['id' => $t->get_id()]);
    }
}
printf("     (checking and queuing in the request: %d queries for %d participants, %d for %d)\n", $qbig, $big, $qbig2, 2 * $big);
check('queries in the request do not grow with the order', $qbig === $qbig2);
$handler->produce_postpay(bill_item($tx4, 4, $big, $people, $params));
check('queued once', $DB->count_records('task_adhoc') === $tasks + 1);
$task = null;
foreach (\core\task\manager::get_adhoc_tasks(\shophandlers_std_setuponecoursesession\task\apply_session_task::class) as $t) {
    $data = json_decode($t->get_custom_data_as_string(), true);
    if (($data['order']['transactionid'] ?? '') === $tx4) {
        $task = $t;
    }
}
check('the queued task found', $task !== null);
if ($task === null) {
    echo "!!! no task to run: the check stops here\n$passed passed, $failed failed\n";
    exit(1);
}
$q = $DB->perf_get_queries();
$t0 = microtime(true);
$task->execute();
$secs = microtime(true) - $t0;
$DB->delete_records('task_adhoc', ['id' => $task->get_id()]);
printf("     (%d participants applied in %.2f s, %d queries)\n", $big, $secs, $DB->perf_get_queries() - $q);
check('every participant enrolled', $DB->count_records_sql('SELECT COUNT(1) FROM {groups_members} m JOIN {groups} g ON g.id = m.groupid
    WHERE g.idnumber = ?', [$tx4]) === $big + 1);
check('one seat each', $DB->count_records_select('local_shop_product', 'reference LIKE ?', [$tx4 . '-%']) === $big);
$before = counts();
$handler->produce_postpay(bill_item($tx4, 4, $big, $people, $params));
check('a late notification changes nothing', counts() == $before, json_encode(array_diff_assoc(counts(), $before)));

echo "== 8. what the database's comparison decides: accents and case in usernames and group idnumbers, spaces in addresses\n";
// Accounts an external source made (Moodle's own forms would refuse these usernames).
$stem = 'dupont' . $run;
$jose = $dg->create_user(['username' => 'temp.' . $run, 'email' => $mail('other.jose')]);
$DB->set_field('user', 'username', "josé.$stem", ['id' => $jose->id]);
$anna2 = $dg->create_user(['username' => 'temp2.' . $run, 'email' => $mail('other.anna')]);
$DB->set_field('user', 'username', "anna.straße$run", ['id' => $anna2->id]);
$spaced = $dg->create_user(['username' => "spaced.$run", 'email' => $mail('spaced')]);
$DB->set_field('user', 'email', '  ' . $mail('spaced') . ' ', ['id' => $spaced->id]);
// What an import may leave around an address besides spaces: a tab, a no-break space, a byte-order mark.
$tabbed = $dg->create_user(['username' => "tabbed.$run", 'email' => $mail('tabbed')]);
$DB->set_field('user', 'email', "\t\u{FEFF}" . $mail('tabbed') . "\u{00A0}", ['id' => $tabbed->id]);
$tx5 = "ssc-$run-5";
$other = groups_create_group((object) ['courseid' => $course->id, 'name' => 'Another order', 'idnumber' => strtoupper($tx5)]);
$fb = $handler->produce_postpay(bill_item($tx5, 5, 4, [['José', $stem, $mail('jose'), 'student'],
    ['Anna', "Strasse$run", $mail('anna2'), 'student'], ['Spa', 'Ced', $mail('spaced'), 'student'],
    ['Tab', 'Bed', $mail('tabbed'), 'student']], $params));
check('set up', strpos(html_to_text($fb->public, 0), 'is ready') !== false, html_to_text($fb->salesadmin, 0));
$newjose = userid_of($mail('jose'));
$newanna = userid_of($mail('anna2'));
$un = fn(array $ids): string => $ids ? (string) $DB->get_field('user', 'username', ['id' => $ids[0]]) : '';
// Whatever name the plan gave, the database holds no other account its own comparison finds equal
// (MySQL/MariaDB: josé = jose, ß = ss; PostgreSQL: bytes).
$alone = fn(string $name): bool => $name !== '' && $DB->count_records_select('user', 'username = ?', [$name]) === 1;
check('a new account beside josé.' . $stem, count($newjose) === 1 && $alone($un($newjose)), $un($newjose));
check('a new account beside anna.straße' . $run, count($newanna) === 1 && $alone($un($newanna)), $un($newanna));
$trimmed = $DB->count_records_select('user', 'LOWER(LTRIM(RTRIM(email))) = ? AND deleted = 0', [$mail('spaced')]);
check('an address stored with spaces matched', $trimmed === 1 && enrolled($course->id, (int) $spaced->id) === 0);
check('an address stored with a tab, a byte-order mark and a no-break space matched',
    enrolled($course->id, (int) $tabbed->id) === 0 && userid_of($mail('tabbed')) === []);
$g5 = $DB->get_records('groups', ['courseid' => $course->id, 'name' => 'Session de mars']);
$mine = array_values(array_filter($g5, fn($g) => $g->idnumber === $tx5));
check('its own group, not ' . strtoupper($tx5) . "'s", count($mine) === 1
    && !$DB->record_exists('groups_members', ['groupid' => $other, 'userid' => (int) $spaced->id]));

echo "== 9. prepay in the buyer's session, then in a sales admin's\n";
$err = false;
\core\session\manager::set_user($buyer);
$handler->produce_prepay(bill_item("SSC-$run-10", 10, 2, [['Pre', 'Pay', $mail('prepay'), 'student']], $params), $err);
check('the buyer: no error', !$err);
check('the customer record still the buyer\'s', (int) $DB->get_field('local_shop_customer', 'hasaccount', ['id' => $customer->id]) === (int) $buyer->id);
\core\session\manager::set_user(get_admin());
$fb = $handler->produce_prepay(bill_item("SSC-$run-10", 10, 2, [['Pre', 'Pay', $mail('prepay'), 'student']], $params), $err);
check('a sales admin: the customer left to the buyer', (int) $DB->get_field('local_shop_customer', 'hasaccount', ['id' => $customer->id]) === (int) $buyer->id);
check('and the sales admin told so', strpos(html_to_text($fb->salesadmin, 0), (string) $buyer->id) !== false, html_to_text($fb->salesadmin, 0));
\core\session\manager::set_user(guest_user());

echo "== 10. three orders produced at once, each naming the same new person\n";
// Moodle has no unique index on email: only the handler's site-wide lock keeps this to one account.
$args = $cmdargs;
$self = array_search(realpath(__FILE__), $args, true);
if ($self === false) {
    echo "     (skipped: this process's command line cannot be read)\n";
} else {
    $same = $mail('race');
    $procs = [];
    $at = microtime(true) + 2;
    for ($k = 1; $k <= 3; $k++) {
        $spec = base64_encode(json_encode(['at' => $at, 'customer' => $customer->id, 'tx' => "SSC-$run-9-$k", 'item' => 90 + $k, 'params' => $params,
            'people' => [['Race', 'Twin', $same, 'student'], ["Other$k", 'Person', $mail("other$k"), 'student']]]));
        $cmd = array_merge(array_slice($args, 0, $self + 1), [$argv[1], "--child=$spec"]);
        $procs[] = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes[$k]);
    }
    $out = '';
    foreach ($procs as $i => $p) {
        $out .= stream_get_contents($pipes[$i + 1][1]) . stream_get_contents($pipes[$i + 1][2]);
        proc_close($p);
    }
    check('each order set up', substr_count($out, 'is ready') === 3, $out);
    check('one account for the person', count(userid_of($same)) === 1, json_encode(userid_of($same)));
}

echo "$passed passed, $failed failed\n";
exit($failed ? 1 : 0);
