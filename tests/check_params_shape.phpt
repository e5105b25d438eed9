--TEST--
shop_setup_check_params(): every issue is [level, code, key, offset, message] with the documented types, sorted by offset
--EXTENSIONS--
shop_setup
--FILE--
<?php
$issues = shop_setup_check_params("x=%zz&coursename=A&coursename=B&foo=1&supervisor=Bad");
$bad = 0;
$last = -1;
foreach ($issues as $i => $issue) {
    $ok = array_keys($issue) === ['level', 'code', 'key', 'offset', 'message']
        && in_array($issue['level'], ['error', 'warning'], true)
        && is_string($issue['code']) && preg_match('/^[a-z0-9_]+$/', $issue['code'])
        && ($issue['key'] === null || is_string($issue['key']))
        && ($issue['offset'] === null || is_int($issue['offset']))
        && is_string($issue['message']) && $issue['message'] !== '';
    $bad += !$ok;
    if ($issue['offset'] !== null) {
        $bad += $issue['offset'] < $last;
        $last = $issue['offset'];
    }
}
var_dump(array_is_list($issues), count($issues), $bad);
echo implode(' ', array_column($issues, 'code')), "\n";
?>
--EXPECT--
bool(true)
int(4)
int(0)
malformed_escape duplicate_key unknown_key invalid_role
