--TEST--
shop_setup_session(): references made while the order is read are handed over or freed on every path
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Phase 2 makes each valid address's reference string while it reads the order
// (docs/session.md, "A fifth round"). Both formats hand them over; an invalid
// address gets none; an exception after some were made frees them (the
// valgrind and ASan stages see a leak as a failure).
$m = SessionModel::standard();
$o = session_order(['student' => ['a@x.example' => ['A', 'A'], 'not an address' => ['B', 'B'], 'A@X.example' => ['C', 'C']],
    'teacher' => ['t@x.example' => ['T', 'T']]]);
$f = $m->facts($o);
for ($k = 0; $k < 3; $k++) {
    $rows = shop_setup_session($o, $f);
    $cols = shop_setup_session($o, $f, ['format' => 'columns']);
    $part = shop_setup_session($o, $f, ['partial' => true, 'format' => 'columns']);
}
var_dump($cols['participants']['reference'] === array_column($rows['participants'], 'reference'),
    $part['participants']['reference'] === $cols['participants']['reference']);
echo implode(' ', array_map(fn ($r) => $r === '' ? '-' : $r, $cols['participants']['reference'])), "\n";
echo implode(' ', array_column($rows['errors'], 'code')), "\n";
// The references of a clean order are those of its operations.
$ok = session_order(['student' => ['a@x.example' => ['A', 'A']], 'teacher' => ['t@x.example' => ['T', 'T']]]);
$p = shop_setup_session($ok, $m->facts($ok));
$ops = array_column(array_filter($p['operations'], fn ($x) => $x['op'] === 'create_product'), 'reference');
var_dump($ops === array_column($p['participants'], 'reference'));
// An exception on the fourth participant, after three references were made;
// then one in the facts, after all of them.
$bad = $o;
$bad['users']['teacher']['t@x.example']['city'] = ['Lyon'];
$badf = $f;
$badf['users'] = 'nobody';
for ($k = 0; $k < 2; $k++) {
    foreach ([[$bad, $f], [$o, $badf]] as [$x, $y]) {
        try {
            shop_setup_session($x, $y, ['format' => $k ? 'columns' : 'rows']);
        } catch (TypeError $e) {
            echo $e->getMessage(), "\n";
        }
    }
}
// Phase 1 makes none.
var_dump(isset(shop_setup_session($o)['lookups']));
?>
--EXPECT--
bool(true)
bool(true)
TX1-8AFSN8XT87R1F - TX1-8AFSN8XT87R1F TX1-3PWK4Q0HH1VV6
invalid_email duplicate
bool(true)
shop_setup_session(): $order['users']['teacher']['t@x.example']['city'] must be of type string, array given
shop_setup_session(): $facts['users'] must be of type array, string given
shop_setup_session(): $order['users']['teacher']['t@x.example']['city'] must be of type string, array given
shop_setup_session(): $facts['users'] must be of type array, string given
bool(true)
