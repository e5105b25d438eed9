<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * Applies a shop_setup_session() plan with Moodle's own APIs.
 *
 * @package    shophandlers_std_setuponecoursesession
 * @copyright  2026 shop_setup contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

namespace shophandlers_std_setuponecoursesession;

/**
 * Writes what the plan decided, all inside one delegated transaction.
 *
 * Every write goes through the Moodle API that fires the matching event (user_created,
 * user_enrolment_created, group_created, group_member_added, role_assigned), so observers such
 * as block_user_delegation's run. New accounts get the create_password preference: Moodle's
 * send_new_user_passwords_task (every minute) generates a password, mails it with Moodle's own
 * new-account message and forces a change at first login. No password ever passes through here.
 */
class plan_applier {

    /** Fields of a create_user operation copied into the new user record. */
    const USER_FIELDS = ['username', 'firstname', 'lastname', 'email', 'city', 'institution', 'phone2'];

    /**
     * Characters each of those fields holds in Moodle's user table (lib/db/install.xml). user_create_user()
     * does not check lengths, and a longer value fails the insert on PostgreSQL and strict MySQL.
     */
    const USER_FIELD_CHARS = ['username' => 100, 'firstname' => 100, 'lastname' => 100, 'email' => 100,
        'city' => 120, 'institution' => 255, 'phone2' => 20];

    /** Characters of groups.name. */
    const GROUP_NAME_CHARS = 254;

    /** @var array courseid => enabled manual enrol instance */
    protected $instances;

    /** @var array the order (catalogitemid, billitemid, customerid, transactionid) */
    protected $order;

    /** @var int local_shop's test flag for product records */
    protected $testmode;

    /** @var \enrol_plugin|null */
    protected $plugin = null;

    /** @var array ref => participant line of the plan */
    protected $participants = [];

    /** @var array ref => user id of accounts created by this plan */
    public $created = [];

    /** @var int|null id of the group created by this plan */
    public $groupid = null;

    /** @var array op kind => number applied */
    public $counts = [];

    /** @var array|null userid => user_enrolments.id, per course, loaded once for product records */
    protected $ueids = null;

    /** @var array courseid => userid => true: the manual enrolments this plan made */
    protected $enrolled = [];

    /** @var array the plan being applied */
    protected $plan = [];

    /**
     * Constructor.
     *
     * @param array $instances courseid => enabled manual enrol instance (facts_collector::$enrolinstances)
     * @param array $order the order the plan was made for
     * @param int $testmode local_shop's 'test' setting, copied into product records
     */
    public function __construct(array $instances, array $order, int $testmode = 0) {
        $this->instances = $instances;
        $this->order = $order;
        $this->testmode = $testmode;
    }

    /**
     * Problems that would make apply() fail, found before anything is written.
     *
     * @param array $plan
     * @return array issues (level, code, message, courseid)
     */
    public function check(array $plan): array {
        $issues = [];
        $seen = [];
        $participants = [];
        foreach ($plan['participants'] ?? [] as $p) {
            if (isset($p['ref'])) {
                $participants[$p['ref']] = $p;
            }
        }
        foreach ($plan['operations'] ?? [] as $op) {
            $kind = $op['op'] ?? '';
            if ($kind === 'create_user') {
                $p = $participants[(string) ($op['ref'] ?? '')] ?? [];
                foreach (self::USER_FIELD_CHARS as $field => $max) {
                    if (self::chars((string) ($op['user'][$field] ?? '')) > $max) {
                        $issues[] = self::too_long($field, $max, (string) ($op['ref'] ?? ''), $p);
                    }
                }
                continue;
            }
            if ($kind === 'create_group' && self::chars((string) ($op['name'] ?? '')) > self::GROUP_NAME_CHARS) {
                $issues[] = self::too_long('groupname', self::GROUP_NAME_CHARS, '', []);
                continue;
            }
            if ($kind !== 'enrol') {
                continue;
            }
            if (!isset($seen['plugin']) && !enrol_is_enabled('manual')) {
                // Enrolments in a disabled plugin are written but give no access (is_enrolled()
                // with onlyactive, course access): core's enrol_try_internal_enrol() refuses too.
                $seen['plugin'] = true;
                $issues[] = [
                    'level' => 'error',
                    'code' => 'manual_enrol_disabled',
                    'message' => get_string('errormanualdisabled', 'shophandlers_std_setuponecoursesession'),
                ];
            }
            $cid = (int) $op['courseid'];
            if (!isset($this->instances[$cid]) && !isset($seen[$cid])) {
                $seen[$cid] = true;
                $issues[] = [
                    'level' => 'error',
                    'code' => 'no_manual_enrol',
                    'courseid' => $cid,
                    'message' => "Course $cid has no enabled manual enrolment method: enable one in the course's "
                        . "enrolment methods.",
                ];
            }
        }
        return $issues;
    }

