<?php
// Test double of local_shop's Product (ShopObject: __get, no __isset). GNU GPL v3 or later.

namespace local_shop;

/**
 * A product record behind ShopObject's magic getter.
 */
class Product {
    /** @var \stdClass */
    protected $record;

    /**
     * Constructor.
     * @param \stdClass $record
     */
    public function __construct($record) {
        $this->record = (object) $record;
    }

    /**
     * ShopObject's getter.
     * @param string $field
     * @return mixed
     */
    public function __get($field) {
        if ($field == 'record') {
            return $this->record;
        }
        if (isset($this->$field)) {
            return $this->$field;
        }
        if (isset($this->record->$field)) {
            return $this->record->$field;
        }
    }
}
