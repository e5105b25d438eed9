--TEST--
shop_setup_session(): the transaction id is used as Moodle stores it in the group's idnumber (trimmed), so a re-run finds the group and the products; a blank one is refused
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// groups_create_group() stores trim($idnumber): the plan says what Moodle will store.
$m = SessionModel::standard();
$order = session_order(['student' => ['a@x.example' => ['A', 'A']]], ['transactionid' => " TX-9\t\n"]);
$lookup = shop_setup_session($order);
echo json_encode($lookup['lookups']['groupidnumber']), "\n";
$p = session_plan($m, $order);
echo json_encode($p['group']), ' ', json_encode($p['participants'][0]['reference']), "\n";
$c = shop_setup_session($order, $m->facts($order), ['format' => 'columns']);
echo json_encode($c['group']), ' ', json_encode($c['participants']['reference'][0]), "\n";
// Applied, then planned again: nothing left to do (the group and the product are found).
$m->apply($p);
$again = session_plan($m, $order);
echo 'operations after a complete apply: ', count($again['operations']), ', skipped: ', $again['summary']['skipped'], "\n";
// The same order with the id given without the spaces is the same session.
$order['transactionid'] = 'TX-9';
echo 'same session: ', count(session_plan($m, $order)['operations']), " operations\n";
// A blank transaction id would give a group without idnumber, a new one at every run.
foreach (["   ", "\t\n"] as $blank) {
    try {
        shop_setup_session(['transactionid' => $blank] + $order);
    } catch (ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
"TX-9"
{"id":null,"idnumber":"TX-9","name":"Session TX-9"} "TX-9-8AFSN8XT87R1F"
{"id":null,"idnumber":"TX-9","name":"Session TX-9"} "TX-9-8AFSN8XT87R1F"
operations after a complete apply: 0, skipped: 7
same session: 0 operations
ValueError: shop_setup_session(): $order['transactionid'] must not be blank (it becomes the group's idnumber, which Moodle trims)
ValueError: shop_setup_session(): $order['transactionid'] must not be blank (it becomes the group's idnumber, which Moodle trims)
