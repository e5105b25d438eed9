--TEST--
handler: delete, soft_delete and soft_restore act on that seat's enrolment only; prepay registers the customer
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
require HANDLER_DIR . '/std_setuponecoursesession.class.php';
use local_shop\Product;

fake_site();
$ue = $DB->raw_insert('user_enrolments', ['enrolid' => 20, 'userid' => 7, 'status' => 0, 'timestart' => 0, 'timeend' => 0]);
$other = $DB->raw_insert('user_enrolments', ['enrolid' => 21, 'userid' => 7, 'status' => 0, 'timestart' => 0, 'timeend' => 0]);
$handler = new shop_handler_std_setuponecoursesession('SESSION');
$product = new Product(['id' => 1, 'contexttype' => 'userenrol', 'instanceid' => $ue]);

$handler->soft_delete($product);
echo 'suspended: ', $DB->tables['user_enrolments'][$ue]['status'], ' other: ', $DB->tables['user_enrolments'][$other]['status'], "\n";
$handler->soft_restore($product);
echo 'restored: ', $DB->tables['user_enrolments'][$ue]['status'], "\n";
$handler->delete($product);
echo 'deleted: ', var_export(isset($DB->tables['user_enrolments'][$ue]), true), ', other kept: ',
    var_export(isset($DB->tables['user_enrolments'][$other]), true), ', account kept: ',
    var_export(isset($DB->tables['user'][7]), true), "\n";
echo json_encode(array_slice($FAKE_LOG, 0)), "\n";

// A seat whose enrolment is gone, or a product of another kind: nothing happens.
$FAKE_LOG = [];
$handler->delete($product);
$handler->soft_delete(new Product(['id' => 2, 'contexttype' => 'coursecat', 'instanceid' => $other]));
echo 'calls: ', count($FAKE_LOG), ', other still active: ', $DB->tables['user_enrolments'][$other]['status'], "\n";

// Prepay: the shop's default support course, then local_shop's customer registration.
$item = fake_bill_item(1);
unset($item->actionparams['customersupport']);
$item->shopid = 1;
$errorstatus = false;
$fb = $handler->produce_prepay($item, $errorstatus);
echo json_encode(fake_calls('shop_register_customer')), ' ', $fb->public, ' ', var_export($errorstatus, true), "\n";
?>
--EXPECT--
suspended: 1 other: 0
restored: 0
deleted: false, other kept: true, account kept: true
[["update_user_enrol",20,7,1],["update_user_enrol",20,7,0],["unenrol_user",20,7]]
calls: 0, other still active: 0
[["shop_register_customer",11]] registered false
