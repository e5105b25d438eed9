<?php
/*
 * A small Moodle REST server for the tests and the benchmark, served by
 * `php -S 127.0.0.1:<port> moodle_mock.php` (see tests/inc/moodle_mock.inc).
 *
 * It answers like Moodle 4.5 does in ../shared/moodle-ws-transcripts (site
 * debugging off): every answer is HTTP 200, errors are {exception, errorcode,
 * message}, several successes are the JSON literal null, batches are all or
 * nothing, e-mail lookups by field are case-sensitive (PostgreSQL) while the
 * duplicate check on creation is not, core_user_get_users' email criterion is
 * a case-insensitive LIKE, a second enrolment overwrites the first, and PHP's
 * max_input_vars silently drops the variables after the limit.
 *
 * State lives in the JSON file named by the MOCK_STATE environment variable,
 * read and written under an exclusive lock for every request, so that several
 * workers (PHP_CLI_SERVER_WORKERS) share it. The state also counts requests
 * and holds the faults to inject:
 *   ['fn' => 'core_user_create_users' | '*', 'type' => T, 'times' => n, 'ms' => n,
 *    'commit' => bool (process the call before the fault: the write happened),
 *    'skip' => n (let the first n matching calls through)]
 * with T one of: http500, drop (connection closed mid-answer), badjson, slow
 * (answer after `ms`), error (answer `errorcode` for the whole call), keep
 * (process only the first `keep` records of the call's array parameter), late
 * (hold the call `ms` before reading it, then process it: a busy site that
 * gets to a request after its client gave up on it).
 */

const MOCK_NOW_DEFAULT = 1767225600;

final class MoodleError extends Exception
{
	public function __construct(public string $exc, public string $code2, string $message)
	{
		parent::__construct($message);
	}
}

function invalid_parameter(): MoodleError
{
	return new MoodleError('core\\exception\\invalid_parameter_exception', 'invalidparameter', 'Invalid parameter value detected');
}

function need_int(array $a, string $k, bool $required = true): ?int
{
	if (!array_key_exists($k, $a)) {
		if ($required) {
			throw invalid_parameter();
		}
		return null;
	}
	if (!is_string($a[$k]) || !preg_match('/^-?\d+$/', $a[$k])) {
		throw invalid_parameter();
	}
	return (int)$a[$k];
}

function need_str(array $a, string $k, bool $required = true): ?string
{
	if (!array_key_exists($k, $a)) {
		if ($required) {
			throw invalid_parameter();
		}
		return null;
	}
	if (!is_string($a[$k])) {
		throw invalid_parameter();
	}
	return $a[$k];
}

function need_list(array $p, string $k): array
{
	if (!isset($p[$k]) || !is_array($p[$k])) {
		throw invalid_parameter();
	}
	return array_values($p[$k]);
}

function only_keys(array $a, array $allowed): void
{
	foreach ($a as $k => $_) {
		if (!in_array((string)$k, $allowed, true)) {
			throw invalid_parameter();
		}
	}
}

function user_record(array $u, ?array $fields = null): array
{
	$r = [
		'id' => $u['id'], 'username' => $u['username'], 'firstname' => $u['firstname'],
		'lastname' => $u['lastname'], 'fullname' => $u['firstname'] . ' ' . $u['lastname'],
		'email' => $u['email'], 'department' => '', 'firstaccess' => 0, 'lastaccess' => 0,
		'auth' => $u['auth'] ?? 'manual', 'suspended' => (bool)($u['suspended'] ?? false),
		'confirmed' => true, 'lang' => 'en', 'theme' => '', 'timezone' => '99', 'mailformat' => 1,
	];
	if ($fields !== null) {
		$r = array_intersect_key($r, array_flip($fields));
	}
	// user_get_user_details(): auth and username only with moodle/user:viewalldetails,
	// suspended left out when it is in $CFG->hiddenuserfields. The site's 'hiddenfields'.
	foreach ($GLOBALS['mock_hidden_fields'] ?? [] as $f) {
		unset($r[$f]);
	}
	return $r;
}

function &find_user(array &$s, int $id): ?array
{
	$null = null;
	foreach ($s['users'] as &$u) {
		if ($u['id'] === $id) {
			return $u;
		}
	}
	return $null;
}

function find_course(array $s, int $id): ?array
{
	foreach ($s['courses'] as $c) {
		if ($c['id'] === $id) {
			return $c;
		}
	}
	return null;
}

