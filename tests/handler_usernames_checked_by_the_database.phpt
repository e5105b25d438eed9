--TEST--
handler: the usernames a plan gives new accounts are checked with the database's own comparison (MySQL: "anna.straße" is "anna.strasse", which the collector's LIKE does not return); a taken one is replanned with a suffix, in one more query when none is taken
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
use shophandlers_std_setuponecoursesession\facts_collector;

function usernames_of(array $emails): string {
    global $DB;
    $out = [];
    foreach ($DB->tables['user'] as $u) {
        if (in_array($u['email'], $emails, true)) {
            $out[] = $u['username'];
        }
    }
    return implode(', ', $out);
}

$handler = new shop_handler_std_setuponecoursesession('SESSION');
// The database compares as MySQL's default collation does.
$FAKE_COLLATION_CI = true;

fake_site();
// Accounts made with extendedusernamechars on: the first two equal, for MySQL, names the order needs.
foreach (['anna.straße', 'anna.strasse1', "le\u{0301}a.roy"] as $i => $name) {
    $DB->raw_insert('user', ['id' => 300 + $i, 'username' => $name, 'email' => "old$i@example.org", 'auth' => 'manual',
        'mnethostid' => 1, 'deleted' => 0, 'suspended' => 0, 'firstname' => 'Old', 'lastname' => 'Account']);
}
$item = fake_bill_item(1, 'TX-NAMES');
$item->productiondata->users['student'] = [
    'anna@client.fr' => fake_participant('anna', 'straße', 'anna@client.fr'),
    'lea@client.fr' => fake_participant('léa', 'roy', 'lea@client.fr'),
];
$item->quantity = 4;
$fb = $handler->produce_postpay($item);
echo 'set up: ', var_export(strpos($fb->public, 'is ready') !== false, true), "\n";
echo 'new accounts: ', usernames_of(['anna@client.fr', 'lea@client.fr']), "\n";

// A database that holds every name the planner tries: refused after five more plans, nothing written.
$FAKE_USERNAMES_ALL_TAKEN = true;
$item = fake_bill_item(1, 'TX-NAMES2');
$item->productiondata->users['student'] = ['new@client.fr' => fake_participant('nina', 'neuve', 'new@client.fr')];
$users = count($DB->tables['user']);
$fb = $handler->produce_postpay($item);
echo 'refused: ', var_export(strpos($fb->salesadmin, 'username_taken') !== false, true),
    ', names the account in the way: ', var_export(preg_match('/admin \\(nina\\.neuve\\d*\\)/', $fb->salesadmin) === 1, true), ', nothing written: ',
    var_export(count($DB->tables['user']) === $users, true), "\n";
$FAKE_USERNAMES_ALL_TAKEN = false;

// Queries: one IN per chunk when nothing is taken, a few more (halving) to tell which when something is.
$collector = new facts_collector($DB, 1, [2]);
$names = array_map(fn($i) => "free$i.name", range(1, 40));
$DB->queries = [];
echo json_encode(array_keys($collector->taken_usernames($names))), ' in ', count($DB->queries), " query\n";
$names[17] = 'ANNA.STRASSE';
$DB->queries = [];
echo json_encode(array_keys($collector->taken_usernames($names))), ' in ', count($DB->queries), " queries\n";
?>
--EXPECT--
set up: true
new accounts: anna.strasse2, lea.roy1
refused: true, names the account in the way: true, nothing written: true
[] in 1 query
["ANNA.STRASSE"] in 11 queries
