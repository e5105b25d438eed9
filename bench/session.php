<?php
/*
 * Benchmark of shop_setup_session(): plans orders of 10, 1,000, 100,000 and
 * 1,000,000 participants (phase 1 and phase 2 timed apart; peak memory per
 * size), then compares phase 2 with an idiomatic userland PHP planner doing
 * the same work at 10,000 participants. One process, medians.
 *   php -n -d extension=modules/shop_setup.so -d memory_limit=-1 bench/session.php [--quick] [--sizes=10,1000] [--no-ratio]
 * Phase 2 is timed in both formats: rows (the default, one array per
 * participant and per operation) and columns ($options['format']).
 * Times are medians of wall time and of CPU time (getrusage: what this process
 * used, whatever the competition for the machine's cores); 'faults' are the
 * page faults of one columns call (a fresh 4 KiB page costs ~12 us on this
 * machine). 'mem' is memory_get_peak_usage() growth (emalloc, the result
 * included); 'cols RSS' the resident peak a columns call adds, which also
 * counts the planner's big blocks (mapped apart from emalloc, on huge pages).
 * Scenario per size: a third of the participants already have an account
 * (stored in another case), half of those are enrolled already, one in ten is
 * attached to the operator; a quarter of the new names collide with a taken
 * username; tutors are one in eight.
 */

require_once __DIR__ . '/php_mode.php';

function bench_order(int $n): array
{
    $users = [];
    for ($i = 0; $i < $n; $i++) {
        $role = $i % 8 === 0 ? 'teacher' : 'student';
        $email = "learner$i@client$i.example";
        $users[$role][$email] = ['firstname' => 'Jean' . ($i % 97), 'lastname' => 'Dupönt' . ($i % 89), 'email' => $email, 'city' => 'Lyon'];
    }
    return ['transactionid' => 'TXBENCH', 'quantity' => $n, 'operator' => 42, 'now' => 1767225600,
        'handlerparams' => 'coursename=FORM-01&requiredroles=student,teacher&customersupport=SUPPORT', 'users' => $users];
}

function bench_facts(int $n): array
{
    $users = $enrol = $ras = $taken = [];
    for ($i = 0; $i < $n; $i += 3) {
        $id = 10000 + $i;
        $users[] = ['id' => $id, 'email' => "Learner$i@Client$i.example", 'username' => "u$i", 'auth' => 'manual', 'suspended' => 0, 'deleted' => 0];
        if ($i % 2 === 0) $enrol[] = ['courseid' => 10, 'userid' => $id, 'status' => 0, 'timestart' => 0, 'timeend' => 0, 'roles' => [$i % 8 === 0 ? 3 : 5]];
        if ($i % 10 === 0) $ras[] = ['roleid' => 3, 'userid' => 42, 'contextuserid' => $id];
    }
    for ($i = 1; $i < $n; $i += 4) $taken[] = 'jean' . ($i % 97) . '.dupont' . ($i % 89);
    return ['course' => ['id' => 10, 'startdate' => 0], 'supportcourse' => ['id' => 11],
        'roles' => ['student' => 5, 'teacher' => 3, 'customer' => 10], 'users' => $users, 'usernames' => $taken, 'privileged' => [2],
        'enrolments' => $enrol, 'group' => null, 'roleassignments' => $ras, 'products' => []];
}

/*
 * The same facts as Moodle's $DB returns its records: each row a stdClass,
 * each integer a string (ids, statuses, times, an enrolment's role ids).
 * What a caller passing $DB's records as they come sends (the contract
 * accepts it; the bundled handler's facts_collector casts to ints first).
 * For the extension only: the userland planner reads arrays.
 */
function bench_moodle_facts(array $facts): array
{
    $row = function (array $r): object {
        foreach ($r as $k => $v) {
            if (is_int($v)) $r[$k] = (string) $v;
            elseif (is_array($v)) $r[$k] = array_map('strval', $v);
        }
        return (object) $r;
    };
    foreach (['users', 'enrolments', 'roleassignments'] as $k) $facts[$k] = array_map($row, $facts[$k]);
    $facts['course'] = $row($facts['course']);
    $facts['supportcourse'] = $row($facts['supportcourse']);
    $facts['roles'] = array_map('strval', $facts['roles']);
    $facts['privileged'] = array_map('strval', $facts['privileged']);
    return $facts;
}

