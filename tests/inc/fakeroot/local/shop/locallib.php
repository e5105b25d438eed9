<?php
// Test double of local_shop's locallib.php: shop_trace() records its lines. GNU GPL v3 or later.

/**
 * Records a merchant trace line.
 * @param string $str
 * @param string $output
 * @param mixed $dest
 */
function shop_trace($str, $output = '', $dest = null) {
    $GLOBALS['FAKE_TRACE'][] = $str;
}
