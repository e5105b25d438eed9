--TEST--
shop_setup_session(): calls of one request that reuse the huge-page scratch (phase 1, phase 2, again) plan as if each were the first
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') die('skip the scratch is off without Zend\'s allocator (valgrind, ASan)');
?>
--INI--
memory_limit=1G
--FILE--
<?php
// 60,000 participants: the planner's tables are over 2 MiB, the size from
// which they come zeroed from the scratch. A table left as the previous call
// wrote it would hold that call's keys: every participant a duplicate.
$n = 60000;
$users = $accounts = [];
for ($i = 0; $i < $n; $i++) {
    $email = "learner$i@client" . ($i % 50) . '.example';
    $users[$i % 9 === 0 ? 'teacher' : 'student'][$email] = ['firstname' => 'Jean' . ($i % 13), 'lastname' => 'Dupont' . ($i % 11), 'email' => $email];
    if ($i % 3 === 0) $accounts[] = ['id' => 1000 + $i, 'email' => ucfirst($email), 'username' => "u$i", 'auth' => 'manual', 'suspended' => 0, 'deleted' => 0];
}
$order = ['transactionid' => 'TXSCR', 'quantity' => $n, 'operator' => 42, 'now' => 1767225600,
    'handlerparams' => 'coursename=FORM-01&requiredroles=student,teacher', 'users' => $users];
$facts = ['course' => ['id' => 10, 'startdate' => 0], 'roles' => ['student' => 5, 'teacher' => 3],
    'users' => $accounts, 'usernames' => ['jean1.dupont1'], 'privileged' => [], 'enrolments' => [], 'group' => null,
    'roleassignments' => [], 'products' => []];

$first = shop_setup_session($order, $facts, ['format' => 'columns']);
$lookup = shop_setup_session($order);
$again = shop_setup_session($order, $facts, ['format' => 'columns']);
$third = shop_setup_session($order, $facts, ['format' => 'columns']);
printf("%d match keys, %d errors\n", count($lookup['lookups']['emails']), count($lookup['errors']));
var_dump($first['ok'], count($first['errors']), $first === $again, $again === $third);
$f = $first['participants']['flags'];
printf("%d to create, %d to reuse\n", count(array_filter($f, fn ($x) => $x & SHOP_SETUP_CREATE)), count(array_filter($f, fn ($x) => $x & SHOP_SETUP_REUSE)));
$names = array_filter($first['participants']['username'], fn ($u) => !str_starts_with($u, 'u'));
echo count(array_unique($names)), " distinct new usernames\n";
?>
--EXPECT--
60000 match keys, 0 errors
bool(true)
int(0)
bool(true)
bool(true)
40000 to create, 20000 to reuse
40000 distinct new usernames
