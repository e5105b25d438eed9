--TEST--
handler: the order's group is found as groups_create_group() looks for it (PHP's loose == over the course's groups), not by the database's collation: a case variant of another order's idnumber gets its own group, and an idnumber Moodle confuses with the order's ("42" for "00042") is refused before anything is written
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php
if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs');
if (!function_exists('shop_setup_session')) die('skip shop_setup_session() not built yet');
?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
require HANDLER_DIR . '/std_setuponecoursesession.class.php';

function members(int $groupid): int {
    global $DB;
    return count(array_filter($DB->tables['groups_members'] ?? [], fn($m) => (int) $m['groupid'] === $groupid));
}

$handler = new shop_handler_std_setuponecoursesession('SESSION');
// The database compares as MySQL's default collation does (case-insensitive).
$FAKE_COLLATION_CI = true;

// 1. Another order's group "ORDER-ABC"; this order is "order-abc".
fake_site();
$other = $DB->raw_insert('groups', ['courseid' => 10, 'idnumber' => 'ORDER-ABC', 'name' => 'Session ORDER-ABC']);
$item = fake_bill_item(2, 'order-abc');
$fb = $handler->produce_postpay($item);
$mine = array_values(array_filter($DB->tables['groups'], fn($g) => $g['idnumber'] === 'order-abc'));
echo 'set up: ', var_export(strpos($fb->public, 'is ready') !== false, true), ', own group: ', count($mine),
    ', members of the other order\'s group: ', members($other), ', of its own: ', members((int) $mine[0]['id']), "\n";
$item = fake_bill_item(2, 'order-abc');
$fb = $handler->produce_postpay($item);
echo 'run again: ', var_export(strpos($fb->public, 'already set up') !== false, true), ', groups: ', count($DB->tables['groups']), "\n";

// 2. A group "42"; this order is "00042": groups_create_group() would throw idnumbertaken at every run.
fake_site();
$DB->raw_insert('groups', ['courseid' => 10, 'idnumber' => '42', 'name' => 'Old group']);
$users = count($DB->tables['user']);
$item = fake_bill_item(2, '00042');
$fb = $handler->produce_postpay($item);
echo 'refused: ', var_export(strpos($fb->salesadmin, 'group_idnumber_taken') !== false, true),
    ', names the group: ', var_export(strpos($fb->salesadmin, '&quot;42&quot;') !== false || strpos($fb->salesadmin, '"42"') !== false, true),
    ', nothing written: ', var_export(count($DB->tables['user']) === $users && count($DB->tables['groups']) === 1, true), "\n";
?>
--EXPECT--
set up: true, own group: 1, members of the other order's group: 0, of its own: 5
run again: true, groups: 2
refused: true, names the group: true, nothing written: true
