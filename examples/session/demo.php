<?php
/*
 * The main job: one "setup one course session" order through both phases of
 * shop_setup_session(), with bundled facts standing for what PHP's bulk
 * queries return on a site where this session is already half set up.
 *   php -n -d extension=modules/shop_setup.so examples/session/demo.php
 * The order holds learners and tutors, an existing account typed in capitals,
 * a person listed twice (another spelling, another role), a taken username;
 * the facts hold the group, the operator's and a tutor's enrolments, the
 * tutor's delegation and product record from an interrupted first run.
 * The last step applies the plan to an in-memory Moodle (the model the tests
 * use) and plans again: nothing is left to do.
 */

if (!function_exists('shop_setup_session')) {
    fwrite(STDERR, "shop_setup is not loaded: php -n -d extension=modules/shop_setup.so examples/session/demo.php\n");
    exit(1);
}
require __DIR__ . '/../../tests/inc/session_model.php';

$order = json_decode(file_get_contents(__DIR__ . '/order.json'), true, 512, JSON_THROW_ON_ERROR);
$facts = json_decode(file_get_contents(__DIR__ . '/facts.json'), true, 512, JSON_THROW_ON_ERROR);

function width(string $s): int
{
    return preg_match_all('/./us', $s);
}

function cut(string $s, int $max): string
{
    if (width($s) <= $max) return $s;
    preg_match('/^.{' . ($max - 1) . '}/us', $s, $m);
    return $m[0] . '…';
}

/** Prints rows (arrays of strings) as a table with a header. */
function table(array $header, array $rows, int $maxcol = 60): void
{
    $w = array_map('width', $header);
    foreach ($rows as &$r) {
        foreach ($r as $i => &$c) {
            $c = cut((string) $c, $maxcol);
            $w[$i] = max($w[$i], width($c));
        }
    }
    unset($r, $c);
    $line = function (array $cells) use ($w) {
        $out = [];
        foreach ($cells as $i => $c) $out[] = $c . str_repeat(' ', $w[$i] - width($c));
        echo '  ', rtrim(implode(' | ', $out)), "\n";
    };
    $line($header);
    echo '  ', implode('-+-', array_map(fn ($n) => str_repeat('-', $n), $w)), "\n";
    foreach ($rows as $r) $line($r);
}

function issues(array $r): void
{
    $rows = [];
    foreach (['errors', 'warnings'] as $k) {
        foreach ($r[$k] as $i) $rows[] = [$i['level'], $i['code'], $i['ref'] ?? '', $i['message']];
    }
    if ($rows) table(['level', 'code', 'ref', 'message'], $rows, 110);
    else echo "  (no error, no warning)\n";
}

function title(string $t): void
{
    echo "\n== $t ", str_repeat('=', max(0, 74 - width($t))), "\n";
}

function opdetails(array $op): string
{
    $v = fn ($x) => $x === null ? 'new' : (string) $x;
    switch ($op['op']) {
        case 'create_user': return "username {$op['user']['username']}, {$op['user']['firstname']} {$op['user']['lastname']} <{$op['user']['email']}>";
        case 'create_group': return "course {$op['courseid']}, idnumber {$op['idnumber']}, \"{$op['name']}\"";
        case 'enrol': return "user {$v($op['userid'])} in course {$op['courseid']} as role {$op['roleid']}, "
            . date('Y-m-d H:i', $op['timestart']) . ' → ' . ($op['timeend'] ? date('Y-m-d H:i', $op['timeend']) : 'open');
        case 'assign_role': return "user {$v($op['userid'])} gets role {$op['roleid']} in course {$op['courseid']}";
        case 'add_member': return "user {$v($op['userid'])} into group {$v($op['groupid'])}";
        case 'assign_user_role': return "user {$v($op['userid'])} gets role {$op['roleid']} in the user context of {$op['contextref']} ({$v($op['contextuserid'])})";
        case 'create_product': return "reference {$op['reference']}, user {$v($op['userid'])}, bill item {$op['billitemid']}";
    }
    return '';
}

