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
 * Runs the bulk queries between the two phases of shop_setup_session().
 *
 * @package    shophandlers_std_setuponecoursesession
 * @copyright  2026 shop_setup contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

namespace shophandlers_std_setuponecoursesession;

/**
 * Turns the phase-1 lookups into the $facts of docs/session-contract.md.
 *
 * Every query is a bulk query: the number of queries depends on the number of chunks of
 * CHUNK_SIZE identifiers, never on the number of participants inside a chunk. It only reads.
 */
class facts_collector {

    /** Identifiers per IN list: far below PostgreSQL's 65,535 bound parameters. */
    const CHUNK_SIZE = 2000;

    /** Identifiers per IN list on Oracle, which refuses a list of more than 1,000 (ORA-01795). */
    const ORACLE_CHUNK_SIZE = 1000;

    /** White space removed from a stored address before it is compared (users()): tab, no-break
     * space, byte-order mark. Spaces are trimmed by LTRIM(RTRIM()); a line break is not white space
     * here, since the planner refuses an address holding one, as Moodle's validate_email() does. */
    const EMAIL_WHITESPACE = ["\t", "\u{00A0}", "\u{FEFF}"];

    /** @var \moodle_database */
    protected $db;

    /** @var int $CFG->mnet_localhost_id */
    protected $localhostid;

    /** @var int[] site administrators ($CFG->siteadmins) */
    protected $siteadmins;

    /** @var int */
    protected $chunksize;

    /** @var array courseid => enabled manual enrol instance (lowest sortorder), filled by collect() */
    public $enrolinstances = [];

    /** @var array|null the operator's account (id, deleted, suspended, auth), null when there is none, filled by collect() */
    public $operator = null;

    /** @var array|null another group of the course whose idnumber groups_create_group() takes for the order's (id, idnumber) */
    public $groupconflict = null;

    /** @var int number of SQL statements sent by the last collect() */
    public $queries = 0;

    /**
     * Constructor.
     *
     * @param \moodle_database $db
     * @param int $localhostid
     * @param int[] $siteadmins
     * @param int|null $chunksize identifiers per IN list; null: chunk_size($db)
     */
    public function __construct($db, int $localhostid, array $siteadmins, ?int $chunksize = null) {
        $this->db = $db;
        $this->localhostid = $localhostid;
        $this->siteadmins = array_values(array_unique(array_map('intval', $siteadmins)));
        $this->chunksize = max(1, $chunksize ?? self::chunk_size($db));
    }

    /**
     * Identifiers per IN list the database accepts.
     *
     * @param \moodle_database $db
     * @return int
     */
    public static function chunk_size($db): int {
        return $db->get_dbfamily() === 'oracle' ? self::ORACLE_CHUNK_SIZE : self::CHUNK_SIZE;
    }

