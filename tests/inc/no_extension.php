<?php
// Part of the shop_setup test suite. GNU GPL v3 or later.
// Run by handler_unit_test_no_extension.phpt in a PHP process WITHOUT the extension.

require __DIR__ . '/moodle_fake.php';
require HANDLER_DIR . '/std_setuponecoursesession.class.php';

echo 'extension loaded: ', var_export(extension_loaded('shop_setup'), true), "\n";
fake_site();
$handler = new shop_handler_std_setuponecoursesession('SESSION');
$errors = $warnings = $messages = [];
$catalogitem = (object) ['code' => 'SESSION', 'actionparams' => ['coursename' => 'FORM-01']];
$handler->unit_test($catalogitem, $errors, $warnings, $messages);
echo json_encode(['errors' => $errors, 'warnings' => $warnings, 'messages' => $messages],
    JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";

// Postpay without the extension: a failure that says so, never a success; nothing written.
$item = fake_bill_item(2);
$fb = $handler->produce_postpay($item);
echo $fb->salesadmin, "\n";
echo 'writes: ', count(array_filter($DB->queries, fn($q) => $q[0] === 'insert_record')), ', locks: ',
    count(fake_calls('get_lock')), "\n";
