--TEST--
handler: an order phase 1 refuses is reported with the problems only the facts show (suspended, nologin, several accounts, the buyer's account), nothing written
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

$DB = fake_site();
$DB->seed('user', [
    ['id' => 60, 'username' => 'sue', 'email' => 'sue@client.fr', 'auth' => 'manual', 'mnethostid' => 1,
        'deleted' => 0, 'suspended' => 1, 'firstname' => 'Sue', 'lastname' => 'Pended'],
    ['id' => 61, 'username' => 'nolo', 'email' => 'nolo@client.fr', 'auth' => 'nologin', 'mnethostid' => 1,
        'deleted' => 0, 'suspended' => 0, 'firstname' => 'No', 'lastname' => 'Login'],
    ['id' => 62, 'username' => 'twin1', 'email' => 'twin@client.fr', 'auth' => 'manual', 'mnethostid' => 1,
        'deleted' => 0, 'suspended' => 0, 'firstname' => 'Twin', 'lastname' => 'One'],
    ['id' => 63, 'username' => 'twin2', 'email' => 'TWIN@client.fr', 'auth' => 'manual', 'mnethostid' => 1,
        'deleted' => 0, 'suspended' => 0, 'firstname' => 'Twin', 'lastname' => 'Two'],
]);
$handler = new shop_handler_std_setuponecoursesession('SESSION');

$item = fake_bill_item(3, 'TX-ALL');
// Phase 1 sees this one: the same person twice.
$item->productiondata->users['teacher']['Learner1@Client.FR'] = fake_participant('learner1', 'martin', 'Learner1@Client.FR');
// Only the facts show these.
foreach (['sue@client.fr', 'nolo@client.fr', 'twin@client.fr'] as $email) {
    $item->productiondata->users['student'][$email] = fake_participant('x', 'y', $email);
}
$item->quantity = 20;
$before = array_map('count', $DB->tables);
$fb = $handler->produce_postpay($item);
$after = array_map('count', $DB->tables);
echo 'nothing written: ', var_export($before == $after, true), "\n";
foreach (['duplicate', 'account_suspended', 'account_nologin', 'ambiguous_email'] as $code) {
    echo $code, ': ', substr_count($fb->salesadmin, "[$code]"), "\n";
}
echo 'the customer is told too: ', var_export(stripos($fb->public, 'sue@client.fr') !== false, true), "\n";

// The buyer's account suspended too: said with the rest, not after it.
$DB->tables['user'][42]['suspended'] = 1;
$fb = $handler->produce_postpay($item);
echo 'nothing written: ', var_export($after == array_map('count', $DB->tables), true), "\n";
foreach (['operator_account', 'duplicate', 'account_suspended'] as $code) {
    echo $code, ': ', substr_count($fb->salesadmin, "[$code]"), "\n";
}
?>
--EXPECT--
nothing written: true
duplicate: 1
account_suspended: 1
account_nologin: 1
ambiguous_email: 1
the customer is told too: true
nothing written: true
operator_account: 1
duplicate: 1
account_suspended: 1