    /**
     * Collects the facts.
     *
     * @param array $lookups the 'lookups' of phase 1
     * @param array $order the order (for billitemid, transactionid and referencescope)
     * @return array $facts
     */
    public function collect(array $lookups, array $order): array {
        $this->queries = 0;
        $this->enrolinstances = [];
        $operatorid = (int) ($lookups['operatorid'] ?? 0);
        $this->operator = null;
        $this->groupconflict = null;
        if ($operatorid > 0) {
            $rows = $this->rows("SELECT u.id, u.deleted, u.suspended, u.auth FROM {user} u WHERE u.id = :operatorid",
                ['operatorid' => $operatorid]);
            $this->operator = $rows ? $rows[0] : null;
        }

        $facts = [
            'course' => null,
            'supportcourse' => null,
            'roles' => [],
            'users' => [],
            'usernames' => [],
            'privileged' => [],
            'enrolments' => [],
            'group' => null,
            'roleassignments' => [],
            'products' => [],
        ];

        $facts['users'] = $this->users($lookups['emails'] ?? []);
        $facts['usernames'] = $this->usernames($lookups['usernames'] ?? []);

        // The session's course is named by its short name, which may be all digits ("2025"); the
        // support course by id only when phase 1 made it an int (customersupport given as a number).
        $course = $this->course($lookups['course'] ?? null, false);
        $sc = $lookups['supportcourse'] ?? null;
        $support = $this->course($sc, is_int($sc));
        $courseids = [];
        if ($course) {
            $facts['course'] = ['id' => (int) $course['id'], 'startdate' => (int) $course['startdate']];
            $courseids[] = (int) $course['id'];
        }
        if ($support) {
            $facts['supportcourse'] = ['id' => (int) $support['id']];
            $courseids[] = (int) $support['id'];
        }
        $courseids = array_values(array_unique($courseids));
        $this->enrolinstances = $this->manual_instances($courseids);

        // Optional roles (customerrole at its default): looked up with the others; a site without
        // one leaves it out of the facts, and the planner gives way with a warning.
        $facts['roles'] = $this->roles(array_values(array_unique(array_merge($lookups['roles'] ?? [],
            $lookups['optionalroles'] ?? []))));

        $userids = [];
        foreach ($facts['users'] as $u) {
            $userids[] = $u['id'];
        }
        $people = $userids;
        if ($operatorid > 0) {
            $people[] = $operatorid;
        }
        $people = array_values(array_unique($people));

        $facts['enrolments'] = $this->enrolments($courseids, $people);

        if ($course && isset($lookups['groupidnumber']) && $lookups['groupidnumber'] !== '') {
            $facts['group'] = $this->group((int) $course['id'], (string) $lookups['groupidnumber']);
        }

        if ($operatorid > 0) {
            $facts['roleassignments'] = $this->user_context_roles($operatorid, array_values(array_diff($userids,
                [$operatorid])));
        }
        $facts['privileged'] = $this->privileged($people);
        // References start with the transaction id as the planner uses it: trimmed, as Moodle stores the group's idnumber.
        $facts['products'] = $this->products((int) ($order['billitemid'] ?? 0), trim((string) ($order['transactionid'] ?? '')),
            (string) ($order['referencescope'] ?? ''));

        return $facts;
    }

    /**
     * Local, non-deleted accounts whose lower-cased email is one of the match keys.
     *
     * The stored address is trimmed before it is lowered: the match key is, and Moodle's forms
     * store addresses trimmed, but imports and external authentication may not. Without it " Jean@x.fr"
     * was missed on PostgreSQL and Oracle (and a leading space on MySQL), and the person got a
     * second account. LTRIM(RTRIM()) exists on all four database families but trims spaces only;
     * the other white space imports carry that the match key is trimmed of (a tab, a no-break space,
     * a byte-order mark) is removed with REPLACE() first, wherever it is: none can be inside an
     * address Moodle accepts, and the planner still decides on the stored address as it is. LOWER()
     * already keeps the index on email out of this query.
     *
     * @param string[] $emails
     * @return array
     */
    protected function users(array $emails): array {
        $out = [];
        $email = 'u.email';
        $strip = [];
        foreach (self::EMAIL_WHITESPACE as $k => $char) {
            $email = "REPLACE($email, :ws$k, '')";
            $strip["ws$k"] = $char;
        }
        foreach ($this->chunks($emails) as $chunk) {
            [$in, $params] = $this->db->get_in_or_equal($chunk, SQL_PARAMS_NAMED, 'em');
            $params['localhost'] = $this->localhostid;
            $params += $strip;
            $sql = "SELECT u.id, u.email, u.username, u.auth, u.suspended, u.deleted
                      FROM {user} u
                     WHERE u.mnethostid = :localhost AND u.deleted = 0 AND LOWER(LTRIM(RTRIM($email))) $in";
            foreach ($this->rows($sql, $params) as $r) {
                $out[] = [
                    'id' => (int) $r['id'],
                    'email' => (string) $r['email'],
                    'username' => (string) $r['username'],
                    'auth' => (string) $r['auth'],
                    'suspended' => (int) $r['suspended'],
                    'deleted' => (int) $r['deleted'],
                ];
            }
        }
        return $out;
    }

