--TEST--
shop_setup_session(): the columns format holds exactly the rows format's plan (random orders, half-applied sites, partial mode)
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php
if (!is_file(__DIR__ . '/../examples/session/columns.php')) die('skip examples/ are not shipped in PECL tarballs');
?>
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
require __DIR__ . '/../examples/session/columns.php';

use function ShopSetup\Example\columns_to_rows;

/* The participant fields both formats carry, from the rows and from the columns. */
function from_rows(array $plan): array
{
    $out = [];
    foreach ($plan['participants'] as $p) {
        $f = ($p['action'] === 'reuse' ? SHOP_SETUP_REUSE : 0) | ($p['action'] === 'create' ? SHOP_SETUP_CREATE : 0)
            | ($p['attach'] ? SHOP_SETUP_ATTACH : 0) | ($p['status'] === 'error' ? SHOP_SETUP_ERROR : 0);
        $out[] = [$f, $p['userid'], $p['username'], $p['roleid'], $p['reference']];
    }
    return $out;
}
function from_columns(array $plan): array
{
    $c = $plan['participants'];
    $out = [];
    foreach ($c['flags'] as $i => $f) {
        $out[] = [$f & ~0xff, $c['userid'][$i], $c['username'][$i], $c['roleid'][$i], $c['reference'][$i]];
    }
    return $out;
}

$firsts = ['Jean', 'Hélène', 'Łukasz', 'Søren', 'Anne Marie', "O'Neil", 'Zoë'];
$lasts = ['Dupont', 'Groß', 'Đoković', 'Martin', 'Lefèvre'];
$compared = $ops = $bad = 0;
for ($seed = 1; $seed <= 60; $seed++) {
    mt_srand($seed);
    $m = SessionModel::standard();
    $n = mt_rand(1, 25);
    $users = [];
    for ($i = 0; $i < $n; $i++) {
        $email = "person$i.s$seed@example.org";
        $role = mt_rand(0, 3) ? 'student' : 'teacher';
        $typed = mt_rand(0, 3) ? $email : (mt_rand(0, 1) ? strtoupper($email) : " $email\u{00A0}");
        if (mt_rand(0, 12) === 0) $typed = "person0.s$seed@example.org";   // a duplicate now and then
        if (mt_rand(0, 15) === 0) $typed = "not an address $i";
        $users[$role][$typed] = [$firsts[mt_rand(0, 6)], $lasts[mt_rand(0, 4)]];
        if (mt_rand(0, 2) === 0) {
            $id = $m->addUser(ucfirst($email), "u{$seed}_$i");
            if (mt_rand(0, 4) === 0) $m->privileged[$id] = true;
            if (mt_rand(0, 1)) $m->enrol(10, $id, mt_rand(0, 1) ? 5 : 3);
            if (mt_rand(0, 2) === 0) $m->ras["3:42:$id"] = true;
        }
    }
    $params = 'coursename=FORM-01&requiredroles=student,teacher&attachexisting=' . ['never', 'owned', 'always'][mt_rand(0, 2)]
        . (mt_rand(0, 1) ? '&customersupport=SUPPORT' : '') . (mt_rand(0, 1) ? '' : '&autoenrolsupervisor=0');
    $order = session_order($users, ['transactionid' => "TX$seed", 'quantity' => $n + mt_rand(-1, 3),
        'catalogitemid' => 7, 'billitemid' => $seed], $params);
    foreach (mt_rand(0, 1) ? [[], ['partial' => true]] : [['partial' => true]] as $options) {
        for ($round = 0; $round < 3; $round++) {
            $facts = $m->facts($order);
            $rows = shop_setup_session($order, $facts, $options);
            $cols = shop_setup_session($order, $facts, $options + ['format' => 'columns']);
            $same = columns_to_rows($order, $cols) === $rows['operations'] && from_rows($rows) === from_columns($cols);
            foreach (['phase', 'ok', 'errors', 'warnings', 'params', 'window', 'group', 'summary'] as $k) {
                $same = $same && $rows[$k] === $cols[$k];
            }
            if (!$same) { $bad++; echo "seed $seed round $round: formats differ\n"; }
            $compared++;
            $ops += count($rows['operations']);
            if (!$rows['operations']) break;
            $m->apply($rows, mt_rand(1, count($rows['operations'])));   // part or all of it, then plan again
        }
    }
}
echo "compared $compared plans, ", $ops > 300 ? 'many' : 'few', " operations, $bad different\n";

// A session set up in full, then one kind of record taken away: each participant
// then needs only that kind of operation (a plan applied in part never leaves
// these states, as operations come kind by kind).
$order = session_order(['student' => ['a1@x.example' => ['A', 'Un'], 'a2@x.example' => ['A', 'Deux']],
    'teacher' => ['t1@x.example' => ['T', 'Un']]], [], 'coursename=FORM-01&requiredroles=student,teacher&attachexisting=always');
foreach (['members', 'products', 'ras', 'members+products'] as $gone) {
    $m = SessionModel::standard();
    $m->apply(shop_setup_session($order, $m->facts($order)));
    foreach (explode('+', $gone) as $what) {
        if ($what === 'members') foreach ($m->groups as $k => $g) $m->groups[$k]['members'] = [];
        if ($what === 'products') $m->products = [];
        if ($what === 'ras') $m->ras = [];
    }
    $facts = $m->facts($order);
    $rows = shop_setup_session($order, $facts);
    $cols = shop_setup_session($order, $facts, ['format' => 'columns']);
    printf("%s gone: %d operations, formats %s\n", $gone, count($rows['operations']),
        columns_to_rows($order, $cols) === $rows['operations'] && $rows['summary'] === $cols['summary'] ? 'agree' : 'differ');
}

// The option itself.
$order = session_order(['student' => ['a@b.fr' => ['A', 'B']]]);
$m = SessionModel::standard();
$c = shop_setup_session($order, $m->facts($order), ['format' => 'columns']);
echo $c['format'], ' ', implode(',', array_keys($c['participants'])), "\n";
printf("flags %d = create %d enrol %d member %d ops %d\n", $c['participants']['flags'][0], SHOP_SETUP_CREATE,
    SHOP_SETUP_OP_ENROL, SHOP_SETUP_OP_ADD_MEMBER, count($c['operations']));
var_dump(isset(shop_setup_session($order, $m->facts($order), ['format' => 'rows'])['format']));
foreach ([['format' => 'table'], ['format' => 1]] as $o) {
    try { shop_setup_session($order, $m->facts($order), $o); } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
?>
--EXPECT--
compared 196 plans, many operations, 0 different
members gone: 4 operations, formats agree
products gone: 3 operations, formats agree
ras gone: 6 operations, formats agree
members+products gone: 7 operations, formats agree
columns flags,userid,username,roleid,reference,email
flags 1659 = create 512 enrol 2 member 8 ops 3
bool(false)
ValueError: shop_setup_session(): $options['format'] must be "rows" or "columns"
TypeError: shop_setup_session(): $options['format'] must be of type string, int given