    /**
     * Characters of a UTF-8 string (the planner has checked the encoding), as Moodle's columns count them.
     *
     * @param string $s
     * @return int
     */
    protected static function chars(string $s): int {
        $n = preg_match_all('/./su', $s);
        return $n === false ? strlen($s) : $n;
    }

    /**
     * A field_too_long issue, for a participant (ref, email, role) or for the order.
     *
     * @param string $field
     * @param int $max
     * @param string $ref
     * @param array $participant the plan's participant line, or []
     * @return array
     */
    protected static function too_long(string $field, int $max, string $ref, array $participant): array {
        $issue = [
            'level' => 'error',
            'code' => 'field_too_long',
            'field' => $field,
            'message' => get_string('errorfieldtoolong', 'shophandlers_std_setuponecoursesession',
                (object) ['field' => $field, 'max' => $max]),
        ];
        if ($ref !== '') {
            $issue += ['ref' => $ref, 'email' => (string) ($participant['email'] ?? ''),
                'role' => (string) ($participant['role'] ?? '')];
        }
        return $issue;
    }

    /**
     * Applies every operation of the plan in one delegated transaction: all or nothing.
     *
     * @param array $plan
     * @return array ['created' => ref => userid, 'groupid' => ?int, 'counts' => kind => n]
     * @throws \Throwable whatever a Moodle API threw; the transaction is then rolled back
     */
    public function apply(array $plan): array {
        global $CFG, $DB;

        require_once($CFG->dirroot . '/user/lib.php');
        require_once($CFG->dirroot . '/group/lib.php');

        $this->plan = $plan;
        $this->participants = [];
        foreach ($plan['participants'] ?? [] as $p) {
            if (isset($p['ref'])) {
                $this->participants[$p['ref']] = $p;
            }
        }
        $this->created = [];
        $this->counts = [];
        $this->groupid = null;
        $this->ueids = null;

        $transaction = $DB->start_delegated_transaction();
        try {
            foreach ($plan['operations'] ?? [] as $op) {
                $this->dispatch($op);
            }
            $transaction->allow_commit();
        } catch (\Throwable $e) {
            $transaction->rollback($e);
            throw $e; // Not reached: rollback() rethrows; kept for readers and static analysis.
        }

        return ['created' => $this->created, 'groupid' => $this->groupid, 'counts' => $this->counts];
    }

    /**
     * Sends one operation to the Moodle API that performs it.
     *
     * @param array $op
     */
    protected function dispatch(array $op): void {
        $kind = (string) ($op['op'] ?? '');
        switch ($kind) {
            case 'create_user':
                $this->create_user($op);
                break;
            case 'create_group':
                $this->create_group($op);
                break;
            case 'enrol':
                $this->enrol($op);
                break;
            case 'assign_role':
                $this->assign_course_role($op);
                break;
            case 'add_member':
                $this->add_member($op);
                break;
            case 'assign_user_role':
                $this->assign_user_role($op);
                break;
            case 'create_product':
                $this->create_product($op);
                break;
            default:
                throw new \coding_exception("shop_setup plan: unknown operation '$kind'");
        }
        $this->counts[$kind] = ($this->counts[$kind] ?? 0) + 1;
    }

    /**
     * The user id an operation names: its own id, or the account created for its ref.
     *
     * @param array $op
     * @param string $idkey
     * @param string $refkey
     * @return int
     */
    protected function resolve(array $op, string $idkey = 'userid', string $refkey = 'ref'): int {
        if (!empty($op[$idkey])) {
            return (int) $op[$idkey];
        }
        $ref = (string) ($op[$refkey] ?? '');
        if ($ref !== '' && isset($this->created[$ref])) {
            return $this->created[$ref];
        }
        throw new \coding_exception("shop_setup plan: {$op['op']} names '$ref', an account that is neither known "
            . "nor created earlier in the plan");
    }