/*
 * The same facts made afresh the way the bundled handler makes them between
 * its two calls (moodle/std_setuponecoursesession/classes/facts_collector.php):
 * each query's records as a database driver returns them (stdClass, every
 * value a new string), read into arrays as its rows() does, then cast into
 * the contract's shape (the enrolments' role ids from a query of their own,
 * the taken usernames de-duplicated and sorted). What this leaves in PHP's
 * heap (the records freed, the facts kept) is what phase 2 meets in the
 * handler's own sequence rather than after the userland planner. The same
 * rows as $facts, in its order (the taken usernames sorted, as the handler
 * sends them): bench/builds.php checks that both give the same plan.
 */
function bench_handler_facts(array $facts): array
{
    $query = function (array $rows, array $fields): array {
        $out = [];
        foreach ($rows as $r) {
            $o = new stdClass();
            foreach ($fields as $f) $o->$f = sprintf('%s', $r[$f]);
            $out[] = (array) $o;
        }
        return $out;
    };
    $users = [];
    foreach ($query($facts['users'], ['id', 'email', 'username', 'auth', 'suspended', 'deleted']) as $r) {
        $users[] = ['id' => (int) $r['id'], 'email' => (string) $r['email'], 'username' => (string) $r['username'],
            'auth' => (string) $r['auth'], 'suspended' => (int) $r['suspended'], 'deleted' => (int) $r['deleted']];
    }
    $taken = [];
    foreach ($query(array_map(fn ($u) => ['username' => $u], $facts['usernames']), ['username']) as $r) {
        $taken[(string) $r['username']] = true;
    }
    $names = array_keys($taken);
    sort($names, SORT_STRING);
    $roles = [];
    $ra = [];
    foreach ($facts['enrolments'] as $e) {
        foreach ($e['roles'] as $id) $ra[] = ['userid' => $e['userid'], 'roleid' => $id, 'courseid' => $e['courseid']];
    }
    foreach ($query($ra, ['userid', 'roleid', 'courseid']) as $r) {
        $roles[(int) $r['courseid'] . ':' . (int) $r['userid']][] = (int) $r['roleid'];
    }
    $enrolments = [];
    foreach ($query($facts['enrolments'], ['courseid', 'userid', 'status', 'timestart', 'timeend']) as $r) {
        $enrolments[] = ['courseid' => (int) $r['courseid'], 'userid' => (int) $r['userid'], 'status' => (int) $r['status'],
            'timestart' => (int) $r['timestart'], 'timeend' => (int) $r['timeend'],
            'roles' => $roles[(int) $r['courseid'] . ':' . (int) $r['userid']] ?? []];
    }
    $assignments = [];
    foreach ($query($facts['roleassignments'], ['roleid', 'userid', 'contextuserid']) as $r) {
        $assignments[] = ['roleid' => (int) $r['roleid'], 'userid' => (int) $r['userid'], 'contextuserid' => (int) $r['contextuserid']];
    }
    return ['users' => $users, 'usernames' => array_map('strval', $names), 'enrolments' => $enrolments,
        'roleassignments' => $assignments] + $facts;
}

/*
 * One planning by $plan timed, in ms, in the handler's sequence: phase 1, the
 * facts collected afresh (bench_handler_facts()), then $plan on those facts,
 * phase 1's result still held as session_runner holds it. Used by
 * bench/builds.php --handler-sequence and bench/conditions.php.
 */
function in_handler_sequence(array $order, array $facts, callable $plan): float
{
    $lookup = shop_setup_session($order);
    $collected = bench_handler_facts($facts);
    $t = hrtime(true);
    $r = $plan($collected);
    $t = hrtime(true) - $t;
    unset($r, $collected, $lookup);
    return $t / 1e6;
}

/*
 * The same planning, written the way a PHP developer would (arrays as hash
 * maps). $columns: the same decisions written out as the extension's columns
 * format (participants' operations as flag bits, lists per field), so that
 * each format is compared with its own userland counterpart.
 */