    /**
     * Taken usernames starting with a candidate base (a superset of what the planner needs).
     *
     * @param string[] $bases
     * @return string[]
     */
    protected function usernames(array $bases): array {
        $out = [];
        foreach ($this->chunks($bases) as $chunk) {
            $likes = [];
            $params = ['localhost' => $this->localhostid];
            foreach (array_values($chunk) as $i => $base) {
                $likes[] = $this->db->sql_like('u.username', ':un' . $i, false, false);
                $params['un' . $i] = $this->db->sql_like_escape((string) $base) . '%';
            }
            $sql = "SELECT u.id, u.username
                      FROM {user} u
                     WHERE u.mnethostid = :localhost AND (" . implode(' OR ', $likes) . ")";
            foreach ($this->rows($sql, $params) as $r) {
                $out[(string) $r['username']] = true;
            }
        }
        $names = array_keys($out);
        sort($names, SORT_STRING);
        return array_map('strval', $names);
    }

    /**
     * Which of the names a plan gives new accounts the database already holds, by its own comparison.
     *
     * The unique index on {user}(mnethostid, username) compares with the column's collation. On
     * MySQL's defaults "anna.straße" equals "anna.strasse" (and a decomposed "é" a composed one),
     * while the LIKE usernames() sends compares character by character and does not return it:
     * the planner would hand out a name whose insert fails. One IN query per chunk answers with the
     * index's comparison; only when it finds something are the names bisected to tell which.
     *
     * @param string[] $names
     * @return array each name given that is taken => the usernames the database found equal to it
     */
    public function taken_usernames(array $names): array {
        $taken = [];
        foreach ($this->chunks($names) as $chunk) {
            $this->taken_in($chunk, $taken);
        }
        ksort($taken, SORT_STRING);
        return $taken;
    }

    /**
     * taken_usernames() for one chunk: the chunk at once, then its halves while it finds any.
     *
     * @param string[] $names
     * @param array $taken filled in: name => usernames found equal to it
     */
    protected function taken_in(array $names, array &$taken): void {
        [$in, $params] = $this->db->get_in_or_equal($names, SQL_PARAMS_NAMED, 'tu');
        $params['localhost'] = $this->localhostid;
        $rows = $this->rows("SELECT u.id, u.username FROM {user} u WHERE u.mnethostid = :localhost AND u.username $in", $params);
        if (!$rows) {
            return;
        }
        if (count($names) === 1) {
            $taken[(string) $names[0]] = array_map(fn($r) => (string) $r['username'], $rows);
            return;
        }
        $half = intdiv(count($names), 2);
        $this->taken_in(array_slice($names, 0, $half), $taken);
        $this->taken_in(array_slice($names, $half), $taken);
    }

    /**
     * A course by short name, or by id.
     *
     * @param string|int|null $key
     * @param bool $byid $key is a course id
     * @return array|null
     */
    protected function course($key, bool $byid): ?array {
        if ($key === null || $key === '') {
            return null;
        }
        if ($byid) {
            $sql = "SELECT c.id, c.shortname, c.startdate FROM {course} c WHERE c.id = :id";
            $params = ['id' => (int) $key];
        } else {
            $sql = "SELECT c.id, c.shortname, c.startdate FROM {course} c WHERE c.shortname = :shortname ORDER BY c.id";
            $params = ['shortname' => (string) $key];
        }
        $rows = $this->rows($sql, $params);
        return $rows ? $rows[0] : null;
    }

