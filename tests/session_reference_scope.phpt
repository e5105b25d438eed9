--TEST--
shop_setup_session(): referencescope ends every product reference, so that two items of one bill (one transaction id) never share one; absent, null or "" changes nothing, anything but 1 to 32 letters, digits or underscores is refused
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
$m = SessionModel::standard();
$users = ['student' => ['a@x.example' => ['A', 'A'], 'b@x.example' => ['B', 'B']], 'teacher' => ['t@x.example' => ['T', 'T']]];
$refs = function (array $p): array {
    $r = array_column(array_filter($p['operations'], fn ($o) => $o['op'] === 'create_product'), 'reference');
    sort($r);
    return $r;
};
$plain = $refs(session_plan($m, session_order($users)));
foreach ([null, ''] as $none) {
    echo json_encode($none), ' as it always was: ', var_export($refs(session_plan($m, session_order($users, ['referencescope' => $none]))) === $plain, true), "\n";
}
$a = session_plan($m, session_order($users, ['referencescope' => '900']));
$b = session_plan($m, session_order($users, ['referencescope' => 'item_901']));
$ra = $refs($a);
$rb = $refs($b);
echo 'scoped: ', var_export($ra === array_map(fn ($r) => "$r-900", $plain), true), ' ', $ra[0], "\n";
echo 'two items share none: ', count(array_intersect($ra, $rb)), "\n";
// The participants' lines and the columns format carry the same reference.
$rp = array_column($a['participants'], 'reference');
sort($rp);
echo 'participants: ', var_export($rp === $ra, true), "\n";
$c = session_plan($m, session_order($users, ['referencescope' => '900']), ['format' => 'columns']);
$rc = $c['participants']['reference'];
sort($rc);
echo 'columns: ', var_export($rc === $ra, true), "\n";
// Recorded with the scope: skipped. Recorded without it (another item of the bill): not this item's seat.
$m->products[$ra[0]] = true;
echo 'recorded with the scope: ', count($refs(session_plan($m, session_order($users, ['referencescope' => '900'])))), "\n";
$m->products = [$plain[0] => true];
echo 'recorded without it: ', count($refs(session_plan($m, session_order($users, ['referencescope' => '900'])))), "\n";
foreach (['9-1', 'é', "9\x00", str_repeat('9', 33), ' 9', 900, ['9']] as $bad) {
    try {
        shop_setup_session(session_order($users, ['referencescope' => $bad]));
        echo "accepted\n";
    } catch (\TypeError | \ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
echo 'longest: ', strlen($refs(session_plan($m, session_order($users, ['referencescope' => str_repeat('Z', 32)])))[0]), "\n";
?>
--EXPECTF--
null as it always was: true
"" as it always was: true
scoped: true TX1-%r[0-9A-Z]{13}%r-900
two items share none: 0
participants: true
columns: true
recorded with the scope: 2
recorded without it: 3
ValueError: shop_setup_session(): $order['referencescope'] may hold only ASCII letters, digits and underscores (byte 1)
ValueError: shop_setup_session(): $order['referencescope'] may hold only ASCII letters, digits and underscores (byte 0)
ValueError: shop_setup_session(): $order['referencescope'] contains a NUL byte at byte 1
ValueError: shop_setup_session(): $order['referencescope'] is 33 bytes long, more than the limit of 32
ValueError: shop_setup_session(): $order['referencescope'] may hold only ASCII letters, digits and underscores (byte 0)
TypeError: shop_setup_session(): $order['referencescope'] must be of type string, int given
TypeError: shop_setup_session(): $order['referencescope'] must be of type string, array given
longest: 50