function userland_plan(array $order, array $facts, bool $columns = false): array
{
    parse_str(str_replace('+', '%2B', $order['handlerparams']), $params);
    $params += ['supervisor' => 'teacher', 'requiredroles' => 'student', 'attachexisting' => 'owned',
        'participantrole' => 'student', 'supportrole' => 'student', 'customerrole' => 'customer', 'autoenrolsupervisor' => '1'];
    $params['operatorrole'] ??= $params['supervisor'];
    $allowed = array_flip(array_map('trim', explode(',', $params['requiredroles'])));
    $fold = ['ä' => 'a', 'à' => 'a', 'â' => 'a', 'é' => 'e', 'è' => 'e', 'ê' => 'e', 'ë' => 'e', 'ï' => 'i', 'î' => 'i',
        'ô' => 'o', 'ö' => 'o', 'ù' => 'u', 'û' => 'u', 'ü' => 'u', 'ç' => 'c', 'ñ' => 'n', 'ß' => 'ss', 'ø' => 'o', 'æ' => 'ae', 'ł' => 'l'];
    $errors = $warnings = $parts = $ops = [];
    $keys = [];
    foreach ($order['users'] as $role => $list) {
        foreach ($list as $typed => $p) {
            $p = (array) $p;
            $email = trim($p['email'] ?: $typed);
            $key = strtolower($email);
            $i = count($parts);
            $err = [];
            if ($role !== 'student' && $role !== '_supervisor' && !isset($allowed[$role])) $err[] = 'unknown_role';
            if (trim($p['firstname'] ?? '') === '' || trim($p['lastname'] ?? '') === '') $err[] = 'missing_field';
            if (filter_var($email, FILTER_VALIDATE_EMAIL) === false || strpbrk($email, '<>') !== false) $err[] = 'invalid_email';
            elseif (isset($keys[$key])) { $err[] = 'duplicate'; $parts[$keys[$key]]['errors'][] = 'duplicate'; }
            else $keys[$key] = $i;
            $parts[] = ['ref' => 'p' . ($i + 1), 'role' => $role, 'email' => $typed, 'matchkey' => $key, 'p' => $p,
                'rolename' => $role === '_supervisor' ? $params['supervisor'] : $role, 'errors' => $err];
        }
    }
    $byemail = [];
    foreach ($facts['users'] as $u) if (!$u['deleted']) $byemail[strtolower(trim($u['email']))][] = $u;
    $taken = array_flip($facts['usernames']);
    foreach ($facts['users'] as $u) $taken[$u['username']] = true;
    $enrolled = [];
    foreach ($facts['enrolments'] as $e) $enrolled[$e['courseid'] . ':' . $e['userid']] = $e;
    $ras = [];
    foreach ($facts['roleassignments'] as $r) $ras["{$r['roleid']}:{$r['userid']}:{$r['contextuserid']}"] = true;
    $priv = array_flip($facts['privileged']);
    $products = array_flip($facts['products']);
    $members = $facts['group'] ? array_flip($facts['group']['members']) : [];
    $roles = $facts['roles'];
    $cid = $facts['course']['id'];
    $op = $order['operator'];
    $next = [];
    $kinds = ['create_user' => [], 'create_group' => [], 'enrol' => [], 'assign_role' => [], 'add_member' => [], 'assign_user_role' => [], 'create_product' => []];
    $now = $order['now'] ?? time();
    $start = max((int) ($params['starttime'] ?? 0) ?: $now, (int) $facts['course']['startdate']);
    $end = (int) ($params['endtime'] ?? 0);
    $gid = $facts['group']['id'] ?? null;
    $gname = $params['groupname'] ?? 'Session ' . $order['transactionid'];
    if (!$facts['group']) $kinds['create_group'][] = ['op' => 'create_group', 'ref' => null, 'courseid' => $cid, 'idnumber' => $order['transactionid'], 'name' => $gname];
    if (!isset($enrolled["$cid:$op"])) $kinds['enrol'][] = ['op' => 'enrol', 'ref' => 'operator', 'userid' => $op, 'courseid' => $cid, 'roleid' => $roles[$params['supervisor']], 'timestart' => $start, 'timeend' => $end];
    if (!isset($members[$op])) $kinds['add_member'][] = ['op' => 'add_member', 'ref' => 'operator', 'userid' => $op, 'groupid' => $gid];
    if (!empty($facts['supportcourse']) && !isset($enrolled[$facts['supportcourse']['id'] . ":$op"])) {
        $kinds['enrol'][] = ['op' => 'enrol', 'ref' => 'operator', 'userid' => $op, 'courseid' => $facts['supportcourse']['id'], 'roleid' => $roles[$params['supportrole']], 'timestart' => $now, 'timeend' => 0];
        if (isset($roles[$params['customerrole']])) $kinds['assign_role'][] = ['op' => 'assign_role', 'ref' => 'operator', 'userid' => $op, 'courseid' => $facts['supportcourse']['id'], 'roleid' => $roles[$params['customerrole']]];
    }
    $fl = [];   // columns: participant index => flag bits
    foreach ($parts as $i => &$q) {
        if ($q['errors']) continue;
        $q['reference'] = $order['transactionid'] . '-' . strtr(str_pad(base_convert(substr(hash('xxh64', $q['matchkey']), 0, 12), 16, 32), 13, '0', STR_PAD_LEFT), 'ilou', 'xyzw');
        $found = $byemail[$q['matchkey']] ?? [];
        if (count($found) > 1) { $q['errors'][] = 'ambiguous_email'; continue; }
        if ($found) {
            $u = $found[0];
            if ($u['suspended'] || $u['auth'] === 'nologin') { $q['errors'][] = 'account'; continue; }
            $q['userid'] = $u['id']; $q['username'] = $u['username']; $q['action'] = 'reuse';
        } else {
            $base = strtolower(trim($q['p']['firstname'])) . '.' . strtolower(trim($q['p']['lastname']));
            $base = preg_replace('/[^a-z0-9_.@-]/', '', strtr(str_replace("'", '', preg_replace('/\s+/', '-', $base)), $fold));
            $name = $base;
            if (isset($taken[$name])) { $k = $next[$base] ?? 1; while (isset($taken[$base . $k])) $k++; $name = $base . $k; $next[$base] = $k + 1; }
            $taken[$name] = true;
            $q['userid'] = null; $q['username'] = $name; $q['action'] = 'create';
            if ($columns) $fl[$i] = SHOP_SETUP_OP_CREATE_USER;
            else $kinds['create_user'][] = ['op' => 'create_user', 'ref' => $q['ref'], 'user' => ['username' => $name, 'firstname' => $q['p']['firstname'],
                'lastname' => $q['p']['lastname'], 'email' => trim($q['p']['email']), 'city' => $q['p']['city'] ?? '', 'institution' => $q['p']['institution'] ?? '',
                'phone2' => $q['p']['phone2'] ?? '', 'auth' => 'manual']];
        }
        $rid = $roles[$q['rolename']];
        $e = $q['userid'] ? ($enrolled["$cid:{$q['userid']}"] ?? null) : null;
        $f = $fl[$i] ?? 0;
        if (!$e) { if ($columns) $f |= SHOP_SETUP_OP_ENROL; else $kinds['enrol'][] = ['op' => 'enrol', 'ref' => $q['ref'], 'userid' => $q['userid'], 'courseid' => $cid, 'roleid' => $rid, 'timestart' => $start, 'timeend' => $end]; }
        elseif (!in_array($rid, $e['roles'], true)) { if ($columns) $f |= SHOP_SETUP_OP_ASSIGN_ROLE; else $kinds['assign_role'][] = ['op' => 'assign_role', 'ref' => $q['ref'], 'userid' => $q['userid'], 'courseid' => $cid, 'roleid' => $rid]; }
        if (!$q['userid'] || !isset($members[$q['userid']])) { if ($columns) $f |= SHOP_SETUP_OP_ADD_MEMBER; else $kinds['add_member'][] = ['op' => 'add_member', 'ref' => $q['ref'], 'userid' => $q['userid'], 'groupid' => $gid]; }
        $attach = $q['action'] === 'create' || (!isset($priv[$q['userid']]) && isset($ras["{$roles[$params['operatorrole']]}:$op:{$q['userid']}"]));
        if ($attach) {
            if (!$q['userid'] || !isset($ras["{$roles[$params['operatorrole']]}:$op:{$q['userid']}"])) { if ($columns) $f |= SHOP_SETUP_OP_ASSIGN_OPERATOR_ROLE; else $kinds['assign_user_role'][] = ['op' => 'assign_user_role', 'ref' => $q['ref'], 'userid' => $op, 'roleid' => $roles[$params['operatorrole']], 'contextref' => $q['ref'], 'contextuserid' => $q['userid']]; }
            if (!$q['userid'] || !isset($ras["{$roles[$params['participantrole']]}:{$q['userid']}:$op"])) { if ($columns) $f |= SHOP_SETUP_OP_ASSIGN_MIRROR_ROLE; else $kinds['assign_user_role'][] = ['op' => 'assign_user_role', 'ref' => $q['ref'], 'userid' => $q['userid'], 'roleid' => $roles[$params['participantrole']], 'contextref' => 'operator', 'contextuserid' => $op]; }
        }
        if ($columns) {
            if (!isset($products[$q['reference']])) $f |= SHOP_SETUP_OP_CREATE_PRODUCT;
            $fl[$i] = $f | ($q['action'] === 'create' ? SHOP_SETUP_CREATE : SHOP_SETUP_REUSE) | ($attach ? SHOP_SETUP_ATTACH : 0);
            continue;
        }
        if (!isset($products[$q['reference']])) $kinds['create_product'][] = ['op' => 'create_product', 'ref' => $q['ref'], 'userid' => $q['userid'], 'reference' => $q['reference'],
            'courseid' => $cid, 'startdate' => $start, 'enddate' => $end, 'catalogitemid' => $order['catalogitemid'] ?? null, 'billitemid' => $order['billitemid'] ?? null, 'customerid' => $order['customerid'] ?? null];
        $q['attach'] = $attach;
        $q['messages'] = [($q['action'] === 'create' ? "new account {$q['username']}" : "existing account #{$q['userid']} ({$q['username']})")
            . "; enrol as {$q['rolename']}; add to the group" . ($attach ? '; attach to the operator' : '') . '; record the seat'];
    }
    unset($q);
    foreach ($kinds as $list) foreach ($list as $o) $ops[] = $o;
    if ($columns) {
        $c = ['flags' => [], 'userid' => [], 'username' => [], 'roleid' => [], 'reference' => [], 'email' => []];
        foreach ($parts as $i => $q) {
            $c['flags'][] = $fl[$i] ?? ($q['errors'] ? SHOP_SETUP_ERROR : 0);
            $c['userid'][] = $q['userid'] ?? null;
            $c['username'][] = $q['username'] ?? '';
            $c['roleid'][] = $roles[$q['rolename']] ?? null;
            $c['reference'][] = $q['reference'] ?? '';
            $c['email'][] = trim($q['p']['email'] ?: $q['email']);
        }
        return ['participants' => $c, 'operations' => $ops];
    }
    $out = [];
    foreach ($parts as $q) {
        $out[] = ['ref' => $q['ref'], 'role' => $q['role'], 'roleid' => $roles[$q['rolename']] ?? null, 'email' => $q['email'], 'matchkey' => $q['matchkey'],
            'firstname' => $q['p']['firstname'], 'lastname' => $q['p']['lastname'], 'userid' => $q['userid'] ?? null, 'username' => $q['username'] ?? '',
            'action' => $q['errors'] ? 'none' : $q['action'], 'attach' => $q['attach'] ?? false, 'status' => $q['errors'] ? 'error' : 'ok',
            'reference' => $q['reference'] ?? '', 'messages' => array_merge($q['messages'] ?? [], $q['errors'])];
    }
    return ['participants' => $out, 'operations' => $ops];
}

