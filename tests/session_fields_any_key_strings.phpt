--TEST--
shop_setup_session(): a row's fields are found by name whatever strings hold its keys, row after row
--EXTENSIONS--
shop_setup
--FILE--
<?php
// The binding compares each key first with the key the row before had at that
// place. The same order and facts, with their rows' keys held by other strings
// (made at run time and shared by every row, made afresh for each row, in
// other orders, with unknown keys in between, objects, json_decode), must give
// the same plans as with literal keys.
require __DIR__ . '/inc/session_model.php';

function key_of(string $name): string { return implode('', str_split($name)); }   // not interned

// Rebuilds $row (name => value) in one of several ways; $shared: run-time keys made once.
function rebuild(array $row, string $how, array $shared): array|object
{
    $names = array_keys($row);
    switch ($how) {
        case 'literal': return $row;
        case 'shared': $out = []; foreach ($names as $n) $out[$shared[$n]] = $row[$n]; return $out;
        case 'reversed': $out = []; foreach (array_reverse($names) as $n) $out[$shared[$n]] = $row[$n]; return $out;
        case 'fresh': $out = []; foreach ($names as $n) $out[key_of($n)] = $row[$n]; return $out;
        case 'extra':
            $out = [];
            foreach ($names as $i => $n) {
                if ($i === 1) $out[key_of('nickname')] = 'ignored';
                $out[$shared[$n]] = $row[$n];
            }
            return $out;
        case 'object': return (object) rebuild($row, 'shared', $shared);
        case 'json': return json_decode(json_encode($row), true);
    }
    throw new LogicException($how);
}

$hows = ['shared', 'shared', 'reversed', 'shared', 'reversed', 'reversed', 'fresh', 'extra', 'shared', 'extra',
    'literal', 'object', 'json', 'shared'];
$shared = [];
foreach (['email', 'firstname', 'lastname', 'city', 'id', 'username', 'auth', 'suspended', 'deleted', 'courseid',
        'userid', 'status', 'timestart', 'timeend', 'roles'] as $n) {
    $shared[$n] = key_of($n);
}

$m = SessionModel::standard();
$users = $ids = [];
for ($i = 0; $i < 40; $i++) {
    $role = $i % 5 === 0 ? 'teacher' : 'student';
    $users[$role]["p$i@x.example"] = ['email' => "p$i@x.example", 'firstname' => "Prénom$i", 'lastname' => "Nom$i",
        'city' => "Ville$i"];
    if ($i % 3 === 0) {
        $ids[$i] = $m->addUser("P$i@X.example", "user$i");
        if ($i % 6 === 0) $m->enrol(10, $ids[$i], $role === 'teacher' ? 3 : 5);
    }
}
$order = session_order([]);
$order['quantity'] = 40;
$order['users'] = $users;
$facts = $m->facts($order);

$k = 0;
$order2 = $order;
foreach ($order2['users'] as $role => $list) {
    foreach ($list as $email => $row) {
        $order2['users'][$role][$email] = rebuild($row, $hows[$k++ % count($hows)], $shared);
    }
}
$facts2 = $facts;
foreach (['users', 'enrolments'] as $list) {
    foreach ($facts2[$list] as $i => $row) {
        $facts2[$list][$i] = rebuild($row, $hows[$k++ % count($hows)], $shared);
    }
}

$n = 0;
foreach ([[], ['format' => 'columns']] as $options) {
    $a = shop_setup_session($order, $facts, $options);
    $b = shop_setup_session($order2, $facts2, $options);
    echo ($a === $b ? 'same' : 'DIFFERENT'), ' plan (', $options['format'] ?? 'rows', ")\n";
}
$b = shop_setup_session($order2, $facts2);
foreach ($b['participants'] as $p) {
    $i = (int) substr($p['email'], 1);
    $n += $p['firstname'] === "Prénom$i" && $p['lastname'] === "Nom$i" && $p['userid'] === ($ids[$i] ?? null)
        && $p['action'] === (isset($ids[$i]) ? 'reuse' : 'create');
}
echo "$n of 40 participants read right\n";
echo $b['summary']['reused'], " reused, ", $b['summary']['created'], " created, ", $b['summary']['skipped'], " skipped\n";
$cities = 0;
foreach ($b['operations'] as $op) {
    if ($op['op'] === 'create_user') $cities += $op['user']['city'] === 'Ville' . substr($op['user']['email'], 1, -10);
}
echo "$cities cities of new accounts right\n";
echo shop_setup_session($order2)['lookups']['emails'] === shop_setup_session($order)['lookups']['emails'] ? "same lookups\n" : "DIFFERENT lookups\n";
?>
--EXPECT--
same plan (rows)
same plan (columns)
40 of 40 participants read right
14 reused, 26 created, 7 skipped
26 cities of new accounts right
same lookups
