--TEST--
handler: role keys as local_shop's front writes them for "requiredroles=student, teacher, supervisor" (" teacher", " supervisor": split on ',' and never trimmed) set up the session; one address under two spellings of a role is reported, never overwritten
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
use shophandlers_std_setuponecoursesession\order_builder;

fake_site();
$handler = new shop_handler_std_setuponecoursesession('SESSION');
$item = fake_bill_item(2, 'TX-KEYS');
$users = $item->productiondata->users;
$item->productiondata->users = ['student' => $users['student'], ' teacher' => $users['teacher'], ' supervisor' => $users['_supervisor']];
$item->actionparams['requiredroles'] = 'student, teacher, supervisor';
echo json_encode(array_keys(order_builder::from_billitem($item)['users'])), "\n";
$fb = $handler->produce_postpay($item);
echo 'set up: ', var_export(strpos($fb->public, 'is ready') !== false, true), "\n";
$roles = [];
foreach ($DB->tables['role_assignments'] as $ra) {
    $ctx = $DB->tables['context'][$ra['contextid']];
    if ($ctx['contextlevel'] == CONTEXT_COURSE) {
        $u = $DB->tables['user'][$ra['userid']];
        $roles[$u['email']] = $DB->tables['role'][$ra['roleid']]['shortname'];
    }
}
echo 'tutor: ', $roles['tutor@client.fr'] ?? '-', ', supervisor seat: ', $roles['boss@client.fr'] ?? '-', "\n";

// The tutor typed again under "teacher": two entries, so the planner names both.
$order = order_builder::from_billitem((function () {
    $item = fake_bill_item(2, 'TX-KEYS2');
    $users = $item->productiondata->users;
    $item->productiondata->users = [' teacher' => $users['teacher'], 'teacher' => ['tutor@client.fr' => fake_participant('tom', 'tutor', 'Tutor@Client.fr')]];
    return $item;
})());
echo json_encode($order['users']['teacher']['tutor@client.fr']['email']), ' ', json_encode($order['users'][' teacher']['tutor@client.fr']['email']), "\n";
$plan = shop_setup_session($order);
echo implode(', ', array_unique(array_column($plan['errors'], 'code'))), "\n";
?>
--EXPECT--
["student","teacher","_supervisor"]
set up: true
tutor: teacher, supervisor seat: teacher
"Tutor@Client.fr" "tutor@client.fr"
unknown_role, duplicate