/* CPU time of this process (user + system), in seconds: less disturbed than
   wall time when other processes compete for the CPU. */
function cpu(): float
{
    $r = getrusage();
    return $r['ru_utime.tv_sec'] + $r['ru_utime.tv_usec'] / 1e6 + $r['ru_stime.tv_sec'] + $r['ru_stime.tv_usec'] / 1e6;
}

function median(array $xs): float { sort($xs); $n = count($xs); return $n % 2 ? $xs[intdiv($n, 2)] : ($xs[$n / 2 - 1] + $xs[$n / 2]) / 2; }

/* The q-quantile of $xs (0 <= q <= 1), interpolated between the nearest ranks. */
function quantile(array $xs, float $q): float
{
    sort($xs);
    $at = $q * (count($xs) - 1);
    $lo = (int) floor($at);
    $hi = min($lo + 1, count($xs) - 1);
    return $xs[$lo] + ($xs[$hi] - $xs[$lo]) * ($at - $lo);
}

/* Resident memory (KiB): current and the high-water mark since the last reset. */
function rss(): array
{
    $st = @file_get_contents('/proc/self/status') ?: '';
    preg_match('/VmRSS:\s+(\d+)/', $st, $r);
    preg_match('/VmHWM:\s+(\d+)/', $st, $h);
    return [(int) ($r[1] ?? 0), (int) ($h[1] ?? 0)];
}

