<?php
// Test double of local_shop's handlercommonlib.php. GNU GPL v3 or later.

/**
 * Records the call; returns local_shop's feedback shape.
 * @param object $data
 * @param bool $errorstatus
 * @return stdClass
 */
function shop_register_customer($data, &$errorstatus) {
    fake_log('shop_register_customer', $data->actionparams['customersupport'] ?? null);
    return (object) ['public' => 'registered', 'private' => 'registered', 'salesadmin' => 'registered'];
}
