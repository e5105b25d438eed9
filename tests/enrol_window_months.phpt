--TEST--
shop_setup_enrol_window(): "+NM" adds calendar months in UTC, keeping the time of day, clamped to the month's last day (leap years included)
--EXTENSIONS--
shop_setup
--FILE--
<?php
$starts = ['2026-01-31 10:00:00', '2024-01-31 23:59:59', '2026-03-31 00:00:00', '2026-12-15 12:30:00', '2027-11-30 06:00:00'];
foreach ($starts as $start) {
    $t = (new DateTimeImmutable($start, new DateTimeZone('UTC')))->getTimestamp();
    $out = [];
    foreach ([1, 2, 3, 11, 12, 14, 120] as $n) {
        [, $e] = shop_setup_enrol_window(['endtime' => "+{$n}M"], $t);
        $out[] = "+{$n}M " . gmdate('Y-m-d H:i:s', $e);
    }
    echo $start, ": ", implode(', ', $out), "\n";
}
// Against an independent computation over many starts: same day, or the month's last day.
mt_srand(5);
$bad = 0;
for ($i = 0; $i < 2000; $i++) {
    $t = mt_rand(0, 4102444800);
    $n = mt_rand(1, 60);
    [, $e] = shop_setup_enrol_window(['endtime' => "+{$n}M"], $t);
    $d = new DateTimeImmutable("@$t");
    $first = $d->modify('first day of this month')->modify("+$n months");
    $day = min((int)$d->format('j'), (int)$first->format('t'));
    $expected = $first->setDate((int)$first->format('Y'), (int)$first->format('n'), $day)->getTimestamp();
    $bad += $e !== $expected;
}
echo "mismatches: $bad\n";
?>
--EXPECT--
2026-01-31 10:00:00: +1M 2026-02-28 10:00:00, +2M 2026-03-31 10:00:00, +3M 2026-04-30 10:00:00, +11M 2026-12-31 10:00:00, +12M 2027-01-31 10:00:00, +14M 2027-03-31 10:00:00, +120M 2036-01-31 10:00:00
2024-01-31 23:59:59: +1M 2024-02-29 23:59:59, +2M 2024-03-31 23:59:59, +3M 2024-04-30 23:59:59, +11M 2024-12-31 23:59:59, +12M 2025-01-31 23:59:59, +14M 2025-03-31 23:59:59, +120M 2034-01-31 23:59:59
2026-03-31 00:00:00: +1M 2026-04-30 00:00:00, +2M 2026-05-31 00:00:00, +3M 2026-06-30 00:00:00, +11M 2027-02-28 00:00:00, +12M 2027-03-31 00:00:00, +14M 2027-05-31 00:00:00, +120M 2036-03-31 00:00:00
2026-12-15 12:30:00: +1M 2027-01-15 12:30:00, +2M 2027-02-15 12:30:00, +3M 2027-03-15 12:30:00, +11M 2027-11-15 12:30:00, +12M 2027-12-15 12:30:00, +14M 2028-02-15 12:30:00, +120M 2036-12-15 12:30:00
2027-11-30 06:00:00: +1M 2027-12-30 06:00:00, +2M 2028-01-30 06:00:00, +3M 2028-02-29 06:00:00, +11M 2028-10-30 06:00:00, +12M 2028-11-30 06:00:00, +14M 2029-01-30 06:00:00, +120M 2037-11-30 06:00:00
mismatches: 0