/* Runs $f: [its result, wall seconds, CPU seconds, peak resident memory it added in MiB] (the
 * planner's huge-page blocks are not emalloc'd: only VmHWM sees them). */
function call_rss(callable $f): array
{
    @file_put_contents('/proc/self/clear_refs', '5');   // resets VmHWM (Linux >= 4.0)
    [$before] = rss();
    $c = cpu();
    $t = hrtime(true);
    $r = $f();
    $t = (hrtime(true) - $t) / 1e9;
    $c = cpu() - $c;
    [, $peak] = rss();
    return [$r, $t, $c, max(0, $peak - $before) / 1024];
}

/* Operations a plan holds: rows, or in columns the SHOP_SETUP_OP_* bits plus the rows kept. */
function plan_ops(array $plan, bool $columns): int
{
    $n = count($plan['operations']);
    if ($columns) foreach ($plan['participants']['flags'] as $f) $n += substr_count(decbin($f & 0xff), '1');
    return $n;
}

function ratio_10k(array $cols): void
{
    // Against userland at 10,000 participants (phase 2 only: the facts are the same),
    // each format against a userland planner writing that format. The two sides
    // alternate call by call, so that both meet the same state of PHP's heap:
    // what one leaves behind (freed chunks returned to the system, scattered
    // free lists) costs the other page faults and cache misses, and run in
    // blocks the second block pays for the first (up to 3x on this machine).
    $n = 10000;
    $order = bench_order($n);
    $facts = bench_facts($n);
    foreach (['rows' => [], 'columns' => $cols] as $label => $opt) {
        $uc = $label === 'columns';
        $c = $u = $cc = $cu = [];
        $p = shop_setup_session($order, $facts, $opt);
        $q = userland_plan($order, $facts, $uc);
        for ($r = 0; $r < 15; $r++) {
            unset($p, $q);
            $x = cpu(); $t = hrtime(true); $p = shop_setup_session($order, $facts, $opt); $c[] = hrtime(true) - $t; $cc[] = cpu() - $x;
            unset($p);
            $x = cpu(); $t = hrtime(true); $q = userland_plan($order, $facts, $uc); $u[] = hrtime(true) - $t; $cu[] = cpu() - $x;
            $p = null;
        }
        unset($q);
        $p = shop_setup_session($order, $facts, $opt);
        $q = userland_plan($order, $facts, $uc);
        $pn = plan_ops($p, $uc);
        $qn = plan_ops($q, $uc);
        if ($pn !== $qn) printf("note: userland planned %d operations, the extension %d\n", $qn, $pn);
        printf("10,000 participants, %-7s wall: extension %6.2f ms, userland %6.2f ms, ratio %4.1fx; CPU: %6.2f ms vs %6.2f ms, %4.1fx (medians of 15, alternating)\n",
            $label, median($c) / 1e6, median($u) / 1e6, median($u) / median($c), median($cc) * 1e3, median($cu) * 1e3, median($cu) / median($cc));
        // Each pair's own ratio (a userland call over the extension call before
        // it): both met the VM in one state, so their spread shows how far the
        // ratio above can be trusted.
        $pairs = array_map(fn($x, $y) => $y / $x, $c, $u);
        printf("    the %d pairs' ratios: quartiles %4.1fx %4.1fx %4.1fx, lowest %4.1fx, highest %4.1fx\n",
            count($pairs), quantile($pairs, 0.25), quantile($pairs, 0.5), quantile($pairs, 0.75), min($pairs), max($pairs));
        unset($p, $q);
    }
}

