<?php
// Test double of local_shop's datahandling/shophandler.class.php (only what the handler uses).
// Part of the shop_setup test suite; GNU GPL v3 or later.

use local_shop\CatalogItem;
use local_shop\Product;

/**
 * Minimal stand-in for local_shop's abstract shop_handler. Its methods are declared as local_shop
 * (MOODLE_405_WORKING) declares them, abstract and typed alike, so that loading the handler checks
 * that its overrides are compatible: a mismatch is a fatal error on every page that loads it.
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

    /**
     * At order time.
     * @param object $data
     * @param bool $errorstatus
     */
    abstract public function produce_prepay($data, &$errorstatus);

    /**
     * Once paid.
     * @param object $data
     */
    abstract public function produce_postpay(&$data);

    /**
     * @param CatalogItem $catalogitem
     * @return bool
     */
    public function is_available(CatalogItem $catalogitem) {
        return true;
    }

    /**
     * @return int
     */
    public function get_max_quantity() {
        return 0;
    }

    /**
     * @param string $itemname
     * @param string $field
     * @param mixed $instance
     * @param mixed $value
     * @param array $errors
     * @return bool
     */
    public function validate_required_data($itemname, $field, $instance, $value, &$errors) {
        return true;
    }

    /**
     * @param int $pid
     * @param object $pinfo
     * @return string
     */
    public function display_product_infos($pid, $pinfo) {
        return '';
    }

    /**
     * @param int $pid
     * @param array $params
     * @return string
     */
    public function display_product_actions($pid, $params) {
        return '';
    }

    /**
     * @param Product $product
     */
    public function delete(Product $product) {
    }

    /**
     * @param Product $product
     */
    public function soft_delete(Product $product) {
    }

    /**
     * @param Product $product
     */
    public function soft_restore(Product $product) {
    }

    /**
     * @param Product $product
     */
    public function update(Product $product) {
    }
}