function role_shortname(array $s, int $id): string
{
	$n = array_search($id, $s['roles'], true);
	return $n === false ? '' : $n;
}

/* ---- the web service functions ------------------------------------------ */

function ws_core_webservice_get_site_info(array &$s, array $p): mixed
{
	$uid = $s['tokenuser'] ?? 2;
	$u = find_user($s, $uid);
	return ['sitename' => 'Mock Moodle', 'username' => $u['username'] ?? 'admin', 'userid' => $uid,
		'siteurl' => 'http://127.0.0.1', 'release' => '4.5.6 (Build: 20250811)', 'version' => '2024100706',
		'userissiteadmin' => in_array($uid, $s['siteadmins'] ?? [2], true), 'functions' => []];
}

function ws_core_user_get_users_by_field(array &$s, array $p): mixed
{
	only_keys($p, ['field', 'values']);
	$field = need_str($p, 'field');
	if (!in_array($field, ['id', 'idnumber', 'username', 'email'], true)) {
		throw invalid_parameter();
	}
	$values = need_list($p, 'values');
	$out = [];
	foreach ($values as $v) {
		if (!is_string($v)) {
			throw invalid_parameter();
		}
		if ($field === 'username' && $v !== strtolower($v)) {
			throw invalid_parameter(); // PARAM_USERNAME cleaning changes the value
		}
		foreach ($s['users'] as $u) {
			// PostgreSQL: exact, case-sensitive comparison.
			if ((string)($u[$field] ?? '') === $v && !isset($out[$u['id']])) {
				$out[$u['id']] = user_record($u);
			}
		}
	}
	return array_values($out);
}

function ws_core_user_get_users(array &$s, array $p): mixed
{
	only_keys($p, ['criteria']);
	$crit = need_list($p, 'criteria');
	$seen = [];
	$match = $s['users'];
	foreach ($crit as $c) {
		if (!is_array($c)) {
			throw invalid_parameter();
		}
		$k = need_str($c, 'key');
		$v = need_str($c, 'value');
		if (isset($seen[$k]) || !in_array($k, ['id', 'username', 'email', 'idnumber', 'firstname', 'lastname', 'auth'], true)) {
			throw invalid_parameter();
		}
		$seen[$k] = true;
		if (in_array($k, ['email', 'firstname', 'lastname'], true)) {
			// $DB->sql_like($field, :value, false): case-insensitive, % and _ are wildcards.
			$re = '';
			foreach (preg_split('//u', $v, -1, PREG_SPLIT_NO_EMPTY) as $ch) {
				$re .= $ch === '%' ? '.*' : ($ch === '_' ? '.' : preg_quote($ch, '/'));
			}
			$match = array_filter($match, fn($u) => preg_match('/^' . $re . '$/ius', (string)$u[$k]) === 1);
		} else {
			$match = array_filter($match, fn($u) => (string)($u[$k] ?? '') === $v);
		}
	}
	return ['users' => array_values(array_map('user_record', $match)), 'warnings' => []];
}

function ws_core_user_create_users(array &$s, array $p): mixed
{
	only_keys($p, ['users']);
	$list = need_list($p, 'users');
	$new = [];
	$usernames = array_column($s['users'], 'username');
	$emails = array_map('strtolower', array_column($s['users'], 'email'));
	$fields = ['username', 'firstname', 'lastname', 'email', 'auth', 'password', 'createpassword',
		'city', 'institution', 'phone2', 'idnumber', 'department', 'lang', 'country'];
	foreach ($list as $u) {
		if (!is_array($u)) {
			throw invalid_parameter();
		}
		only_keys($u, $fields);
		$un = need_str($u, 'username');
		$fn = need_str($u, 'firstname');
		$ln = need_str($u, 'lastname');
		$em = need_str($u, 'email');
		if ($un === '' || $un !== strtolower($un) || !preg_match('/^[a-z0-9_.@-]+$/', $un)
			|| in_array($un, $usernames, true)) {
			throw invalid_parameter();
		}
		if (!filter_var($em, FILTER_VALIDATE_EMAIL) || in_array(strtolower($em), $emails, true)) {
			throw invalid_parameter();
		}
		if ($fn === '' || $ln === '') {
			throw invalid_parameter();
		}
		if (!isset($u['password']) && (need_int($u, 'createpassword', false) ?? 0) !== 1) {
			throw invalid_parameter();
		}
		$usernames[] = $un;
		$emails[] = strtolower($em);
		$rec = ['id' => $s['nextid']++, 'username' => $un, 'firstname' => $fn, 'lastname' => $ln,
			'email' => $em, 'auth' => $u['auth'] ?? 'manual', 'suspended' => 0,
			'createpassword' => (int)($u['createpassword'] ?? 0)];
		foreach (['city', 'institution', 'phone2'] as $f) {
			if (isset($u[$f])) {
				$rec[$f] = $u[$f];
			}
		}
		$new[] = $rec;
	}
	// All or nothing: nothing is stored before every record passed.
	array_push($s['users'], ...$new);
	return array_map(fn($u) => ['id' => $u['id'], 'username' => $u['username']], $new);
}