    /**
     * user_create_user(), then the create_password preference for Moodle's new-account mail.
     *
     * @param array $op
     */
    protected function create_user(array $op): void {
        global $CFG;

        $data = $op['user'] ?? [];
        $user = new \stdClass();
        foreach (self::USER_FIELDS as $field) {
            if (isset($data[$field]) && $data[$field] !== '') {
                $user->$field = (string) $data[$field];
            }
        }
        $user->auth = (string) ($data['auth'] ?? 'manual');
        $user->confirmed = 1;
        $user->mnethostid = $CFG->mnet_localhost_id;
        // As core_user_create_users with createpassword: no password yet, the task sets it.
        $user->password = '';
        if (!empty($CFG->country)) {
            $user->country = $CFG->country;
        }
        $userid = (int) user_create_user($user, false, true);

        // Moodle's own path for "create password and notify user" (admin/user.php, CSV upload).
        set_user_preference('create_password', 1, $userid);
        set_user_preference('auth_forcepasswordchange', 1, $userid);

        $this->created[(string) $op['ref']] = $userid;
    }

    /**
     * groups_create_group() with the order's idnumber.
     *
     * @param array $op
     */
    protected function create_group(array $op): void {
        $group = new \stdClass();
        $group->courseid = (int) $op['courseid'];
        $group->idnumber = (string) $op['idnumber'];
        $group->name = (string) $op['name'];
        $group->description = '';
        $group->descriptionformat = FORMAT_HTML;
        $this->groupid = (int) groups_create_group($group);
    }

    /**
     * The manual enrol plugin's enrol_user() (creates or updates the enrolment, adds the role).
     *
     * @param array $op
     */
    protected function enrol(array $op): void {
        $courseid = (int) $op['courseid'];
        if (!isset($this->instances[$courseid])) {
            throw new \moodle_exception('shop_setup: no enabled manual enrolment in course ' . $courseid);
        }
        if ($this->plugin === null) {
            $this->plugin = enrol_get_plugin('manual');
        }
        $userid = $this->resolve($op);
        $this->plugin->enrol_user($this->instances[$courseid], $userid, (int) $op['roleid'],
            (int) ($op['timestart'] ?? 0), (int) ($op['timeend'] ?? 0), ENROL_USER_ACTIVE);
        $this->enrolled[$courseid][$userid] = true;
    }

    /**
     * role_assign() in the course context (already enrolled, role missing).
     *
     * @param array $op
     */
    protected function assign_course_role(array $op): void {
        $context = \context_course::instance((int) $op['courseid']);
        role_assign((int) $op['roleid'], $this->resolve($op), $context->id);
    }

    /**
     * groups_add_member() into the order's group.
     *
     * groups_add_member() does not throw when Moodle refuses the member (not enrolled in the
     * course, or a deleted account: the facts may have changed since they were read); it returns
     * false. That is an error here, so that the transaction rolls back rather than reporting a
     * membership that does not exist.
     *
     * @param array $op
     */
    protected function add_member(array $op): void {
        $groupid = !empty($op['groupid']) ? (int) $op['groupid'] : $this->groupid;
        if (empty($groupid)) {
            throw new \coding_exception('shop_setup plan: add_member before the group exists');
        }
        $userid = $this->resolve($op);
        if (!groups_add_member($groupid, $userid)) {
            throw new \moodle_exception('erroraddmember', 'shophandlers_std_setuponecoursesession', '',
                (object) ['userid' => $userid, 'groupid' => $groupid]);
        }
    }

    /**
     * role_assign() in a user context (delegation: operator over a user, or the mirror role).
     *
     * @param array $op
     */
    protected function assign_user_role(array $op): void {
        $assignee = $this->resolve($op, 'userid', 'ref');
        $contextuserid = $this->resolve($op, 'contextuserid', 'contextref');
        $context = \context_user::instance($contextuserid);
        role_assign((int) $op['roleid'], $assignee, $context->id);
    }

