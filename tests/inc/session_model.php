<?php
/*
 * An in-memory model of the Moodle state that shop_setup_session() plans
 * against: accounts, enrolments, the order's group, role assignments in user
 * contexts, product references. facts() answers the queries of
 * docs/session.md; apply() performs a plan's operations the way Moodle's APIs
 * would, and throws when an operation would duplicate something (a second
 * account for an address, a second enrolment, role, membership, assignment or
 * product), so that a plan that is not idempotent fails loudly.
 * Reusable by other tests, the demo and the handler's tests.
 */

final class SessionModel
{
    /** @var array<int, array> id => user row */
    public array $users = [];
    /** @var array<string, true> */
    public array $takenUsernames = [];
    /** @var array<string, array> "courseid:userid" => enrolment row */
    public array $enrolments = [];
    /** @var array<string, array> "courseid:idnumber" => ['id' => int, 'members' => [userid => true]] */
    public array $groups = [];
    /** @var array<string, true> "roleid:userid:contextuserid" */
    public array $ras = [];
    /** @var array<string, true> */
    public array $products = [];
    /** @var array<int, true> */
    public array $privileged = [];
    public array $courses = [];   // shortname => ['id', 'startdate']
    public array $roles = [];     // shortname => id
    public int $nextId = 1000;
    public int $applied = 0;

    public function addUser(string $email, string $username, array $extra = []): int
    {
        $id = $extra['id'] ?? $this->nextId++;
        $this->users[$id] = ['id' => $id, 'email' => $email, 'username' => $username,
            'auth' => $extra['auth'] ?? 'manual', 'suspended' => $extra['suspended'] ?? 0, 'deleted' => $extra['deleted'] ?? 0];
        $this->takenUsernames[$username] = true;
        return $id;
    }

    public function enrol(int $courseid, int $userid, int $roleid, int $status = 0, int $start = 0, int $end = 0): void
    {
        $this->enrolments["$courseid:$userid"] = ['courseid' => $courseid, 'userid' => $userid, 'status' => $status,
            'timestart' => $start, 'timeend' => $end, 'roles' => [$roleid]];
    }

    /** The facts PHP would look up for this order (users matched on lower-cased email). */
    public function facts(array $order, ?array $lookup = null): array
    {
        $lookup ??= shop_setup_session($order);
        $emails = array_flip($lookup['lookups']['emails']);
        $course = $this->courses[$lookup['lookups']['course']] ?? null;
        $sc = $lookup['lookups']['supportcourse'];
        $support = null;
        if ($sc !== null) {
            foreach ($this->courses as $short => $c) {
                if ($short === $sc || $c['id'] === $sc) $support = $c;
            }
        }
        $users = [];
        foreach ($this->users as $u) {
            if (!$u['deleted'] && isset($emails[strtolower(trim($u['email']))])) $users[] = $u;
        }
        $ids = array_column($users, 'id');
        $ids[] = $lookup['lookups']['operatorid'];
        $idset = array_flip($ids);
        $enrolments = [];
        foreach ($this->enrolments as $e) {
            if (isset($idset[$e['userid']]) && (($course && $e['courseid'] === $course['id']) || ($support && $e['courseid'] === $support['id']))) {
                $enrolments[] = $e;
            }
        }
        $group = null;
        if ($course && isset($this->groups[$course['id'] . ':' . $lookup['lookups']['groupidnumber']])) {
            $g = $this->groups[$course['id'] . ':' . $lookup['lookups']['groupidnumber']];
            $group = ['id' => $g['id'], 'members' => array_keys($g['members'])];
        }
        $ras = [];
        foreach ($this->ras as $k => $_) {
            [$r, $u, $c] = array_map('intval', explode(':', $k));
            if (isset($idset[$c]) || isset($idset[$u])) $ras[] = ['roleid' => $r, 'userid' => $u, 'contextuserid' => $c];
        }
        $tx = $lookup['lookups']['groupidnumber'];
        return [
            'course' => $course,
            'supportcourse' => $support,
            'roles' => $this->roles,
            'users' => $users,
            'usernames' => array_keys($this->takenUsernames),
            'privileged' => array_values(array_filter($ids, fn ($id) => isset($this->privileged[$id]))),
            'enrolments' => $enrolments,
            'group' => $group,
            'roleassignments' => $ras,
            'products' => array_values(array_filter(array_keys($this->products), fn ($r) => str_starts_with($r, "$tx-"))),
        ];
    }