function ws_core_course_get_courses_by_field(array &$s, array $p): mixed
{
	only_keys($p, ['field', 'value']);
	$field = need_str($p, 'field', false) ?? '';
	$value = need_str($p, 'value', false) ?? '';
	if (!in_array($field, ['', 'id', 'ids', 'shortname', 'idnumber', 'category'], true)) {
		throw invalid_parameter();
	}
	$out = [];
	foreach ($s['courses'] as $c) {
		if ($field === '' || (string)($c[$field] ?? '') === $value) {
			$out[] = ['id' => $c['id'], 'fullname' => $c['shortname'], 'shortname' => $c['shortname'],
				'idnumber' => $c['idnumber'] ?? '', 'startdate' => $c['startdate'] ?? 0, 'enddate' => 0,
				'enrollmentmethods' => empty($c['nomanual']) ? ['manual'] : []];
		}
	}
	return ['courses' => $out, 'warnings' => []];
}

function is_active(array $e, int $now): bool
{
	return (int)$e['status'] === 0 && (int)$e['timestart'] <= $now && ((int)$e['timeend'] === 0 || (int)$e['timeend'] > $now);
}

function ws_core_enrol_get_enrolled_users(array &$s, array $p): mixed
{
	only_keys($p, ['courseid', 'options']);
	$cid = need_int($p, 'courseid');
	if (!find_course($s, $cid)) {
		throw new MoodleError('dml_missing_record_exception', 'invalidrecord', "Can't find data record in database table course.");
	}
	$onlyactive = 0;
	$fields = null;
	$from = 0;
	$num = 0;
	foreach ($p['options'] ?? [] as $o) {
		$name = need_str($o, 'name');
		$val = need_str($o, 'value');
		match ($name) {
			'onlyactive' => $onlyactive = (int)$val,
			'userfields' => $fields = array_map('trim', explode(',', $val)),
			'limitfrom' => $from = (int)$val,
			'limitnumber' => $num = (int)$val,
			default => null,
		};
	}
	$now = $s['now'] ?? MOCK_NOW_DEFAULT;
	$out = [];
	foreach ($s['enrolments'] as $e) {
		if ($e['courseid'] !== $cid || ($onlyactive && !is_active($e, $now))) {
			continue;
		}
		$u = find_user($s, $e['userid']);
		$r = user_record($u);
		$r['roles'] = array_map(fn($rid) => ['roleid' => $rid, 'name' => '', 'shortname' => role_shortname($s, $rid), 'sortorder' => 0], $e['roles']);
		if ($fields !== null) {
			$r = array_intersect_key($r, array_flip(array_merge(['id'], $fields)));
		}
		$out[] = $r;
	}
	usort($out, fn($a, $b) => $a['id'] <=> $b['id']);
	return array_slice($out, $from, $num > 0 ? $num : null);
}