    /**
     * One local_shop_product row per seat, plus its 'billed' product event, as local_shop writes them.
     *
     * @param array $op
     */
    protected function create_product(array $op): void {
        global $DB;

        $userid = $this->resolve($op);
        $courseid = (int) $op['courseid'];
        $ueids = $this->enrolment_ids($courseid);
        $participant = $this->participants[(string) $op['ref']] ?? [];
        $role = (string) ($participant['role'] ?? '');
        $now = (int) ($this->order['now'] ?? time());

        $product = new \stdClass();
        $product->catalogitemid = (int) ($this->order['catalogitemid'] ?? 0);
        $product->initialbillitemid = (int) ($this->order['billitemid'] ?? 0);
        $product->currentbillitemid = $product->initialbillitemid;
        $product->customerid = (int) ($this->order['customerid'] ?? 0);
        $product->contexttype = 'userenrol';
        $product->instanceid = (int) ($ueids[$userid] ?? 0);
        $product->startdate = (int) ($op['startdate'] ?? 0);
        $product->enddate = (int) ($op['enddate'] ?? 0);
        $product->reference = (string) $op['reference'];
        $product->productiondata = self::compile_production_data([
            'handler' => 'std_setuponecoursesession',
            'courseid' => $courseid,
            'coursename' => (string) ($this->plan['params']['coursename'] ?? ''),
            'userid' => $userid,
            'role' => $role,
            'supervisor' => $role === '_supervisor' ? 1 : 0,
            'starttime' => $product->startdate,
            'endtime' => $product->enddate,
            'transactionid' => (string) ($this->order['transactionid'] ?? ''),
        ]);
        // Whether this seat made the enrolment (seat_manager: only then may a refund remove it).
        $product->extradata = json_encode(['ownsenrolment' => isset($this->enrolled[$courseid][$userid]) ? 1 : 0]);
        $product->deleted = 0;
        $product->test = $this->testmode;
        $product->id = $DB->insert_record('local_shop_product', $product);

        $event = new \stdClass();
        $event->productid = $product->id;
        $event->billitemid = $product->initialbillitemid;
        $event->eventtype = 'billed';
        $event->datecreated = $now;
        $DB->insert_record('local_shop_productevent', $event);
    }

    /**
     * The enrolment each new seat of a course relates to: the person's enrolment in the course's
     * manual instance (the one this handler writes), one query per chunk, loaded once.
     *
     * Every seat records it, whoever made it: whether a refund may remove it is the seat's
     * extradata (ownsenrolment, set when this plan made the enrolment) and seat_manager's rules.
     * A person with access through another instance only (self, cohort...) gets instanceid 0.
     *
     * @param int $courseid
     * @return array userid => user_enrolments.id
     */
    protected function enrolment_ids(int $courseid): array {
        global $DB;

        if (isset($this->ueids[$courseid])) {
            return $this->ueids[$courseid];
        }
        $userids = [];
        foreach ($this->plan['operations'] ?? [] as $op) {
            if (($op['op'] ?? '') === 'create_product' && (int) $op['courseid'] === $courseid) {
                $userids[] = $this->resolve($op);
            }
        }
        $map = [];
        $manualid = isset($this->instances[$courseid]) ? (int) $this->instances[$courseid]->id : 0;
        foreach (array_chunk(array_values(array_unique($userids)), facts_collector::chunk_size($DB)) as $chunk) {
            [$in, $params] = $DB->get_in_or_equal($chunk, SQL_PARAMS_NAMED, 'pu');
            $params['courseid'] = $courseid;
            $sql = "SELECT ue.id, ue.userid, ue.enrolid
                      FROM {user_enrolments} ue
                      JOIN {enrol} e ON e.id = ue.enrolid
                     WHERE e.courseid = :courseid AND ue.userid $in";
            $rs = $DB->get_recordset_sql($sql, $params);
            foreach ($rs as $r) {
                if ((int) $r->enrolid === $manualid) {
                    $map[(int) $r->userid] = (int) $r->id;
                }
            }
            $rs->close();
        }
        $this->ueids[$courseid] = $map;
        return $map;
    }

    /**
     * local_shop's Product::compile_production_data() format: key=urlencoded value, joined by '&'.
     *
     * @param array $data
     * @return string
     */
    public static function compile_production_data(array $data): string {
        $pairs = [];
        foreach ($data as $key => $value) {
            $pairs[] = $key . '=' . urlencode((string) $value);
        }
        return implode('&', $pairs);
    }
}