    /** Applies the first $limit operations of a plan (all when null): a crash after $limit. */
    public function apply(array $plan, ?int $limit = null): void
    {
        $created = [];     // ref => new user id
        $newGroup = null;
        $uid = function ($op, $key = 'userid', $refkey = 'ref') use (&$created) {
            if ($op[$key] !== null) return $op[$key];
            if (!isset($created[$op[$refkey]])) throw new LogicException("{$op['op']}: no account for {$op[$refkey]}");
            return $created[$op[$refkey]];
        };
        foreach ($plan['operations'] as $i => $op) {
            if ($limit !== null && $i >= $limit) return;
            $this->applied++;
            switch ($op['op']) {
                case 'create_user':
                    $key = strtolower(trim($op['user']['email']));
                    foreach ($this->users as $u) {
                        if (!$u['deleted'] && strtolower(trim($u['email'])) === $key) throw new LogicException("second account for $key");
                    }
                    if (isset($this->takenUsernames[$op['user']['username']])) throw new LogicException("username taken: {$op['user']['username']}");
                    $created[$op['ref']] = $this->addUser($op['user']['email'], $op['user']['username']);
                    break;
                case 'create_group':
                    $k = $op['courseid'] . ':' . $op['idnumber'];
                    if (isset($this->groups[$k])) throw new LogicException("group idnumber taken: $k");
                    $newGroup = $this->nextId++;
                    $this->groups[$k] = ['id' => $newGroup, 'name' => $op['name'], 'members' => []];
                    break;
                case 'enrol':
                    $u = $uid($op);
                    $k = "{$op['courseid']}:$u";
                    if (isset($this->enrolments[$k])) throw new LogicException("enrol over an existing enrolment $k");
                    $this->enrol($op['courseid'], $u, $op['roleid'], 0, $op['timestart'], $op['timeend']);
                    break;
                case 'assign_role':
                    $u = $uid($op);
                    $k = "{$op['courseid']}:$u";
                    if (!isset($this->enrolments[$k])) throw new LogicException("assign_role without enrolment $k");
                    if (in_array($op['roleid'], $this->enrolments[$k]['roles'], true)) throw new LogicException("role already held $k");
                    $this->enrolments[$k]['roles'][] = $op['roleid'];
                    break;
                case 'add_member':
                    $u = $uid($op);
                    $gid = $op['groupid'] ?? $newGroup;
                    $found = null;
                    foreach ($this->groups as $gk => $g) if ($g['id'] === $gid) $found = $gk;
                    if ($found === null) throw new LogicException("no group $gid");
                    [$cid] = explode(':', $found);
                    if (!isset($this->enrolments["$cid:$u"])) throw new LogicException("member not enrolled: $u");
                    if (isset($this->groups[$found]['members'][$u])) throw new LogicException("already a member: $u");
                    $this->groups[$found]['members'][$u] = true;
                    break;
                case 'assign_user_role':
                    $u = $op['userid'] ?? $uid($op, 'userid', 'ref');
                    $c = $op['contextuserid'] ?? $uid($op, 'contextuserid', 'contextref');
                    if (isset($this->privileged[$c]) || isset($this->privileged[$u]) && $op['contextref'] === 'operator') {
                        throw new LogicException("delegation over a privileged account");
                    }
                    $k = "{$op['roleid']}:$u:$c";
                    if (isset($this->ras[$k])) throw new LogicException("role assignment exists $k");
                    $this->ras[$k] = true;
                    break;
                case 'create_product':
                    if (isset($this->products[$op['reference']])) throw new LogicException("product exists {$op['reference']}");
                    $this->products[$op['reference']] = true;
                    break;
                default:
                    throw new LogicException("unknown op {$op['op']}");
            }
        }
    }

    /** A model with one course, the standard roles and an operator. */
    public static function standard(): self
    {
        $m = new self();
        $m->courses = ['FORM-01' => ['id' => 10, 'startdate' => 0], 'SUPPORT' => ['id' => 11, 'startdate' => 0]];
        $m->roles = ['student' => 5, 'teacher' => 3, 'editingteacher' => 4, 'courseowner' => 9, 'customer' => 10];
        $m->addUser('boss@client.example', 'boss', ['id' => 42]);
        $m->addUser('admin@site.example', 'admin', ['id' => 2]);
        $m->privileged[2] = true;
        return $m;
    }
}

/** A small order: $users as role => [email => [firstname, lastname]]. */
function session_order(array $users, array $extra = [], string $params = 'coursename=FORM-01&requiredroles=student,teacher'): array
{
    $u = [];
    foreach ($users as $role => $list) {
        foreach ($list as $email => [$first, $last]) {
            $u[$role][$email] = ['firstname' => $first, 'lastname' => $last, 'email' => $email];
        }
    }
    return $extra + ['transactionid' => 'TX1', 'quantity' => 10, 'operator' => 42, 'now' => 1767225600,
        'handlerparams' => $params, 'users' => $u];
}

/** Plans an order against a model: phase 1, facts, phase 2. */
function session_plan(SessionModel $m, array $order, array $options = []): array
{
    return shop_setup_session($order, $m->facts($order), $options);
}

/** Compact listing of a plan's operations, one line each. */
function session_ops(array $plan): string
{
    $out = [];
    foreach ($plan['operations'] as $op) {
        $o = $op;
        unset($o['op']);
        if (isset($o['user'])) $o['user'] = $o['user']['username'];
        $out[] = $op['op'] . ' ' . implode(' ', array_map(fn ($k, $v) => "$k=" . var_export($v, true), array_keys($o), $o));
    }
    return implode("\n", $out) . "\n";
}

function session_issues(array $plan): string
{
    $out = [];
    foreach (['errors', 'warnings'] as $k) {
        foreach ($plan[$k] as $i) $out[] = "{$i['level']} {$i['code']}" . (isset($i['ref']) ? " {$i['ref']}" : '') . ": {$i['message']}";
    }
    return implode("\n", $out) . "\n";
}