function ws_enrol_manual_enrol_users(array &$s, array $p): mixed
{
	only_keys($p, ['enrolments']);
	$list = need_list($p, 'enrolments');
	$todo = [];
	foreach ($list as $e) {
		if (!is_array($e)) {
			throw invalid_parameter();
		}
		only_keys($e, ['roleid', 'userid', 'courseid', 'timestart', 'timeend', 'suspend']);
		$rid = need_int($e, 'roleid');
		$uid = need_int($e, 'userid');
		$cid = need_int($e, 'courseid');
		$c = find_course($s, $cid);
		if (!$c) {
			throw invalid_parameter();
		}
		if (!in_array($rid, $s['course_roles'] ?? [3, 4, 5], true)) {
			throw new MoodleError('core\\exception\\moodle_exception', 'wsusercannotassign',
				"You don't have the permission to assign this role ($rid) to this user ($uid) in this course($cid).");
		}
		if (!empty($c['nomanual'])) {
			throw new MoodleError('core\\exception\\moodle_exception', 'wsnoinstance',
				"Manual enrolment plugin instance doesn't exist or is disabled for the course (id = $cid)");
		}
		if (!find_user($s, $uid)) {
			throw new MoodleError('dml_missing_record_exception', 'invaliduser', 'Invalid user');
		}
		$todo[] = [$cid, $uid, $rid, need_int($e, 'timestart', false) ?? 0, need_int($e, 'timeend', false) ?? 0,
			(need_int($e, 'suspend', false) ?? 0) ? 1 : 0];
	}
	foreach ($todo as [$cid, $uid, $rid, $ts, $te, $susp]) {
		$found = false;
		foreach ($s['enrolments'] as &$en) {
			if ($en['courseid'] === $cid && $en['userid'] === $uid) {
				// enrol_user() on an existing enrolment overwrites it.
				$en['timestart'] = $ts;
				$en['timeend'] = $te;
				$en['status'] = $susp;
				if (!in_array($rid, $en['roles'], true)) {
					$en['roles'][] = $rid;
				}
				$found = true;
			}
		}
		unset($en);
		if (!$found) {
			$s['enrolments'][] = ['courseid' => $cid, 'userid' => $uid, 'status' => $susp, 'timestart' => $ts, 'timeend' => $te, 'roles' => [$rid]];
		}
	}
	return null;
}

function group_record(array $g): array
{
	return ['id' => $g['id'], 'courseid' => $g['courseid'], 'name' => $g['name'], 'description' => $g['description'],
		'descriptionformat' => 1, 'enrolmentkey' => null, 'idnumber' => $g['idnumber'], 'visibility' => 0, 'participation' => true];
}

function ws_core_group_get_course_groups(array &$s, array $p): mixed
{
	only_keys($p, ['courseid']);
	$cid = need_int($p, 'courseid');
	if (!find_course($s, $cid)) {
		throw new MoodleError('dml_missing_record_exception', 'invalidrecord', "Can't find data record in database table course.");
	}
	return array_values(array_map('group_record', array_filter($s['groups'], fn($g) => $g['courseid'] === $cid)));
}

function ws_core_group_create_groups(array &$s, array $p): mixed
{
	only_keys($p, ['groups']);
	$list = need_list($p, 'groups');
	$new = [];
	foreach ($list as $g) {
		only_keys($g, ['courseid', 'name', 'description', 'descriptionformat', 'enrolmentkey', 'idnumber', 'visibility', 'participation']);
		$cid = need_int($g, 'courseid');
		$name = need_str($g, 'name');
		$desc = need_str($g, 'description');
		$idn = need_str($g, 'idnumber', false) ?? '';
		if (!find_course($s, $cid)) {
			throw new MoodleError('core\\exception\\moodle_exception', 'errorcoursecontextnotvalid',
				"You cannot execute functions in the course context (course id:$cid). The error message was: Can't find data record in database table course.");
		}
		foreach (array_merge($s['groups'], $new) as $o) {
			if ($o['courseid'] === $cid && $o['name'] === $name) {
				throw invalid_parameter();
			}
			if ($idn !== '' && $o['courseid'] === $cid && $o['idnumber'] === $idn) {
				throw new MoodleError('core\\exception\\moodle_exception', 'idnumbertaken', 'This ID number is already in use');
			}
		}
		$new[] = ['id' => $s['nextgroupid']++, 'courseid' => $cid, 'name' => $name, 'description' => $desc, 'idnumber' => $idn, 'members' => []];
	}
	array_push($s['groups'], ...$new);
	return array_map('group_record', $new);
}

function ws_core_group_get_group_members(array &$s, array $p): mixed
{
	only_keys($p, ['groupids']);
	$out = [];
	foreach (need_list($p, 'groupids') as $gid) {
		$gid = need_int(['v' => $gid], 'v');
		foreach ($s['groups'] as $g) {
			if ($g['id'] === $gid) {
				$out[] = ['groupid' => $gid, 'userids' => $g['members']];
				continue 2;
			}
		}
		throw new MoodleError('dml_missing_record_exception', 'invalidrecord', "Can't find data record in database table groups.");
	}
	return $out;
}

