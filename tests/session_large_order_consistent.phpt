--TEST--
shop_setup_session(): a 3,000-participant order (planned in a huge-page scratch) gives the same plan in both formats, applies, and plans again to nothing
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php
if (!is_file(__DIR__ . '/../examples/session/columns.php')) die('skip examples/ are not shipped in PECL tarballs');
?>
--INI--
memory_limit=512M
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
require __DIR__ . '/../examples/session/columns.php';

mt_srand(42);
$m = SessionModel::standard();
$users = [];
$n = 3000;
for ($i = 0; $i < $n; $i++) {
    $email = "learner$i@client" . ($i % 50) . '.example';
    $role = $i % 9 === 0 ? 'teacher' : 'student';
    $users[$role][$i % 7 === 0 ? strtoupper($email) : $email] = ['Jean' . ($i % 13), 'Dupönt' . ($i % 11)];
    if ($i % 3 === 0) {
        $id = $m->addUser(ucfirst($email), "u$i");
        if ($i % 6 === 0) $m->enrol(10, $id, $role === 'teacher' ? 3 : 5);
        if ($i % 30 === 0) $m->ras["3:42:$id"] = true;
    }
    if ($i % 5 === 0) $m->takenUsernames['jean' . ($i % 13) . '.dupont' . ($i % 11)] = true;
}
$order = session_order($users, ['transactionid' => 'TXBIG', 'quantity' => $n],
    'coursename=FORM-01&requiredroles=student,teacher&customersupport=SUPPORT');

$lookup = shop_setup_session($order);
echo count($lookup['lookups']['emails']), " match keys, ", count($lookup['lookups']['usernames']), " bases\n";
$facts = $m->facts($order);
$rows = shop_setup_session($order, $facts);
$cols = shop_setup_session($order, $facts, ['format' => 'columns']);
var_dump($rows['ok'], columns_to_rows_same($order, $rows, $cols));
$names = array_column(array_column(array_filter($rows['operations'], fn ($o) => $o['op'] === 'create_user'), 'user'), 'username');
echo count($names), " accounts to create, ", count(array_unique($names)), " distinct usernames\n";
$m->apply($rows);
$again = shop_setup_session($order, $m->facts($order), ['format' => 'columns']);
var_dump($again['ok'], $again['operations'], array_sum(array_map(fn ($f) => $f & 0xff, $again['participants']['flags'])));

function columns_to_rows_same(array $order, array $rows, array $cols): bool
{
    return ShopSetup\Example\columns_to_rows($order, $cols) === $rows['operations'] && $rows['summary'] === $cols['summary'];
}
?>
--EXPECT--
3000 match keys, 143 bases
bool(true)
bool(true)
2000 accounts to create, 2000 distinct usernames
bool(true)
array(0) {
}
int(0)
