<?php
// Part of the shop_setup test suite. GNU GPL v3 or later.
//
// A tiny fake of the Moodle globals and functions the std_setuponecoursesession handler calls,
// so its classes run in plain PHP (no Moodle site). Writes go to in-memory tables; every database
// call and every Moodle API call is logged so tests can count and inspect them.

namespace {

define('MOODLE_INTERNAL', true);
define('SQL_PARAMS_NAMED', 1);
define('CONTEXT_SYSTEM', 10);
define('CONTEXT_USER', 30);
define('CONTEXT_COURSE', 50);
define('ENROL_INSTANCE_ENABLED', 0);
define('ENROL_INSTANCE_DISABLED', 1);
define('ENROL_USER_ACTIVE', 0);
define('ENROL_USER_SUSPENDED', 1);
define('FORMAT_HTML', 1);
define('MATURITY_BETA', 100);
define('HANDLER_DIR', dirname(__DIR__, 2) . '/moodle/std_setuponecoursesession');

$CFG = (object) [
    'dirroot' => __DIR__ . '/fakeroot',
    'mnet_localhost_id' => 1,
    'siteadmins' => '2',
    'country' => 'FR',
    'enrol_plugins_enabled' => 'manual,guest,self,cohort',
];
$FAKE_LOG = [];
$FAKE_TRACE = [];
// The session's user (nobody logged in: id 0) and the system capabilities fake_can() grants them.
$USER = (object) ['id' => 0];
$FAKE_CAPS = [];
$FAKE_LANG = 'en';
$FAKE_CONFIG = [];

spl_autoload_register(function ($class) {
    $prefix = 'shophandlers_std_setuponecoursesession\\';
    if (strncmp($class, $prefix, strlen($prefix)) === 0) {
        $file = HANDLER_DIR . '/classes/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});

class coding_exception extends \Exception {
}

class moodle_exception extends \Exception {
    public function __construct($errorcode, $module = '', $link = '', $a = null, $debuginfo = null) {
        parent::__construct($module === '' ? (string) $errorcode : "$module/$errorcode");
    }
}

/** ctype_digit() without ext/ctype (tests run with php -n). */
function ctype_digit_str(string $s): bool {
    return $s !== '' && strspn($s, '0123456789') === strlen($s);
}

function fake_log(string $fn, ...$args): void {
    $GLOBALS['FAKE_LOG'][] = array_merge([$fn], $args);
}

/** Calls to one logged function. */
function fake_calls(string $fn): array {
    return array_values(array_filter($GLOBALS['FAKE_LOG'], fn($c) => $c[0] === $fn));
}

/** Loads one language file of the handler. */
function fake_strings(string $lang): array {
    static $cache = [];
    if (!isset($cache[$lang])) {
        $string = [];
        include HANDLER_DIR . "/lang/$lang/shophandlers_std_setuponecoursesession.php";
        $cache[$lang] = $string;
    }
    return $cache[$lang];
}

/** Moodle's get_string(): strict for the handler (a missing string is an exception). */
class moodle_url {
    public $path;
    public $params;
    public function __construct($path, array $params = []) {
        $this->path = $path;
        $this->params = $params;
    }
    public function out() {
        return $this->path . ($this->params ? '?' . http_build_query($this->params) : '');
    }
}

class html_writer {
    public static function link($url, $text) {
        return '<a href="' . s($url instanceof moodle_url ? $url->out() : $url) . '">' . $text . '</a>';
    }
}

function fullname($user) {
    return s($user->firstname . ' ' . $user->lastname);
}

function isloggedin() {
    return !empty($GLOBALS['USER']->id);
}

function isguestuser($user = null) {
    return false;
}

function has_capability($capability, $context, $user = null, $doanything = true) {
    return !empty($GLOBALS['FAKE_CAPS'][$capability]);
}

function get_string($identifier, $component = '', $a = null) {
    if ($component !== 'shophandlers_std_setuponecoursesession') {
        return "[$component:$identifier]";
    }
    $strings = fake_strings($GLOBALS['FAKE_LANG']);
    if (!array_key_exists($identifier, $strings)) {
        throw new coding_exception("Missing string $identifier in lang {$GLOBALS['FAKE_LANG']}");
    }
    $s = $strings[$identifier];
    if (is_object($a) || is_array($a)) {
        foreach ((array) $a as $k => $v) {
            if (is_scalar($v)) {
                $s = str_replace('{$a->' . $k . '}', (string) $v, $s);
            }
        }
        if (preg_match('/\{\$a->(\w+)\}/', $s, $m)) {
            throw new coding_exception("String $identifier uses {\$a->{$m[1]}} that the caller does not give");
        }
    } else if ($a !== null) {
        $s = str_replace('{$a}', (string) $a, $s);
    }
    return $s;
}

function s($var) {
    return htmlspecialchars((string) $var, ENT_QUOTES | ENT_HTML401 | ENT_SUBSTITUTE);
}

function get_config($plugin, $name = null) {
    return $GLOBALS['FAKE_CONFIG'][$plugin][$name] ?? false;
}

function mtrace($s) {
    $GLOBALS['FAKE_TRACE'][] = $s;
}

function user_create_user($user, $updatepassword = true, $triggerevent = true) {
    global $DB;
    fake_log('user_create_user', clone $user, $updatepassword, $triggerevent);
    if (empty($user->username) || $user->username !== strtolower($user->username)) {
        throw new moodle_exception('invalidusername');
    }
    foreach ($DB->tables['user'] ?? [] as $u) {
        if ($u['username'] === $user->username && (int) $u['mnethostid'] === (int) $user->mnethostid) {
            throw new moodle_exception('usernameexists');
        }
    }
    $row = (array) $user + ['deleted' => 0, 'suspended' => 0];
    $id = $DB->raw_insert('user', $row);
    context_user::instance($id);
    return $id;
}

function set_user_preference($name, $value, $user = null) {
    global $DB;
    $userid = is_object($user) ? $user->id : (int) $user;
    fake_log('set_user_preference', $name, (string) $value, $userid);
    $DB->raw_insert('user_preferences', ['userid' => $userid, 'name' => $name, 'value' => (string) $value]);
    return true;
}

function groups_create_group($data) {
    global $DB;
    fake_log('groups_create_group', clone $data);
    $data = clone $data;
    $data->idnumber = trim((string) ($data->idnumber ?? ''));   // As group/lib.php stores it.
    $data->name = trim((string) $data->name);
    foreach ($DB->tables['groups'] ?? [] as $g) {
        // groups_get_group_by_idnumber(): empty() and a loose == over the course's groups.
        if ((int) $g['courseid'] === (int) $data->courseid && !empty($data->idnumber) && $g['idnumber'] == $data->idnumber) {
            throw new moodle_exception('idnumbertaken');
        }
    }
    return $DB->raw_insert('groups', (array) $data);
}

function groups_add_member($grouporid, $userorid) {
    global $DB;
    fake_log('groups_add_member', (int) $grouporid, (int) $userorid);
    // As group/lib.php: false (no exception) for a deleted account or one not enrolled in the course.
    $user = $DB->tables['user'][(int) $userorid] ?? null;
    $group = $DB->tables['groups'][(int) $grouporid] ?? null;
    if (!$user || !$group) {
        throw new moodle_exception('invalidrecord');
    }
    if (!empty($user['deleted'])) {
        return false;
    }
    $enrolled = false;
    foreach ($DB->tables['user_enrolments'] ?? [] as $ue) {
        $e = $DB->tables['enrol'][$ue['enrolid']] ?? null;
        if ($e && (int) $e['courseid'] === (int) $group['courseid'] && (int) $ue['userid'] === (int) $userorid) {
            $enrolled = true;
        }
    }
    if (!$enrolled) {
        return false;
    }
    foreach ($DB->tables['groups_members'] ?? [] as $m) {
        if ((int) $m['groupid'] === (int) $grouporid && (int) $m['userid'] === (int) $userorid) {
            return true;
        }
    }
    $DB->raw_insert('groups_members', ['groupid' => (int) $grouporid, 'userid' => (int) $userorid]);
    return true;
}

function role_assign($roleid, $userid, $contextid, $component = '', $itemid = 0, $timemodified = '') {
    global $DB;
    fake_log('role_assign', (int) $roleid, (int) $userid, (int) $contextid);
    if (empty($userid) || empty($roleid)) {
        throw new coding_exception('role_assign without user or role');
    }
    foreach ($DB->tables['role_assignments'] ?? [] as $id => $ra) {
        if ($ra['roleid'] == $roleid && $ra['userid'] == $userid && $ra['contextid'] == $contextid) {
            return $id;
        }
    }
    return $DB->raw_insert('role_assignments', ['roleid' => (int) $roleid, 'userid' => (int) $userid,
        'contextid' => (int) $contextid]);
}

/** lib/accesslib.php: the context levels where a role may be assigned (role_context_levels). */
function get_role_contextlevels($roleid) {
    global $DB;
    $out = [];
    foreach ($DB->tables['role_context_levels'] ?? [] as $id => $r) {
        if ((int) $r['roleid'] === (int) $roleid) {
            $out[$id] = (string) $r['contextlevel'];
        }
    }
    return $out;
}

/** lib/enrollib.php: whether the site has this enrolment plugin enabled ($CFG->enrol_plugins_enabled). */
function enrol_is_enabled($enrol) {
    global $CFG;
    return in_array($enrol, explode(',', (string) $CFG->enrol_plugins_enabled), true);
}

function enrol_get_plugin($name) {
    return new fake_enrol_plugin($name);
}

class fake_enrol_plugin {
    public $name;
    public function __construct($name) {
        $this->name = $name;
    }
    public function enrol_user($instance, $userid, $roleid = null, $timestart = 0, $timeend = 0, $status = null) {
        global $DB;
        fake_log('enrol_user', (int) $instance->id, (int) $userid, $roleid, $timestart, $timeend, $status);
        if (empty($userid)) {
            throw new coding_exception('enrol_user without user');
        }
        $found = null;
        foreach ($DB->tables['user_enrolments'] ?? [] as $id => $ue) {
            if ((int) $ue['enrolid'] === (int) $instance->id && (int) $ue['userid'] === (int) $userid) {
                $found = $id;
            }
        }
        $row = ['enrolid' => (int) $instance->id, 'userid' => (int) $userid, 'status' => (int) $status,
            'timestart' => (int) $timestart, 'timeend' => (int) $timeend];
        if ($found === null) {
            $DB->raw_insert('user_enrolments', $row);
        } else {
            $DB->tables['user_enrolments'][$found] = ['id' => $found] + $row;
        }
        if ($roleid) {
            role_assign($roleid, $userid, context_course::instance($instance->courseid)->id);
        }
    }
    public function unenrol_user($instance, $userid) {
        global $DB;
        fake_log('unenrol_user', (int) $instance->id, (int) $userid);
        foreach ($DB->tables['user_enrolments'] ?? [] as $id => $ue) {
            if ((int) $ue['enrolid'] === (int) $instance->id && (int) $ue['userid'] === (int) $userid) {
                unset($DB->tables['user_enrolments'][$id]);
            }
        }
    }
    public function update_user_enrol($instance, $userid, $status = null, $timestart = null, $timeend = null) {
        global $DB;
        fake_log('update_user_enrol', (int) $instance->id, (int) $userid, $status);
        foreach ($DB->tables['user_enrolments'] ?? [] as $id => $ue) {
            if ((int) $ue['enrolid'] === (int) $instance->id && (int) $ue['userid'] === (int) $userid) {
                $DB->tables['user_enrolments'][$id]['status'] = (int) $status;
            }
        }
    }
}

abstract class fake_context {
    public $id;
    public $instanceid;
    protected static function get(int $level, int $instanceid) {
        global $DB;
        foreach ($DB->tables['context'] ?? [] as $id => $c) {
            if ((int) $c['contextlevel'] === $level && (int) $c['instanceid'] === $instanceid) {
                $ctx = new static();
                $ctx->id = $id;
                $ctx->instanceid = $instanceid;
                return $ctx;
            }
        }
        $ctx = new static();
        $ctx->id = $DB->raw_insert('context', ['contextlevel' => $level, 'instanceid' => $instanceid]);
        $ctx->instanceid = $instanceid;
        return $ctx;
    }
}

class context_user extends fake_context {
    public static function instance($userid) {
        return static::get(CONTEXT_USER, (int) $userid);
    }
}

class context_course extends fake_context {
    public static function instance($courseid) {
        return static::get(CONTEXT_COURSE, (int) $courseid);
    }
}

class context_system extends fake_context {
    public static function instance() {
        return static::get(CONTEXT_SYSTEM, 0);
    }
}

class fake_recordset extends \ArrayIterator {
    public function close() {
    }
}

class fake_transaction {
    protected $db;
    protected $snapshot;
    public function __construct($db) {
        $this->db = $db;
        $this->snapshot = $db->tables;
    }
    public function allow_commit() {
        fake_log('commit');
        $this->db->intransaction = false;
    }
    public function rollback($e) {
        fake_log('rollback', get_class($e));
        $this->db->tables = $this->snapshot;
        $this->db->intransaction = false;
        throw $e;
    }
}

/**
 * In-memory tables plus the handful of moodle_database methods the handler calls.
 * Every call that would reach a real database is counted in $queries.
 */
class fake_db {
    public $tables = [];
    public $queries = [];
    public $intransaction = false;
    protected $next = [];
    protected static $paramcounter = 1;

    public function raw_insert(string $table, array $row): int {
        $id = $this->next[$table] ?? 1000;
        $this->next[$table] = $id + 1;
        if (isset($row['id'])) {
            $id = (int) $row['id'];
            $this->next[$table] = max($this->next[$table], $id + 1);
        }
        $this->tables[$table][$id] = ['id' => $id] + $row;
        return $id;
    }

    public function seed(string $table, array $rows): void {
        foreach ($rows as $r) {
            $this->raw_insert($table, $r);
        }
    }

    public function insert_record($table, $obj) {
        $this->queries[] = ['insert_record', $table];
        $row = (array) $obj;
        unset($row['id']);
        return $this->raw_insert($table, $row);
    }

    public function get_record($table, array $conds, $fields = '*') {
        $this->queries[] = ['get_record', $table];
        foreach ($this->tables[$table] ?? [] as $row) {
            $ok = true;
            foreach ($conds as $k => $v) {
                if (!array_key_exists($k, $row) || (string) $row[$k] !== (string) $v) {
                    $ok = false;
                    break;
                }
            }
            if ($ok) {
                return (object) $row;
            }
        }
        return false;
    }

    public function get_records($table, array $conds = [], $sort = '', $fields = '*') {
        $this->queries[] = ['get_records', $table];
        $out = [];
        foreach ($this->tables[$table] ?? [] as $id => $row) {
            foreach ($conds as $k => $v) {
                if (!array_key_exists($k, $row) || (string) $row[$k] !== (string) $v) {
                    continue 2;
                }
            }
            $out[$id] = (object) $row;
        }
        return $out;
    }

    public function set_field($table, $newfield, $newvalue, array $conds = []) {
        $this->queries[] = ['set_field', $table];
        foreach ($this->tables[$table] ?? [] as $id => $row) {
            foreach ($conds as $k => $v) {
                if (!array_key_exists($k, $row) || (string) $row[$k] !== (string) $v) {
                    continue 2;
                }
            }
            $this->tables[$table][$id][$newfield] = $newvalue;
        }
        return true;
    }

    public function record_exists($table, array $conds) {
        return $this->get_record($table, $conds) !== false;
    }

    public function start_delegated_transaction() {
        fake_log('start_delegated_transaction');
        $this->intransaction = true;
        return new fake_transaction($this);
    }

    /** @var string what get_dbfamily() answers */
    public $family = 'postgres';

    public function get_dbfamily() {
        return $this->family;
    }

    public function get_in_or_equal($items, $type = SQL_PARAMS_NAMED, $prefix = 'param', $equal = true) {
        $items = array_values((array) $items);
        if (!$items) {
            throw new coding_exception('get_in_or_equal() does not accept empty arrays');
        }
        if ($this->family === 'oracle' && count($items) > 1000) {
            throw new moodle_exception('dmlreadexception', 'error', '', null, 'ORA-01795: maximum number of expressions in a list is 1000');
        }
        $params = [];
        $names = [];
        foreach ($items as $item) {
            $name = $prefix . self::$paramcounter++;
            $params[$name] = $item;
            $names[] = ':' . $name;
        }
        $sql = count($names) === 1 ? '= ' . $names[0] : 'IN (' . implode(',', $names) . ')';
        return [$sql, $params];
    }

    public function sql_like($field, $param, $casesensitive = true, $accentsensitive = true, $notlike = false,
            $escapechar = '\\') {
        return "$field LIKE $param ESCAPE '\\\\'";
    }

    public function sql_like_escape($text, $escapechar = '\\') {
        // As moodle_database::sql_like_escape(): _ and %, not the escape character itself.
        return str_replace(['_', '%'], [$escapechar . '_', $escapechar . '%'], $text);
    }

    /** Values of the named parameters $prefix<number>, as a set (value => true). */
    protected static function listed(array $params, string $prefix): array {
        $out = [];
        $n = strlen($prefix);
        foreach ($params as $k => $v) {
            if (strncmp($k, $prefix, $n) === 0 && ctype_digit_str(substr($k, $n))) {
                $out[$v] = true;
            }
        }
        return $out;
    }

    /**
     * A string as an equality compares it: bytes, or with $FAKE_COLLATION_CI roughly as MySQL's
     * utf8mb4_unicode_ci does (case, accents, combining marks ignored; ß is ss).
     */
    protected static function collate(string $s): string {
        if (empty($GLOBALS['FAKE_COLLATION_CI'])) {
            return $s;
        }
        $s = preg_replace('/\p{Mn}/u', '', $s);
        $s = strtr($s, ['ß' => 'ss', 'é' => 'e', 'è' => 'e', 'ê' => 'e', 'ë' => 'e', 'à' => 'a', 'â' => 'a', 'ä' => 'a',
            'ç' => 'c', 'î' => 'i', 'ï' => 'i', 'ô' => 'o', 'ö' => 'o', 'ù' => 'u', 'û' => 'u', 'ü' => 'u',
            'É' => 'e', 'È' => 'e', 'À' => 'a', 'Ç' => 'c']);
        return rtrim(strtolower($s), ' ');
    }

    /** A LIKE pattern's literal text, as ESCAPE '\\' reads it: "\\x" is x, whatever x is. */
    protected static function like_unescape(string $pattern): string {
        return preg_replace('/\\\\(.)/s', '$1', $pattern);
    }

    protected function ctx(int $contextid): array {
        return $this->tables['context'][$contextid] ?? ['contextlevel' => 0, 'instanceid' => 0];
    }

    /** @var string|null a query containing this text throws, like a database error */
    public $failon = null;

    public function get_recordset_sql($sql, array $params = []) {
        $this->queries[] = ['get_recordset_sql', $sql];
        if ($this->failon !== null && strpos($sql, $this->failon) !== false) {
            throw new moodle_exception('dmlreadexception', 'error');
        }
        return new fake_recordset(array_map(fn($r) => (object) $r, $this->evaluate($sql, $params)));
    }

    /** Evaluates the handler's queries (recognised by their shape) against the tables. */
    protected function evaluate(string $sql, array $params): array {
        $t = $this->tables;
        $out = [];
        if (strpos($sql, 'WHERE u.id = :operatorid') !== false) {
            if (isset($t['user'][$params['operatorid']])) {
                $out[] = $t['user'][$params['operatorid']];
            }
        } else if (preg_match('/LOWER\(LTRIM\(RTRIM\(((?:REPLACE\()*)u\.email((?:, :ws\d+, \'\'\))*)\)\)\)/', $sql, $m)) {
            // What the database does: the REPLACE()s, innermost first, then spaces trimmed, then lowered.
            $emails = self::listed($params, 'em');
            preg_match_all('/:(ws\d+)/', $m[2], $ws);
            foreach ($t['user'] ?? [] as $u) {
                $stored = $u['email'];
                foreach ($ws[1] as $name) {
                    $stored = str_replace($params[$name], '', $stored);
                }
                if ((int) $u['mnethostid'] === (int) $params['localhost'] && (int) $u['deleted'] === 0
                        && isset($emails[strtolower(trim($stored, ' '))])) {
                    $out[] = $u;
                }
            }
        } else if (strpos($sql, 'u.username LIKE') !== false) {
            $prefixes = [];
            foreach (array_keys(self::listed($params, 'un')) as $p) {
                $prefixes[] = self::like_unescape(substr($p, 0, -1));
            }
            foreach ($t['user'] ?? [] as $u) {
                foreach ($prefixes as $p) {
                    if (strncmp(strtolower($u['username']), strtolower($p), strlen($p)) === 0) {
                        $out[] = $u;
                        break;
                    }
                }
            }
        } else if (strpos($sql, 'u.username IN') !== false || strpos($sql, 'u.username = :tu') !== false) {
            // An equality: the column's collation decides (see fake_db::collate()).
            $names = [];
            foreach (array_keys(self::listed($params, 'tu')) as $n) {
                $names[self::collate((string) $n)] = true;
            }
            foreach ($t['user'] ?? [] as $u) {
                // $FAKE_USERNAMES_ALL_TAKEN: a database where every name is taken, whatever the planner tries.
                if ((int) $u['mnethostid'] === (int) $params['localhost']
                        && (isset($names[self::collate($u['username'])]) || !empty($GLOBALS['FAKE_USERNAMES_ALL_TAKEN']))) {
                    $out[] = $u;
                    break;
                }
            }
        } else if (strpos($sql, 'FROM {course} c') !== false) {
            foreach ($t['course'] ?? [] as $c) {
                if ((isset($params['id']) && (int) $c['id'] === $params['id'])
                        || (isset($params['shortname']) && $c['shortname'] === $params['shortname'])) {
                    $out[] = $c;
                }
            }
        } else if (strpos($sql, 'FROM {enrol} e') !== false) {
            $courses = self::listed($params, 'mc');
            foreach ($t['enrol'] ?? [] as $e) {
                if ($e['enrol'] === 'manual' && (int) $e['status'] === 0 && isset($courses[(int) $e['courseid']])) {
                    $out[] = $e;
                }
            }
        } else if (strpos($sql, 'FROM {role} r') !== false) {
            $names = self::listed($params, 'rs');
            foreach ($t['role'] ?? [] as $r) {
                if (isset($names[$r['shortname']])) {
                    $out[] = $r;
                }
            }
        } else if (strpos($sql, 'FROM {user_enrolments} ue') !== false) {
            $courses = isset($params['courseid']) ? [$params['courseid'] => true] : self::listed($params, 'ec');
            $users = isset($params['courseid']) ? self::listed($params, 'pu') : self::listed($params, 'eu');
            foreach ($t['user_enrolments'] ?? [] as $ue) {
                $e = $t['enrol'][$ue['enrolid']];
                if (isset($courses[(int) $e['courseid']]) && isset($users[(int) $ue['userid']])) {
                    $out[] = $ue + ['courseid' => $e['courseid'], 'enrol' => $e['enrol'], 'instancestatus' => $e['status']];
                }
            }
        } else if (strpos($sql, ':courselevel') !== false) {
            $courses = self::listed($params, 'rc');
            $users = self::listed($params, 'ru');
            foreach ($t['role_assignments'] ?? [] as $ra) {
                $c = $this->ctx($ra['contextid']);
                if ($c['contextlevel'] == CONTEXT_COURSE && isset($courses[(int) $c['instanceid']])
                        && isset($users[(int) $ra['userid']])) {
                    $out[] = $ra + ['courseid' => $c['instanceid']];
                }
            }
        } else if (strpos($sql, ':userlevel') !== false) {
            $a = self::listed($params, 'ca');
            $b = self::listed($params, 'cb');
            foreach ($t['role_assignments'] ?? [] as $ra) {
                $c = $this->ctx($ra['contextid']);
                if ($c['contextlevel'] != CONTEXT_USER) {
                    continue;
                }
                if (((int) $ra['userid'] === $params['op1'] && isset($a[(int) $c['instanceid']]))
                        || ((int) $c['instanceid'] === $params['op2'] && isset($b[(int) $ra['userid']]))) {
                    $out[] = $ra + ['contextuserid' => $c['instanceid']];
                }
            }
        } else if (strpos($sql, ':systemlevel') !== false) {
            $users = self::listed($params, 'pu');
            foreach ($t['role_assignments'] ?? [] as $ra) {
                $c = $this->ctx($ra['contextid']);
                if ($c['contextlevel'] == CONTEXT_SYSTEM && isset($users[(int) $ra['userid']])) {
                    $out[] = $ra;
                }
            }
        } else if (strpos($sql, 'FROM {groups} g') !== false) {
            foreach ($t['groups'] ?? [] as $g) {
                // With $FAKE_COLLATION_CI, an SQL equality compares as MySQL's utf8mb4_unicode_ci
                // roughly does: case and trailing spaces ignored.
                $ci = !empty($GLOBALS['FAKE_COLLATION_CI']);
                if ((int) $g['courseid'] === $params['courseid'] && (!isset($params['idnumber'])
                        || ($ci ? strcasecmp(rtrim($g['idnumber']), rtrim($params['idnumber'])) === 0
                            : $g['idnumber'] === $params['idnumber']))) {
                    $out[] = $g;
                }
            }
        } else if (strpos($sql, 'FROM {groups_members} gm') !== false) {
            foreach ($t['groups_members'] ?? [] as $m) {
                if ((int) $m['groupid'] === $params['groupid']) {
                    $out[] = $m;
                }
            }
        } else if (strpos($sql, 'FROM {local_shop_product} p') !== false && isset($params['contexttype'])) {
            $ues = self::listed($params, 'pe');
            foreach ($t['local_shop_product'] ?? [] as $p) {
                if ($p['contexttype'] === $params['contexttype'] && (int) $p['deleted'] === 0
                        && isset($ues[(int) $p['instanceid']])) {
                    $out[] = $p;
                }
            }
        } else if (strpos($sql, 'FROM {local_shop_product} p') !== false) {
            $prefix = isset($params['refprefix']) ? self::like_unescape(substr($params['refprefix'], 0, -1)) : null;
            foreach ($t['local_shop_product'] ?? [] as $p) {
                if ((isset($params['billitemid']) && (int) $p['initialbillitemid'] === $params['billitemid'])
                        || ($prefix !== null && strncmp($p['reference'], $prefix, strlen($prefix)) === 0)) {
                    $out[] = $p;
                }
            }
        } else {
            throw new coding_exception("fake_db: unrecognised query: $sql");
        }
        return $out;
    }
}

$DB = new fake_db();

/**
 * A realistic little site: admin (2), the buyer (42), an existing learner stored in capitals (7),
 * course FORM-01 (10) with a manual enrolment instance, support course SUPPORT (11), core roles.
 */
function fake_site(): fake_db {
    global $DB;
    $DB = new fake_db();
    $DB->seed('role', [
        ['id' => 3, 'shortname' => 'editingteacher'], ['id' => 4, 'shortname' => 'teacher'],
        ['id' => 5, 'shortname' => 'student'], ['id' => 9, 'shortname' => 'courseowner'],
        ['id' => 12, 'shortname' => 'customer'],
    ]);
    // Moodle's defaults: course roles at course and module level; block_user_delegation's courseowner at user level.
    foreach ([3 => [50, 70], 4 => [50, 70], 5 => [50, 70], 9 => [30], 12 => [10]] as $roleid => $levels) {
        foreach ($levels as $level) {
            $DB->raw_insert('role_context_levels', ['roleid' => $roleid, 'contextlevel' => $level]);
        }
    }
    $DB->seed('user', [
        ['id' => 2, 'username' => 'admin', 'email' => 'admin@example.org', 'auth' => 'manual', 'mnethostid' => 1,
            'deleted' => 0, 'suspended' => 0, 'firstname' => 'Admin', 'lastname' => 'User'],
        ['id' => 7, 'username' => 'jdupont', 'email' => 'Jean.Dupont@Exemple.fr', 'auth' => 'manual', 'mnethostid' => 1,
            'deleted' => 0, 'suspended' => 0, 'firstname' => 'Jean', 'lastname' => 'Dupont'],
        ['id' => 42, 'username' => 'buyer', 'email' => 'buyer@client.fr', 'auth' => 'manual', 'mnethostid' => 1,
            'deleted' => 0, 'suspended' => 0, 'firstname' => 'Bea', 'lastname' => 'Buyer'],
        ['id' => 8, 'username' => 'marie.curie', 'email' => 'marie@old.fr', 'auth' => 'manual', 'mnethostid' => 1,
            'deleted' => 0, 'suspended' => 0, 'firstname' => 'Marie', 'lastname' => 'Curie'],
    ]);
    $DB->seed('course', [
        ['id' => 10, 'shortname' => 'FORM-01', 'startdate' => 1767225600],
        ['id' => 11, 'shortname' => 'SUPPORT', 'startdate' => 0],
    ]);
    $DB->seed('enrol', [
        ['id' => 20, 'courseid' => 10, 'enrol' => 'manual', 'status' => 0, 'sortorder' => 0],
        ['id' => 21, 'courseid' => 10, 'enrol' => 'self', 'status' => 0, 'sortorder' => 1],
        ['id' => 22, 'courseid' => 11, 'enrol' => 'manual', 'status' => 0, 'sortorder' => 0],
    ]);
    context_system::instance();
    $DB->queries = [];
    $GLOBALS['FAKE_LOG'] = [];
    $GLOBALS['FAKE_TRACE'] = [];
    return $DB;
}

/**
 * A bill item as local_shop hands it to produce_postpay(): a ShopObject whose record fields and
 * protected productiondata are only reachable through __get() (no __isset()).
 */
#[\AllowDynamicProperties]
class fake_billitem {
    public $bill;
    public $catalogitem;
    public $actionparams;
    protected $productiondata;
    protected $record;

    public function __construct(array $record, $productiondata, $actionparams, $bill, $catalogitem) {
        $this->record = (object) $record;
        $this->productiondata = $productiondata;
        $this->actionparams = $actionparams;
        $this->bill = $bill;
        $this->catalogitem = $catalogitem;
    }

    public function __get($field) {
        if ($field == 'record') {
            return $this->record;
        }
        if (isset($this->$field)) {
            return $this->$field;
        }
        if (isset($this->record->$field)) {
            return $this->record->$field;
        }
    }

    public function __set($field, $value) {
        if (property_exists($this->record, $field)) {
            $this->record->$field = $value;
        } else {
            $this->$field = $value;
        }
    }
}

/** The participant object local_shop's users.controller stores (json_decode of the form). */
function fake_participant(string $first, string $last, string $email, string $city = 'LYON'): \stdClass {
    return json_decode(json_encode(['lastname' => strtoupper($last), 'firstname' => ucwords($first),
        'email' => $email, 'city' => $city]));
}

/**
 * A realistic bill item: learners, a tutor, a supervisor seat, the existing account typed in
 * capitals, handler parameters split by local_shop without URL decoding.
 */
function fake_bill_item(int $learners = 3, string $txid = 'TX123'): fake_billitem {
    $users = ['student' => [], 'teacher' => [], '_supervisor' => []];
    $users['student']['JEAN.DUPONT@EXEMPLE.FR'] = fake_participant('jean', 'dupont', 'JEAN.DUPONT@EXEMPLE.FR');
    for ($i = 1; $i < $learners; $i++) {
        $email = "learner$i@client.fr";
        $users['student'][$email] = fake_participant("learner$i", 'Martin', $email);
    }
    $users['teacher']['tutor@client.fr'] = fake_participant('tom', 'tutor', 'tutor@client.fr');
    $users['_supervisor']['boss@client.fr'] = fake_participant('sam', 'boss', 'boss@client.fr');
    $productiondata = (object) ['users' => $users, 'id' => 1, 'blockid' => 0];
    $raw = 'coursename=FORM-01&supervisor=teacher&requiredroles=student,teacher,supervisor&groupname=Session+de+mars';
    $actionparams = [];
    foreach (explode('&', $raw) as $p) {
        [$k, $v] = explode('=', $p);
        $actionparams[$k] = $v;
    }
    $customer = (object) ['id' => 77, 'hasaccount' => 42];
    $bill = (object) ['id' => 500, 'customerid' => 77, 'transactionid' => $txid, 'customer' => $customer];
    $catalogitem = (object) ['id' => 31, 'code' => 'SESSION', 'renewable' => 0, 'quantaddressesusers' => 2];
    $item = new fake_billitem(['id' => 900, 'billid' => 500, 'quantity' => $learners + 2, 'type' => 'BILLING'],
        $productiondata, $actionparams, $bill, $catalogitem);
    $item->transactionid = $txid;
    $item->customer = $customer;
    return $item;
}

} // End of global namespace.

namespace core\lock {

class lock {
    public $key;
    public $released = false;
    public function __construct($key) {
        $this->key = $key;
    }
    public function release() {
        \fake_log('lock_release', $this->key);
        $this->released = true;
        unset(lock_config::$held[$this->key]);
        return true;
    }
}

class fake_factory {
    public $type;
    public function __construct($type) {
        $this->type = $type;
    }
    public function get_lock($resource, $timeout, $maxlifetime = 86400) {
        $key = $this->type . '/' . $resource;
        \fake_log('get_lock', $key, $timeout);
        if (isset(lock_config::$held[$key])) {
            return false;
        }
        lock_config::$held[$key] = true;
        return new lock($key);
    }
}

class lock_config {
    public static $held = [];
    public static function get_lock_factory($type) {
        return new fake_factory($type);
    }
}

}

namespace core\task {

abstract class adhoc_task {
    protected $customdata = '';
    protected $component = '';
    protected $faildelay = 0;
    protected $attemptsavailable = 12;
    public function get_fail_delay() {
        return $this->faildelay;
    }
    public function set_fail_delay($delay) {
        $this->faildelay = $delay;
    }
    public function get_attempts_available(): int {
        return $this->attemptsavailable;
    }
    public function set_attempts_available(int $attempts): void {
        $this->attemptsavailable = $attempts;
    }
    public function set_custom_data($data) {
        $this->customdata = json_encode($data);
    }
    public function get_custom_data_as_string() {
        return $this->customdata;
    }
    public function get_custom_data() {
        return json_decode($this->customdata);
    }
    public function set_component($component) {
        $this->component = $component;
    }
    public function get_component() {
        return $this->component;
    }
    abstract public function execute();
}

class manager {
    public static $queue = [];
    public static function queue_adhoc_task(adhoc_task $task, $checkforexisting = false) {
        \fake_log('queue_adhoc_task', get_class($task), $checkforexisting);
        self::$queue[] = $task;
        return count(self::$queue);
    }
    public static function get_adhoc_tasks(string $classname, bool $failedonly = false, bool $skiprunning = false): array {
        \fake_log('get_adhoc_tasks', $classname);
        return array_values(array_filter(self::$queue, fn($t) => get_class($t) === ltrim($classname, '\\')));
    }
}

}
