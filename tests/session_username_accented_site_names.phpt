--TEST--
shop_setup_session(): a site username with accents (extendedusernamechars) blocks the plain name it folds to, as MySQL's accent-insensitive unique index on usernames does
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// On MySQL (utf8mb4_unicode_ci, utf8mb4_0900_ai_ci) josé.dupont and jose.dupont are one key of the
// unique index on {user}(mnethostid, username), and the handler's accent-insensitive LIKE returns
// josé.dupont for the base jose.dupont: creating jose.dupont would fail the insert.
$m = SessionModel::standard();
foreach (['josé.dupont', 'STRAßE.anna', 'zoë.li1', 'иван.petrov'] as $taken) {
    $m->takenUsernames[$taken] = true;
}
$order = session_order(['student' => [
    'j@x.example' => ['Jose', 'Dupont'],
    'a@x.example' => ['Straße', 'Anna'],
    'z1@x.example' => ['Zoe', 'Li'],
    'z2@x.example' => ['Zoé', 'Li'],
    'i@x.example' => ['Ivan', 'Petrov'],
]]);
foreach (session_plan($m, $order)['participants'] as $q) echo $q['email'], ' => ', $q['username'], "\n";
?>
--EXPECT--
j@x.example => jose.dupont1
a@x.example => strasse.anna1
z1@x.example => zoe.li
z2@x.example => zoe.li2
i@x.example => ivan.petrov
