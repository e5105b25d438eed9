<?php
// Test double of local_shop's datahandling/shophandler.class.php (only what the handler uses).
// Part of the shop_setup test suite; GNU GPL v3 or later.

/**
 * Minimal stand-in for local_shop's abstract shop_handler.
 */
abstract class shop_handler {
    /** @var string */
    public $productlabel;

    /**
     * Constructor.
     * @param string $label
     */
    public function __construct($label) {
        $this->productlabel = $label;
    }

    /**
     * Base checks (customer support course); recorded only.
     * @param object $data
     * @param array $errors
     * @param array $warnings
     * @param array $messages
     */
    protected function unit_test($data, &$errors, &$warnings, &$messages) {
        fake_log('shop_handler::unit_test', $data->code);
    }
}
