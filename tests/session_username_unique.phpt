--TEST--
shop_setup_session(): new usernames follow firstname.lastname, folded to ASCII, suffixed until unique
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// New accounts: firstname.lastname folded to ASCII, numeric suffix against the site and the plan itself.
$m = SessionModel::standard();
$m->takenUsernames['jean.dupont'] = true;
$m->takenUsernames['jean.dupont1'] = true;
$order = session_order(['student' => [
    'j1@x.example' => ['Jean', 'Dupont'],
    'j2@x.example' => ['JEAN', 'DUPONT'],
    'g@x.example' => ['Jürgen', 'Groß'],
    'l@x.example' => ['Łukasz', 'Żółć'],
    'o@x.example' => ['Anne Marie', "O'Neil"],
    'c@x.example' => ['王', '伟'],
]]);
foreach (session_plan($m, $order)['participants'] as $q) echo $q['email'], ' => ', $q['username'], "\n";
echo json_encode(shop_setup_session($order)['lookups']['usernames']), "\n";
?>
--EXPECT--
j1@x.example => jean.dupont2
j2@x.example => jean.dupont3
g@x.example => jurgen.gross
l@x.example => lukasz.zolc
o@x.example => anne-marie.oneil
c@x.example => c
["jean.dupont","jurgen.gross","lukasz.zolc","anne-marie.oneil","c"]