    /**
     * Enabled manual enrol instances of the courses, first by sortorder.
     *
     * @param int[] $courseids
     * @return array courseid => instance record
     */
    protected function manual_instances(array $courseids): array {
        if (!$courseids) {
            return [];
        }
        [$in, $params] = $this->db->get_in_or_equal($courseids, SQL_PARAMS_NAMED, 'mc');
        $params['manual'] = 'manual';
        $params['enabled'] = ENROL_INSTANCE_ENABLED;
        $sql = "SELECT e.*
                  FROM {enrol} e
                 WHERE e.enrol = :manual AND e.status = :enabled AND e.courseid $in
              ORDER BY e.sortorder, e.id";
        $out = [];
        foreach ($this->rows($sql, $params) as $r) {
            $cid = (int) $r['courseid'];
            if (!isset($out[$cid])) {
                $out[$cid] = (object) $r;
            }
        }
        return $out;
    }

    /**
     * Role ids by shortname.
     *
     * @param string[] $shortnames
     * @return array shortname => id
     */
    protected function roles(array $shortnames): array {
        if (!$shortnames) {
            return [];
        }
        [$in, $params] = $this->db->get_in_or_equal(array_values($shortnames), SQL_PARAMS_NAMED, 'rs');
        $out = [];
        foreach ($this->rows("SELECT r.id, r.shortname FROM {role} r WHERE r.shortname $in", $params) as $r) {
            $out[(string) $r['shortname']] = (int) $r['id'];
        }
        ksort($out, SORT_STRING);
        return $out;
    }

    /**
     * Enrolments of these people in these courses, with their roles in the course context.
     *
     * An enrolment counts as active as Moodle counts it (enrol_get_my_courses(), is_enrolled() with
     * $onlyactive): the user's enrolment active, its instance enabled, its plugin enabled on the
     * site. Otherwise its status is given as suspended (1). Every row is passed on, with its method
     * ('enrol'): when a person has several enrolments in a course, the planner chooses the one it
     * goes by (docs/session-contract.md, "Existing enrolments").
     *
     * @param int[] $courseids
     * @param int[] $userids
     * @return array
     */
    protected function enrolments(array $courseids, array $userids): array {
        if (!$courseids || !$userids) {
            return [];
        }
        $rows = [];
        $roles = [];
        foreach ($this->chunks($userids) as $chunk) {
            [$cin, $cparams] = $this->db->get_in_or_equal($courseids, SQL_PARAMS_NAMED, 'ec');
            [$uin, $uparams] = $this->db->get_in_or_equal($chunk, SQL_PARAMS_NAMED, 'eu');
            $sql = "SELECT ue.id, ue.userid, ue.status, ue.timestart, ue.timeend, e.courseid, e.enrol,
                           e.status AS instancestatus
                      FROM {user_enrolments} ue
                      JOIN {enrol} e ON e.id = ue.enrolid
                     WHERE e.courseid $cin AND ue.userid $uin";
            foreach ($this->rows($sql, $cparams + $uparams) as $r) {
                if ((int) $r['instancestatus'] !== ENROL_INSTANCE_ENABLED || !enrol_is_enabled((string) $r['enrol'])) {
                    $r['status'] = ENROL_USER_SUSPENDED;
                }
                $rows[] = $r;
            }
            [$cin, $cparams] = $this->db->get_in_or_equal($courseids, SQL_PARAMS_NAMED, 'rc');
            [$uin, $uparams] = $this->db->get_in_or_equal($chunk, SQL_PARAMS_NAMED, 'ru');
            $cparams['courselevel'] = CONTEXT_COURSE;
            $sql = "SELECT ra.id, ra.userid, ra.roleid, ctx.instanceid AS courseid
                      FROM {role_assignments} ra
                      JOIN {context} ctx ON ctx.id = ra.contextid
                     WHERE ctx.contextlevel = :courselevel AND ctx.instanceid $cin AND ra.userid $uin";
            foreach ($this->rows($sql, $cparams + $uparams) as $r) {
                $roles[(int) $r['courseid'] . ':' . (int) $r['userid']][(int) $r['roleid']] = true;
            }
        }
        $out = [];
        foreach ($rows as $r) {
            $rids = array_keys($roles[(int) $r['courseid'] . ':' . (int) $r['userid']] ?? []);
            sort($rids);
            $out[] = [
                'courseid' => (int) $r['courseid'],
                'userid' => (int) $r['userid'],
                'status' => (int) $r['status'],
                'timestart' => (int) $r['timestart'],
                'timeend' => (int) $r['timeend'],
                'roles' => $rids,
                'enrol' => (string) $r['enrol'],
            ];
        }
        return $out;
    }

