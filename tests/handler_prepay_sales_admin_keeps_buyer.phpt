--TEST--
handler: prepay run by a sales admin (local_shop's placed -> pending transition) never binds the customer to the admin's account; the buyer's own session, or nobody logged in, goes through local_shop's registration
--SKIPIF--
<?php if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
require HANDLER_DIR . '/std_setuponecoursesession.class.php';

fake_site();
$handler = new shop_handler_std_setuponecoursesession('SESSION');
function prepay(string $who, ?int $hasaccount = 42, bool $light = false): void {
    global $handler;
    $GLOBALS['FAKE_LOG'] = [];
    $item = fake_bill_item(1);
    $item->shopid = 1;
    $item->customer->hasaccount = $hasaccount;
    if ($light) {
        // A light bill: no customer object, only its id.
        $item->customer = null;
        $item->bill->customer = null;
    }
    $errorstatus = false;
    $fb = $handler->produce_prepay($item, $errorstatus);
    echo str_pad($who, 34), ': ', count(fake_calls('shop_register_customer')) ? 'registered by local_shop' : 'kept', ' | ',
        strip_tags($fb->salesadmin), ' | error: ', var_export($errorstatus, true), "\n";
}

prepay('nobody logged in (payment return)');
$USER = (object) ['id' => 42];
prepay('the buyer');
$USER = (object) ['id' => 50];
prepay('another user, no sales admin');
$FAKE_CAPS['local/shop:salesadmin'] = true;
$USER = (object) ['id' => 2];
prepay('a sales admin');
prepay('a sales admin, customer unlinked', 0);
$DB->raw_insert('local_shop_customer', ['id' => 77, 'hasaccount' => 42]);
prepay('a sales admin, light bill', 42, true);
$USER = (object) ['id' => 42];
prepay('the buyer, also a sales admin');
?>
--EXPECT--
nobody logged in (payment return) : registered by local_shop | registered | error: false
the buyer                         : registered by local_shop | registered | error: false
another user, no sales admin      : registered by local_shop | registered | error: false
a sales admin                     : kept | TXID: TX123The order is run by a sales admin: the customer's Moodle account (id 42) is kept as the buyer of its sessions. local_shop would otherwise have made your account the customer's. | error: false
a sales admin, customer unlinked  : kept | TXID: TX123The customer has no Moodle account yet, and the order is run by a sales admin: it was not linked to your account. Link the customer record to the buyer's account (or let the buyer log in and confirm the order) before the order is paid, or its sessions cannot be set up. | error: false
a sales admin, light bill         : kept | TXID: TX123The order is run by a sales admin: the customer's Moodle account (id 42) is kept as the buyer of its sessions. local_shop would otherwise have made your account the customer's. | error: false
the buyer, also a sales admin     : registered by local_shop | registered | error: false
