<?php
// Test double of local_shop's Shop. GNU GPL v3 or later.

namespace local_shop;

/**
 * A shop with a default customer support course, behind ShopObject's __get() (no __isset()).
 */
class Shop {
    /** @var \stdClass */
    protected $record;

    /**
     * Constructor.
     * @param int $id
     */
    public function __construct($id) {
        $this->record = (object) ['id' => $id, 'defaultcustomersupportcourse' => 11];
    }

    /**
     * ShopObject's getter.
     * @param string $field
     * @return mixed
     */
    public function __get($field) {
        if (isset($this->record->$field)) {
            return $this->record->$field;
        }
    }
}