    /**
     * The order's group (course, idnumber) and its members.
     *
     * Found the way groups_create_group() will look for it, not by the database's comparison:
     * groups_get_group_by_idnumber() compares in PHP, loosely, over the course's groups. An SQL
     * equality would answer differently both ways: on MySQL and SQL Server "order-abc" equals
     * another order's "ORDER-ABC" (its group would be reused, the sessions merged), and "00042"
     * equals no "42" there, while PHP's == says it does (groups_create_group() would then throw
     * idnumbertaken at every run). The order's group is the one whose idnumber is exactly the
     * trimmed transaction id; a group that only == says is it is a conflict (groupconflict), which
     * the runner refuses before writing. PHP 8's == compares two strings loosely only when both are
     * numeric: for any other transaction id the groups the database finds equal are enough (then
     * compared exactly), and only a numeric one reads all the course's groups.
     *
     * @param int $courseid
     * @param string $idnumber
     * @return array|null
     */
    protected function group(int $courseid, string $idnumber): ?array {
        // groups_create_group() stores trim($idnumber): look for what it stored.
        $idnumber = trim($idnumber);
        $groupid = 0;
        if (is_numeric($idnumber)) {
            $sql = "SELECT g.id, g.idnumber FROM {groups} g WHERE g.courseid = :courseid ORDER BY g.id";
            $params = ['courseid' => $courseid];
        } else {
            $sql = "SELECT g.id, g.idnumber FROM {groups} g WHERE g.courseid = :courseid AND g.idnumber = :idnumber ORDER BY g.id";
            $params = ['courseid' => $courseid, 'idnumber' => $idnumber];
        }
        foreach ($this->rows($sql, $params) as $g) {
            $stored = (string) $g['idnumber'];
            if ($stored === $idnumber) {
                $groupid = (int) $g['id'];
                $this->groupconflict = null;
                break;
            }
            if ($this->groupconflict === null && $stored !== '' && !empty($idnumber) && $stored == $idnumber) {
                $this->groupconflict = ['id' => (int) $g['id'], 'idnumber' => $stored];
            }
        }
        if (!$groupid) {
            return null;
        }
        $members = [];
        foreach ($this->rows("SELECT gm.id, gm.userid FROM {groups_members} gm WHERE gm.groupid = :groupid",
                ['groupid' => $groupid]) as $r) {
            $members[] = (int) $r['userid'];
        }
        sort($members);
        return ['id' => $groupid, 'members' => array_values(array_unique($members))];
    }

    /**
     * Role assignments between the operator and the users, in user contexts, both ways.
     *
     * @param int $operatorid
     * @param int[] $userids
     * @return array
     */
    protected function user_context_roles(int $operatorid, array $userids): array {
        $out = [];
        foreach ($this->chunks($userids) as $chunk) {
            [$in1, $p1] = $this->db->get_in_or_equal($chunk, SQL_PARAMS_NAMED, 'ca');
            [$in2, $p2] = $this->db->get_in_or_equal($chunk, SQL_PARAMS_NAMED, 'cb');
            $params = $p1 + $p2 + ['userlevel' => CONTEXT_USER, 'op1' => $operatorid, 'op2' => $operatorid];
            $sql = "SELECT ra.id, ra.roleid, ra.userid, ctx.instanceid AS contextuserid
                      FROM {role_assignments} ra
                      JOIN {context} ctx ON ctx.id = ra.contextid
                     WHERE ctx.contextlevel = :userlevel
                       AND ((ra.userid = :op1 AND ctx.instanceid $in1) OR (ctx.instanceid = :op2 AND ra.userid $in2))";
            foreach ($this->rows($sql, $params) as $r) {
                $out[] = [
                    'roleid' => (int) $r['roleid'],
                    'userid' => (int) $r['userid'],
                    'contextuserid' => (int) $r['contextuserid'],
                ];
            }
        }
        return $out;
    }

