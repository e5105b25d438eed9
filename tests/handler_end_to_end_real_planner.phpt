--TEST--
handler: with the real shop_setup_session(), a bill item produces one group, one account per person, cross roles, and a re-run changes nothing
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

function emails_to_accounts(): array {
    global $DB;
    $by = [];
    foreach ($DB->tables['user'] as $u) {
        $by[strtolower($u['email'])][] = $u['id'];
    }
    return $by;
}

fake_site();
$handler = new shop_handler_std_setuponecoursesession('SESSION');

// 1. The same person twice (two spellings of one address): refused, clearly, nothing written.
$item = fake_bill_item(3, 'TX-E2E');
$item->productiondata->users['teacher']['Learner1@Client.FR'] = fake_participant('learner1', 'martin', 'Learner1@Client.FR');
$users = count($DB->tables['user']);
$fb = $handler->produce_postpay($item);
echo 'refused: ', var_export(stripos($fb->public, 'could not be set up') !== false, true),
    ', names the address: ', var_export(stripos($fb->public, 'learner1@client.fr') !== false, true),
    ', accounts unchanged: ', var_export(count($DB->tables['user']) === $users, true),
    ', no group: ', var_export(empty($DB->tables['groups']), true), "\n";

// 2. The corrected order (the existing account typed in capitals, a tutor, a supervisor seat).
$item = fake_bill_item(3, 'TX-E2E');
$fb = $handler->produce_postpay($item);
echo 'success: ', var_export(strpos($fb->public, 'is ready') !== false, true), "\n";
$groups = array_values(array_filter($DB->tables['groups'], fn($g) => $g['idnumber'] === 'TX-E2E' && $g['courseid'] == 10));
echo 'groups with the transaction id: ', count($groups), "\n";
$accounts = emails_to_accounts();
$declared = ['jean.dupont@exemple.fr', 'learner1@client.fr', 'learner2@client.fr', 'tutor@client.fr', 'boss@client.fr'];
foreach ($declared as $email) {
    echo $email, ': ', count($accounts[$email] ?? []), " account(s)\n";
}
echo 'existing account reused: ', var_export($accounts['jean.dupont@exemple.fr'] === [7], true), "\n";
$enrolled = [];
foreach ($DB->tables['user_enrolments'] as $ue) {
    if ($ue['enrolid'] == 20) {
        $enrolled[$ue['userid']] = true;
    }
}
$allenrolled = true;
foreach ($declared as $email) {
    $allenrolled = $allenrolled && isset($enrolled[$accounts[$email][0]]);
}
echo 'every participant enrolled: ', var_export($allenrolled, true), ', operator enrolled: ',
    var_export(isset($enrolled[42]), true), "\n";
$members = array_column(array_filter($DB->tables['groups_members'], fn($m) => $m['groupid'] == $groups[0]['id']), 'userid');
echo 'group members: ', count(array_unique($members)), "\n";
$products = count($DB->tables['local_shop_product']);
echo 'products: ', $products, "\n";
// Cross roles for an account this order created.
$tutor = $accounts['tutor@client.fr'][0];
$cross = 0;
foreach ($DB->tables['role_assignments'] as $ra) {
    $ctx = $DB->tables['context'][$ra['contextid']];
    if ($ctx['contextlevel'] == CONTEXT_USER && (($ra['userid'] == 42 && $ctx['instanceid'] == $tutor)
            || ($ra['userid'] == $tutor && $ctx['instanceid'] == 42))) {
        $cross++;
    }
}
echo 'cross roles for the new tutor: ', $cross, "\n";
echo 'new accounts get Moodle\'s password mail: ', count(array_filter($DB->tables['user_preferences'],
    fn($p) => $p['name'] === 'create_password')), "\n";

// 3. The same production again (second tab, payment notification): nothing changes.
$before = [count($DB->tables['user']), count($DB->tables['local_shop_product']), count($DB->tables['groups']),
    count($DB->tables['role_assignments']), count($DB->tables['user_enrolments'])];
$again = fake_bill_item(3, 'TX-E2E');
$fb = $handler->produce_postpay($again);
$after = [count($DB->tables['user']), count($DB->tables['local_shop_product']), count($DB->tables['groups']),
    count($DB->tables['role_assignments']), count($DB->tables['user_enrolments'])];
echo 'second run changes nothing: ', var_export($before === $after, true), ', says so: ',
    var_export(strpos($fb->public, 'already set up') !== false, true), "\n";
?>
--EXPECT--
refused: true, names the address: true, accounts unchanged: true, no group: true
success: true
groups with the transaction id: 1
jean.dupont@exemple.fr: 1 account(s)
learner1@client.fr: 1 account(s)
learner2@client.fr: 1 account(s)
tutor@client.fr: 1 account(s)
boss@client.fr: 1 account(s)
existing account reused: true
every participant enrolled: true, operator enrolled: true
group members: 6
products: 5
cross roles for the new tutor: 2
new accounts get Moodle's password mail: 4
second run changes nothing: true, says so: true