function ws_core_group_add_group_members(array &$s, array $p): mixed
{
	only_keys($p, ['members']);
	$todo = [];
	foreach (need_list($p, 'members') as $m) {
		only_keys($m, ['groupid', 'userid']);
		$gid = need_int($m, 'groupid');
		$uid = need_int($m, 'userid');
		$gi = null;
		foreach ($s['groups'] as $i => $g) {
			if ($g['id'] === $gid) {
				$gi = $i;
			}
		}
		if ($gi === null) {
			throw new MoodleError('dml_missing_record_exception', 'invalidrecord', "Can't find data record in database table groups.");
		}
		$enrolled = false;
		foreach ($s['enrolments'] as $e) {
			$enrolled = $enrolled || ($e['courseid'] === $s['groups'][$gi]['courseid'] && $e['userid'] === $uid);
		}
		if (!find_user($s, $uid) || !$enrolled) {
			throw invalid_parameter();
		}
		$todo[] = [$gi, $uid];
	}
	foreach ($todo as [$gi, $uid]) {
		if (!in_array($uid, $s['groups'][$gi]['members'], true)) {
			$s['groups'][$gi]['members'][] = $uid;
		}
	}
	return null;
}

function ws_core_role_assign_roles(array &$s, array $p): mixed
{
	only_keys($p, ['assignments']);
	$todo = [];
	foreach (need_list($p, 'assignments') as $a) {
		only_keys($a, ['roleid', 'userid', 'contextid', 'contextlevel', 'instanceid']);
		$rid = need_int($a, 'roleid');
		$uid = need_int($a, 'userid');
		$level = need_str($a, 'contextlevel', false);
		$inst = need_int($a, 'instanceid', false);
		if ($level === null || $inst === null) {
			throw invalid_parameter();
		}
		if ($level === 'user') {
			if (!find_user($s, $inst) || !in_array($rid, $s['user_roles'] ?? [3, 4, 5, 9], true)) {
				throw invalid_parameter();
			}
		} elseif ($level === 'course') {
			if (!find_course($s, $inst) || !in_array($rid, $s['course_roles'] ?? [3, 4, 5], true)) {
				throw invalid_parameter();
			}
		} else {
			throw invalid_parameter();
		}
		if (!find_user($s, $uid)) {
			throw new MoodleError('core\\exception\\coding_exception', 'codingerror',
				'Coding error detected, it must be fixed by a programmer: User ID does not exist or is deleted!');
		}
		$todo[] = [$level, $rid, $uid, $inst];
	}
	foreach ($todo as [$level, $rid, $uid, $inst]) {
		if ($level === 'user') {
			$a = ['roleid' => $rid, 'userid' => $uid, 'contextuserid' => $inst];
			if (!in_array($a, $s['userroles'], true)) {
				$s['userroles'][] = $a;
			}
			continue;
		}
		$done = false;
		foreach ($s['enrolments'] as &$e) {
			if ($e['courseid'] === $inst && $e['userid'] === $uid) {
				if (!in_array($rid, $e['roles'], true)) {
					$e['roles'][] = $rid;
				}
				$done = true;
			}
		}
		unset($e);
		if (!$done) {
			$s['courseroles'][] = ['roleid' => $rid, 'userid' => $uid, 'courseid' => $inst];
		}
	}
	return null;
}

/* ---- the REST server ---------------------------------------------------- */