    /**
     * Site admins plus these people when they hold any role in the system context.
     *
     * @param int[] $userids
     * @return int[]
     */
    protected function privileged(array $userids): array {
        $out = array_fill_keys($this->siteadmins, true);
        foreach ($this->chunks($userids) as $chunk) {
            [$in, $params] = $this->db->get_in_or_equal($chunk, SQL_PARAMS_NAMED, 'pu');
            $params['systemlevel'] = CONTEXT_SYSTEM;
            $sql = "SELECT ra.id, ra.userid
                      FROM {role_assignments} ra
                      JOIN {context} ctx ON ctx.id = ra.contextid
                     WHERE ctx.contextlevel = :systemlevel AND ra.userid $in";
            foreach ($this->rows($sql, $params) as $r) {
                $out[(int) $r['userid']] = true;
            }
        }
        $ids = array_keys($out);
        sort($ids);
        return $ids;
    }

    /**
     * Product references already recorded for this bill item (or, without one, this transaction).
     *
     * With a bill item, only its own records count: the bill's other items share the transaction
     * id, and a person with a seat in one of them needs a record of their own in this one. Their
     * references end with the order's referencescope (the bill item id); records made before it
     * existed ("<transactionid>-<13 characters>") are given in both forms, so that a re-run after
     * an upgrade finds them.
     *
     * @param int $billitemid
     * @param string $transactionid trimmed, as the planner uses it
     * @param string $scope the order's referencescope
     * @return string[]
     */
    protected function products(int $billitemid, string $transactionid, string $scope = ''): array {
        if ($billitemid > 0) {
            $sql = "SELECT p.id, p.reference FROM {local_shop_product} p WHERE p.initialbillitemid = :billitemid";
            $params = ['billitemid' => $billitemid];
        } else if ($transactionid !== '') {
            $sql = "SELECT p.id, p.reference FROM {local_shop_product} p WHERE " . $this->db->sql_like('p.reference', ':refprefix');
            // sql_like_escape() escapes _ and % but not the escape character itself: a backslash in
            // the transaction id would escape what follows it.
            $params = ['refprefix' => $this->db->sql_like_escape(str_replace('\\', '\\\\', $transactionid)) . '%'];
        } else {
            return [];
        }
        $unscoped = $scope !== '' && $transactionid !== ''
            ? '/^' . preg_quote($transactionid, '/') . '-[0-9A-HJKMNP-TV-Z]{13}$/D' : null;
        $refs = [];
        foreach ($this->rows($sql, $params) as $r) {
            $reference = (string) $r['reference'];
            $refs[$reference] = true;
            if ($unscoped !== null && preg_match($unscoped, $reference)) {
                $refs[$reference . '-' . $scope] = true;
            }
        }
        $refs = array_keys($refs);
        sort($refs, SORT_STRING);
        return array_map('strval', $refs);
    }

    /**
     * Splits a list into chunks of at most chunksize unique values.
     *
     * @param array $values
     * @return array[]
     */
    protected function chunks(array $values): array {
        $values = array_values(array_unique($values, SORT_REGULAR));
        if (!$values) {
            return [];
        }
        return array_chunk($values, $this->chunksize);
    }

    /**
     * Runs one query and returns its rows as arrays.
     *
     * @param string $sql
     * @param array $params
     * @return array[]
     */
    protected function rows(string $sql, array $params): array {
        $this->queries++;
        $rs = $this->db->get_recordset_sql($sql, $params);
        $out = [];
        foreach ($rs as $r) {
            $out[] = (array) $r;
        }
        $rs->close();
        return $out;
    }
}