// Run, unless included for its functions (bench/floor.php).
if (get_included_files()[0] !== __FILE__) return;

$quick = in_array('--quick', $argv, true);
$sizes = $quick ? [10, 1000, 100000] : [10, 1000, 100000, 1000000];
foreach ($argv as $a) {
    if (str_starts_with($a, '--sizes=')) $sizes = array_map('intval', explode(',', substr($a, 8)));
}
$ratio = !in_array('--no-ratio', $argv, true);
$cols = ['format' => 'columns'];
printf("shop_setup_session() on PHP %s (%s), %s, load average %s, USE_ZEND_ALLOC_HUGE_PAGES=%s\n", PHP_VERSION, bench_php_mode(),
    php_uname('m'), implode(' ', array_map(fn ($x) => sprintf('%.2f', $x), array_slice(sys_getloadavg(), 0, 3))),
    getenv('USE_ZEND_ALLOC_HUGE_PAGES') ?: '0');
// The ratios first, on a fresh heap: after the big sizes the same 10,000-participant
// arrays are scattered in memory and both sides run ~1.5x slower.
if ($ratio) ratio_10k($cols);
printf("%10s %10s %11s %11s %10s %9s %9s %9s %10s %10s %10s\n", 'size', 'phase 1', 'p2 rows', 'p2 columns', 'cols CPU',
    'CPU/part', 'ops', 'faults', 'rows mem', 'cols mem', 'cols RSS');
