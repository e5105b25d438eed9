<?php
// Test double of local_shop's Shop. GNU GPL v3 or later.

namespace local_shop;

/**
 * A shop with a default customer support course.
 */
class Shop {
    /** @var int */
    public $defaultcustomersupportcourse = 11;

    /**
     * Constructor.
     * @param int $id
     */
    public function __construct($id) {
    }
}
