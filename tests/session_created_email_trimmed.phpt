--TEST--
shop_setup_session(): a new account's email is trimmed like its match key (BOM, no-break spaces), so planning again finds it (found by fuzz/session_fuzz.php)
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Spreadsheets export a BOM; web forms paste U+00A0. The match key drops them,
// the create_user email kept them: the next lookup (LOWER(email) IN keys) missed
// the new account and a second one would have been created.
$m = SessionModel::standard();
$order = session_order(['student' => [
    "\xEF\xBB\xBFJean.Dupont@x.example" => ['Jean', 'Dupont'],
    "\xC2\xA0ann@x.example\xE2\x80\x83" => ['Ann', 'Li'],
    "  bob@x.example\t" => ['Bob', 'Smith'],
]]);
$plan = session_plan($m, $order);
foreach ($plan['operations'] as $op) {
    if ($op['op'] === 'create_user') echo bin2hex($op['user']['email']) === bin2hex(trim($op['user']['email'])) ? '' : 'untrimmed ', $op['user']['email'], "\n";
}
$m->apply($plan);
$again = session_plan($m, $order);
var_dump($again['ok'], count($again['operations']));
?>
--EXPECT--
Jean.Dupont@x.example
ann@x.example
bob@x.example
bool(true)
int(0)
