<?php
/*
 * A hostile "Moodle" for the session harness (fuzz/session_fuzz.php, target
 * remote), run as `php -S 127.0.0.1:PORT fuzz/remote_hostile.php`. It answers
 * every web-service call with something a broken or malicious site could send:
 * the right shape with wrong types (ids as strings, arrays, null, floats, huge
 * ints; emails that are not strings, not UTF-8, 10 KB long), missing or extra
 * keys, Moodle exception objects with random error codes, JSON that is not
 * JSON, truncated JSON, HTTP 4xx/5xx, empty bodies, deep nesting, long lists.
 * The answer is a pure function of the token (which the harness makes
 * "fuzz-<seed>") and the request, so a failing iteration replays exactly.
 * It only ever listens on the loopback address the harness gives it.
 */

$token = (string) ($_POST['wstoken'] ?? '');
$fn = (string) ($_POST['wsfunction'] ?? '');
mt_srand(crc32($token . '|' . $fn . '|' . http_build_query($_POST)));

function r(int $a, int $b): int { return mt_rand($a, $b); }
function pick(array $a): mixed { return $a[array_rand($a)]; }

function hostile_scalar(): mixed
{
    return pick([null, true, false, 0, -1, 7, 42, 1000, PHP_INT_MAX, PHP_INT_MIN, 1.5, 1e300, '', '7', '42', 'x', '-3',
        "\xff\xfe", "a\0b", str_repeat('e', 10240) . '@x.fr', 'Jean.Dupont@Exemple.FR', 'jean.dupont@exemple.fr', [], ['x' => 1], [[1]]]);
}

/** A record of plausible keys whose values are sometimes wrong. */
function record(array $keys): mixed
{
    if (r(0, 30) === 0) return hostile_scalar();
    $rec = [];
    foreach ($keys as $k => $good) {
        if (r(0, 9) === 0) continue;                          // missing
        $rec[$k] = r(0, 5) === 0 ? hostile_scalar() : $good;
    }
    if (r(0, 6) === 0) $rec[pick(['extra', 'id', '0', 'email'])] = hostile_scalar();
    return $rec;
}

function user(): mixed
{
    $i = r(1, 60);
    return record(['id' => pick([$i, 42, 2, 1000 + $i]), 'username' => pick(["u$i", 'jean.dupont', 'admin']),
        'email' => pick(["p$i@example.org", 'jean.dupont@exemple.fr', 'JEAN.DUPONT@EXEMPLE.FR', "P$i@EXAMPLE.ORG"]),
        'firstname' => 'Jean', 'lastname' => 'Dupont', 'auth' => pick(['manual', 'nologin', 'ldap']),
        'suspended' => pick([0, 1, false]), 'roles' => [['roleid' => pick([5, 3, 4]), 'shortname' => 'student']]]);
}

function list_of(callable $gen): array
{
    $n = pick([0, 1, 2, 3, 5, 20, r(0, 200)]);
    $out = [];
    for ($i = 0; $i < $n; $i++) $out[] = $gen();
    return $out;
}

function answer(string $fn): mixed
{
    switch ($fn) {
        case 'core_webservice_get_site_info':
            return record(['userid' => pick([2, 42, 7]), 'userissiteadmin' => pick([true, false]), 'sitename' => 'Fuzz',
                'functions' => [['name' => 'core_user_get_users_by_field']], 'release' => '4.5']);
        case 'core_user_get_users_by_field':
            return list_of('user');
        case 'core_user_get_users':
            return record(['users' => list_of('user'), 'warnings' => []]);
        case 'core_course_get_courses_by_field':
            return record(['courses' => list_of(fn () => record(['id' => pick([10, 11, '10', 0, -1]), 'shortname' => pick(['FORM-01', 'SUPPORT', 'form-01']), 'startdate' => pick([0, 1767225600, -5])])), 'warnings' => []]);
        case 'core_enrol_get_enrolled_users':
            return list_of('user');
        case 'core_group_get_course_groups':
            return list_of(fn () => record(['id' => pick([55, 56, '55']), 'courseid' => 10, 'idnumber' => pick(['TX1', 'tx1', '']), 'name' => 'Session']));
        case 'core_group_get_group_members':
            return list_of(fn () => record(['groupid' => 55, 'userids' => list_of(fn () => pick([42, 7, '7', -1, null]))]));
        case 'core_user_create_users':
            return list_of(fn () => record(['id' => r(1000, 1100), 'username' => pick(['u1', 'jean.dupont', 'new.user'])]));
        case 'core_group_create_groups':
            return list_of(fn () => record(['id' => r(50, 60), 'courseid' => 10, 'idnumber' => 'TX1', 'name' => 'Session']));
        default:
            return pick([null, [], ['warnings' => []], hostile_scalar()]);
    }
}

$mode = r(0, 19);
if ($mode === 0) { http_response_code(pick([400, 403, 404, 408, 429, 500, 502, 503])); echo pick(['', 'error', '{"exception":"x"}']); return; }
header('Content-Type: application/json');
if ($mode === 1) { echo pick(['', 'not json', '{"a":', '[1,2', "\xff\xfe", '<html>Maintenance</html>', 'null', '"string"', '12']); return; }
if ($mode === 2) {
    echo json_encode(['exception' => pick(['moodle_exception', 'invalid_parameter_exception', 'webservice_access_exception', 'required_capability_exception']),
        'errorcode' => pick(['invalidtoken', 'accessexception', 'invalidparameter', 'servicerequireslogin', 'sitemaintenance', 'x', '', "\xff"]),
        'message' => pick(['Invalid token', str_repeat('m', 100000), "\xff"]), 'debuginfo' => hostile_scalar()], JSON_INVALID_UTF8_IGNORE | JSON_PARTIAL_OUTPUT_ON_ERROR);
    return;
}
if ($mode === 3) { echo str_repeat('[', 600) . str_repeat(']', 600); return; }          // deeper than json's 512
if ($mode === 4) { echo str_repeat('[', 500) . '1' . str_repeat(']', 500); return; }     // deep but legal
$a = answer($fn);
$json = json_encode($a, JSON_INVALID_UTF8_IGNORE | JSON_PARTIAL_OUTPUT_ON_ERROR);
if ($mode === 5 && strlen((string) $json) > 2) $json = substr($json, 0, r(1, strlen($json) - 1));   // truncated
echo $json;
