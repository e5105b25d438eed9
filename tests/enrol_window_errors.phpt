--TEST--
shop_setup_enrol_window(): ValueError naming the parameter and byte offset on a bad form or range, and on an end not after the start; TypeError on a non-scalar
--EXTENSIONS--
shop_setup
--FILE--
<?php
$now = 1769853600;
$cases = [
    [['starttime' => 'tomorrow'], $now],
    [['starttime' => '+3D'], $now],
    [['starttime' => '-1'], $now],
    [['endtime' => '2026-02-30'], $now],
    [['endtime' => '2026-01-01T24:00'], $now],
    [['endtime' => '2026-01-01T10:00+01:60'], $now],
    [['endtime' => '+3Y'], $now],
    [['endtime' => '+30 D'], $now],
    [['endtime' => '253402300800'], $now],
    [['endtime' => '+1H'], 253402300799],
    [['duration' => '1.5'], $now],
    [['duration' => '-3'], $now],
    [['endtime' => '1000'], $now],
    [['endtime' => '+0D'], $now],
    [['endtime' => '1800000000'], $now, 1800000000],
    [['starttime' => '1800000000', 'endtime' => '2027-01-01'], $now],
    [['endtime' => 'x' . str_repeat('y', 200)], $now],
    [['endtime' => 1000], $now],
    [[], -1],
    [[], 253402300800],
    [[], $now, 253402300800],
];
foreach ($cases as $c) {
    try {
        $r = shop_setup_enrol_window(...$c);
        echo "no error: ", json_encode($r), "\n";
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}
foreach ([['endtime' => []], ['starttime' => 1.5], ['duration' => true]] as $p) {
    try {
        shop_setup_enrol_window($p, $now);
    } catch (TypeError $e) {
        echo $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "starttime" ("tomorrow"): not in an accepted form at byte 0; expected a Unix timestamp or an ISO 8601 date or date-time between 1970 and 9999
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "starttime" ("+3D"): not in an accepted form at byte 0; expected a Unix timestamp or an ISO 8601 date or date-time between 1970 and 9999
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "starttime" ("-1"): not in an accepted form at byte 0; expected a Unix timestamp or an ISO 8601 date or date-time between 1970 and 9999
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "endtime" ("2026-02-30"): out of range at byte 8; expected a Unix timestamp, an ISO 8601 date or date-time between 1970 and 9999, or +N followed by D, H, W or M
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "endtime" ("2026-01-01T24:00"): out of range at byte 11; expected a Unix timestamp, an ISO 8601 date or date-time between 1970 and 9999, or +N followed by D, H, W or M
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "endtime" ("2026-01-01T10:00+01:60"): out of range at byte 20; expected a Unix timestamp, an ISO 8601 date or date-time between 1970 and 9999, or +N followed by D, H, W or M
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "endtime" ("+3Y"): not in an accepted form at byte 2; expected a Unix timestamp, an ISO 8601 date or date-time between 1970 and 9999, or +N followed by D, H, W or M
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "endtime" ("+30 D"): not in an accepted form at byte 3; expected a Unix timestamp, an ISO 8601 date or date-time between 1970 and 9999, or +N followed by D, H, W or M
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "endtime" ("253402300800"): out of range at byte 0; expected a Unix timestamp, an ISO 8601 date or date-time between 1970 and 9999, or +N followed by D, H, W or M
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "endtime" ("+1H"): out of range at byte 1; expected a Unix timestamp, an ISO 8601 date or date-time between 1970 and 9999, or +N followed by D, H, W or M
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "duration" ("1.5"): not in an accepted form at byte 1; expected a whole number of days
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "duration" ("-3"): not in an accepted form at byte 0; expected a whole number of days
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "endtime" ("1000"): the end (1000) is not after the start (1769853600)
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "endtime" ("+0D"): the end (1769853600) is not after the start (1769853600)
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "endtime" ("1800000000"): the end (1800000000) is not after the start (1800000000)
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "endtime" ("2027-01-01"): the end (1798761600) is not after the start (1800000000)
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "endtime" ("xyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy..."): not in an accepted form at byte 0; expected a Unix timestamp, an ISO 8601 date or date-time between 1970 and 9999, or +N followed by D, H, W or M
shop_setup_enrol_window(): Argument #1 ($params) has an invalid "endtime" ("1000"): the end (1000) is not after the start (1769853600)
shop_setup_enrol_window(): Argument #2 ($now) must be between 0 and 253402300799 (9999-12-31T23:59:59Z)
shop_setup_enrol_window(): Argument #2 ($now) must be between 0 and 253402300799 (9999-12-31T23:59:59Z)
shop_setup_enrol_window(): Argument #3 ($coursestart) must be at most 253402300799 (9999-12-31T23:59:59Z)
shop_setup_enrol_window(): Argument #1 ($params) must hold a string or int for key "endtime", array given
shop_setup_enrol_window(): Argument #1 ($params) must hold a string or int for key "starttime", float given
shop_setup_enrol_window(): Argument #1 ($params) must hold a string or int for key "duration", bool given