function plan_tables(array $plan): void
{
    $rows = [];
    foreach ($plan['participants'] as $p) {
        $rows[] = [$p['ref'], $p['role'], $p['email'], $p['userid'] ?? 'new', $p['username'], $p['action'], $p['status'], $p['messages'][0] ?? ''];
    }
    echo "Participants:\n";
    table(['ref', 'role', 'email as typed', 'user', 'username', 'action', 'status', 'what happens'], $rows, 140);
    echo "\nOperations (", count($plan['operations']), "):\n";
    if ($plan['operations']) {
        $rows = [];
        foreach ($plan['operations'] as $i => $op) $rows[] = [$i + 1, $op['op'], $op['ref'] ?? '-', opdetails($op)];
        table(['#', 'op', 'ref', 'details'], $rows, 100);
    } else {
        echo "  none: with errors, nothing is done (all or nothing)\n";
    }
    echo "\nIssues:\n";
    issues($plan);
    $s = $plan['summary'];
    printf("\nSummary: %d seats bought, %d declared, %d unassigned; %d accounts created, %d reused, %d enrolments, %d things already in place, %d operations.\n",
        $s['seats'], $s['declared'], $s['unassigned'], $s['created'], $s['reused'], $s['enrolments'], $s['skipped'], $s['operations']);
}

echo "Order {$order['transactionid']}: ", $order['quantity'], " seats, operator #{$order['operator']['id']}, ",
    array_sum(array_map('count', $order['users'])), " participants\n";

title('Phase 1: shop_setup_session($order), no database');
$lookup = shop_setup_session($order);
$l = $lookup['lookups'];
table(['lookup', 'value'], [
    ['emails (match keys)', implode(', ', $l['emails'])],
    ['candidate usernames', implode(', ', $l['usernames'])],
    ['course', $l['course']],
    ['support course', var_export($l['supportcourse'], true)],
    ['roles', implode(', ', $l['roles'])],
    ['group idnumber', $l['groupidnumber']],
    ['operator', $l['operatorid']],
], 110);
echo "Issues found without the database:\n";
issues($lookup);

title('PHP runs a constant number of bulk queries');
echo <<<TXT
  users by LOWER(email) IN (emails); usernames IN / LIKE (candidates); course and
  support course; roles by shortname; enrolments of those users and the operator;
  the group by (course, idnumber) and its members; role assignments in their user
  contexts; site admins and system-role holders among them; this order's products.
  (Here: examples/session/facts.json.)

TXT;

title('Phase 2: shop_setup_session($order, $facts): all or nothing');
$plan = shop_setup_session($order, $facts);
plan_tables($plan);

title("Phase 2 with ['partial' => true]: the valid participants only");
$plan = shop_setup_session($order, $facts, ['partial' => true]);
plan_tables($plan);

title('Apply the plan to an in-memory Moodle, then plan again');
$m = new SessionModel();
$m->courses = [$l['course'] => $facts['course'], (string) $l['supportcourse'] => $facts['supportcourse'] + ['startdate' => 0]];
$m->roles = array_map('intval', $facts['roles']);
foreach ($facts['users'] as $u) {
    $m->addUser($u['email'], $u['username'], ['id' => (int) $u['id'], 'auth' => $u['auth'], 'suspended' => (int) $u['suspended']]);
}
foreach ($facts['usernames'] as $name) $m->takenUsernames[$name] = true;
foreach ($facts['enrolments'] as $e) {
    $m->enrol((int) $e['courseid'], (int) $e['userid'], (int) $e['roles'][0], (int) $e['status'], (int) $e['timestart'], (int) $e['timeend']);
}
$m->groups[$facts['course']['id'] . ':' . $order['transactionid']] = ['id' => $facts['group']['id'], 'name' => '', 'members' => array_fill_keys(array_map('intval', $facts['group']['members']), true)];
foreach ($facts['roleassignments'] as $r) $m->ras["{$r['roleid']}:{$r['userid']}:{$r['contextuserid']}"] = true;
foreach ($facts['products'] as $r) $m->products[$r] = true;
$m->apply($plan);
$again = shop_setup_session($order, $m->facts($order), ['partial' => true]);
printf("  applied %d operations; planning again gives %d operations (%d things already in place)\n",
    $m->applied, count($again['operations']), $again['summary']['skipped']);
echo "  remaining issue: ", $again['errors'][0]['message'] ?? 'none', "\n";
