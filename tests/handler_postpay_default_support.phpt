--TEST--
handler: postpay run alone (a sales admin's pending -> sold out transition, bill loaded afresh) applies the shop's default support course as prepay does; a product's own customersupport, even 0, wins
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php
if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs');
if (!function_exists('shop_setup_session')) die('skip shop_setup_session() not built yet');
?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
require HANDLER_DIR . '/std_setuponecoursesession.class.php';

function in_support(int $userid): bool {
    global $DB;
    foreach ($DB->tables['user_enrolments'] as $ue) {
        if ((int) $ue['enrolid'] === 22 && (int) $ue['userid'] === $userid) {
            return true;
        }
    }
    return false;
}

$handler = new shop_handler_std_setuponecoursesession('SESSION');
foreach (['the bill\'s shop' => 'theshop', 'the bill\'s shop id' => 'shopid', 'the product says 0' => 'zero', 'no shop known' => 'none'] as $label => $how) {
    fake_site();
    $item = fake_bill_item(1, 'TX-SUP');
    if ($how === 'theshop') {
        $item->bill->theshop = new \local_shop\Shop(3);   // the fake shop's default support course is 11
    } else if ($how === 'shopid') {
        $item->bill->shopid = 3;
    } else if ($how === 'zero') {
        $item->bill->theshop = new \local_shop\Shop(3);
        $item->actionparams['customersupport'] = 0;
    }
    $fb = $handler->produce_postpay($item);
    echo str_pad($label, 20), ': set up ', var_export(strpos($fb->public, 'is ready') !== false, true),
        ', buyer in the support course ', var_export(in_support(42), true), "\n";
}
?>
--EXPECT--
the bill's shop     : set up true, buyer in the support course true
the bill's shop id  : set up true, buyer in the support course true
the product says 0  : set up true, buyer in the support course false
no shop known       : set up true, buyer in the support course false