function answer(mixed $body, int $status = 200, ?string $raw = null): void
{
	http_response_code($status);
	header('Content-Type: application/json');
	echo $raw ?? json_encode($body, JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
}

function error_body(MoodleError $e): array
{
	return ['exception' => $e->exc, 'errorcode' => $e->code2, 'message' => $e->getMessage()];
}

/** Takes the lock ($lock: LOCK_SH or LOCK_EX) and reads the state from the start of its file. */
function load_state($fh, int $lock): array
{
	flock($fh, $lock);
	rewind($fh);
	return json_decode(stream_get_contents($fh), true);
}

/** Writes the state back to its file (the caller holds the exclusive lock). */
function save_state($fh, array $s): void
{
	rewind($fh);
	ftruncate($fh, 0);
	fwrite($fh, json_encode($s, JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION));
	fflush($fh);
}

function main(): void
{
	$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
	if ($path === '/ping') {
		echo 'pong';
		return;
	}
	if ($path !== '/webservice/rest/server.php') {
		http_response_code(404);
		echo 'Not found';
		return;
	}
	$file = getenv('MOCK_STATE');
	$raw = file_get_contents('php://input');
	$pairs = $raw === '' ? [] : explode('&', $raw);
	$sent = count($pairs);

	$fh = fopen($file, 'c+');
	$cfg = load_state($fh, LOCK_SH);
	flock($fh, LOCK_UN);
	if (!empty($cfg['latency_ms'])) {
		usleep((int)$cfg['latency_ms'] * 1000);
	}

	$s = load_state($fh, LOCK_EX);
	$GLOBALS['mock_hidden_fields'] = $s['hiddenfields'] ?? [];

	// PHP keeps the first max_input_vars variables of the body and drops the rest, silently.
	$limit = $s['max_input_vars'] ?? 5000;
	$get = $_GET;
	$limit -= count($get);
	if (count($pairs) > $limit) {
		$pairs = array_slice($pairs, 0, max(0, $limit));
	}
	parse_str(implode('&', $pairs), $post);
	$params = $post + $get;
	$fn = is_string($params['wsfunction'] ?? null) ? $params['wsfunction'] : '';
	$token = $params['wstoken'] ?? null;
	unset($params['wsfunction'], $params['wstoken'], $params['moodlewsrestformat']);

	$s['log']['total'] = ($s['log']['total'] ?? 0) + 1;
	$s['log']['fn'][$fn] = ($s['log']['fn'][$fn] ?? 0) + 1;
	$s['log']['calls'][] = [$fn, $sent, round(microtime(true), 3)];
	if (is_string($token) && $token !== ($s['token'] ?? '')) {
		// Leak detector: a token that is not the site's would be a bug in the client.
		$s['log']['badtoken'] = ($s['log']['badtoken'] ?? 0) + 1;
	}

	$fault = null;
	foreach ($s['faults'] ?? [] as $i => $f) {
		if (($f['fn'] === '*' || $f['fn'] === $fn) && ($f['times'] ?? 1) > 0) {
			if (($f['skip'] ?? 0) > 0) {
				$s['faults'][$i]['skip'] = $f['skip'] - 1;
				continue;
			}
			$fault = $f;
			$s['faults'][$i]['times'] = ($f['times'] ?? 1) - 1;
			break;
		}
	}
	if (($fault['type'] ?? null) === 'late') {
		// Counted and consumed now, read and processed after the wait, with the state as it is then.
		save_state($fh, $s);
		flock($fh, LOCK_UN);
		usleep((int)($fault['ms'] ?? 1000) * 1000);
		$s = load_state($fh, LOCK_EX);
		$fault = null;
	}
	$commit = $fault === null || !empty($fault['commit']);
	if (($fault['type'] ?? null) === 'keep') {
		// Something on the way kept only the first `keep` records of the array parameter.
		foreach ($params as $k => $v) {
			if (is_array($v) && array_is_list($v)) {
				$params[$k] = array_slice($v, 0, (int)$fault['keep']);
			}
		}
		$commit = true;
	}

	$result = null;
	$status = 200;
	if ($fault !== null && $fault['type'] === 'error') {
		$result = ['exception' => 'core\\exception\\moodle_exception', 'errorcode' => $fault['errorcode'], 'message' => $fault['message'] ?? $fault['errorcode']];
	} elseif ($commit) {
		$before = $s;
		try {
			if (!is_string($token) || $token === '' || $token !== $s['token']) {
				throw new MoodleError('core\\exception\\moodle_exception', 'invalidtoken', 'Invalid token - token not found');
			}
			if ($fn === '') {
				throw invalid_parameter();
			}
			$impl = 'ws_' . $fn;
			if (!function_exists($impl) || !in_array($fn, $s['functions'] ?? [$fn], true)) {
				throw new MoodleError('dml_missing_record_exception', 'invalidrecord', "Can't find data record in database table external_functions.");
			}
			$result = $impl($s, $params);
		} catch (MoodleError $e) {
			$s = $before; // the transaction is rolled back
			$result = error_body($e);
		}
	}
	save_state($fh, $s);
	flock($fh, LOCK_UN);
	fclose($fh);

	switch ($fault['type'] ?? null) {
	case 'http500':
		http_response_code(500);
		echo "<html><body><h1>500 Internal Server Error</h1></body></html>";
		return;
	case 'drop':
		// Announces more than it sends: the client sees the connection close mid-answer.
		header('Content-Length: 100000');
		header('Content-Type: application/json');
		echo '[{"id": ';
		return;
	case 'badjson':
		echo "<br />\n<b>Fatal error</b>:  Allowed memory size exhausted in <b>/var/www/moodle/lib/dml/moodle_database.php</b><br />\n";
		return;
	case 'slow':
		usleep((int)($fault['ms'] ?? 1000) * 1000);
		break;
	}
	answer($result, $status);
}

main();
