--TEST--
shop_setup_session(): the planner's tables count against memory_limit; past it, a clean Error and nothing kept
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') die('skip memory_limit is not enforced without Zend\'s allocator (valgrind, ASan)');
?>
--FILE--
<?php
// The limit is set once the order is built: 8 MiB above what PHP holds then
// (a debug build of PHP spends more on the order's arrays than a release
// build). The plan's working set for 60,000 participants (huge-page scratch
// and tables, which are not emalloc'd) does not fit in it.
$users = [];
for ($i = 0; $i < 60000; $i++) {
    $users['student']["learner$i@client$i.example"] = ['firstname' => "Jean$i", 'lastname' => "Dupont$i", 'email' => "learner$i@client$i.example"];
}
$order = ['transactionid' => 'TXMEM', 'quantity' => 60000, 'operator' => 42, 'now' => 1767225600,
    'handlerparams' => 'coursename=FORM-01', 'users' => $users];
ini_set('memory_limit', (string) (memory_get_usage(true) + (8 << 20)));
$before = memory_get_usage();
for ($k = 0; $k < 2; $k++) {
    try {
        shop_setup_session($order);
        echo "planned\n";
    } catch (Error $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
    unset($e);
    echo 'kept: ', memory_get_usage() - $before < 65536 ? 'nothing' : (memory_get_usage() - $before) . ' bytes', "\n";
}
// A smaller order still plans in the same request.
$order['users']['student'] = array_slice($users['student'], 0, 3000, true);
$order['quantity'] = 3000;
unset($users);
echo count(shop_setup_session($order)['lookups']['emails']), " match keys\n";
?>
--EXPECT--
Error: shop_setup_session(): out of memory (the plan's tables count against memory_limit)
kept: nothing
Error: shop_setup_session(): out of memory (the plan's tables count against memory_limit)
kept: nothing
3000 match keys