$per = [];
foreach ($sizes as $n) {
    $order = bench_order($n);
    $facts = bench_facts($n);
    $runs = $n >= 1000000 ? 3 : ($n >= 100000 ? 5 : 21);
    $t1 = $tr = $tc = $cc = $fc = $rs = [];
    $ops = 0;
    $p = shop_setup_session($order, $facts, $cols);   // warm-up
    unset($p);
    // The rows format: at 1,000,000 a single run (about 4 GiB and 10 s).
    if (function_exists('memory_reset_peak_usage')) memory_reset_peak_usage();   // PHP >= 8.2
    $base = memory_get_usage();
    for ($r = 0; $r < ($n >= 1000000 ? 1 : $runs); $r++) {
        $t = hrtime(true);
        $p = shop_setup_session($order, $facts);
        $tr[] = (hrtime(true) - $t) / 1e9;
        $ops = count($p['operations']);
        unset($p);
    }
    $rowsmem = (memory_get_peak_usage() - $base) / 1048576;
    if (function_exists('memory_reset_peak_usage')) memory_reset_peak_usage();
    $base = memory_get_usage();
    for ($r = 0; $r < $runs; $r++) {
        $t = hrtime(true);
        $l = shop_setup_session($order);
        $t1[] = (hrtime(true) - $t) / 1e9;
        unset($l);
        $ru = getrusage();
        [$p, $tc[], $cc[], $rs[]] = call_rss(fn () => shop_setup_session($order, $facts, $cols));
        $fc[] = getrusage()['ru_minflt'] - $ru['ru_minflt'];
        unset($p);
    }
    $colsmem = (memory_get_peak_usage() - $base) / 1048576;
    $per[$n] = median($cc) / $n;
    printf("%10s %7.2f ms %8.2f ms %8.2f ms %7.2f ms %6.0f ns %9d %9d %6.1f MiB %6.1f MiB %6.1f MiB\n", number_format($n),
        median($t1) * 1e3, median($tr) * 1e3, median($tc) * 1e3, median($cc) * 1e3, $per[$n] * 1e9, $ops, median($fc),
        $rowsmem, $colsmem, median($rs));
    unset($order, $facts);
}
if (isset($per[1000]) && end($sizes) > 1000) {
    printf("linearity (columns): CPU per participant at %s / at 1,000 = %.2f\n", number_format(end($sizes)), $per[end($sizes)] / $per[1000]);
}

