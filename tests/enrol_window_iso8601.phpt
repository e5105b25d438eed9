--TEST--
shop_setup_enrol_window(): ISO 8601 dates and date-times with Z, an offset, or none (UTC); 'T' or a space; fractions dropped
--EXTENSIONS--
shop_setup
--FILE--
<?php
$now = 1; // any start before the ends below
foreach (['2026-03-01', '2026-03-01T09:30', '2026-03-01T09:30:15Z', '2026-03-01t09:30:15z', '2026-03-01 09:30:15',
    '2026-03-01T09:30:15.999Z', '2026-03-01T09:30:15,5', '2026-03-01T10:30:15+01:00', '2026-03-01T10:30:15 01:00',
    '2026-03-01T11:00:15+0130', '2026-03-01T07:30:15-02', '2024-02-29T00:00:00Z', '9999-12-31T23:59:59Z'] as $end) {
    [, $e] = shop_setup_enrol_window(['endtime' => $end], $now);
    printf("%-26s %d %s\n", $end, $e, gmdate('Y-m-d\TH:i:s\Z', $e));
}
// starttime takes the same absolute forms.
[$s] = shop_setup_enrol_window(['starttime' => '2026-02-01T08:00:00+02:00'], $now);
echo gmdate('c', $s), "\n";
// Agrees with DateTime on a sweep of offsets.
$bad = 0;
foreach (range(-14, 14) as $h) {
    foreach (['00', '30', '45'] as $m) {
        $off = sprintf('%s%02d:%s', $h < 0 ? '-' : '+', abs($h), $m);
        [, $e] = shop_setup_enrol_window(['endtime' => "2026-06-15T12:00:00$off"], $now);
        $bad += $e !== (new DateTimeImmutable("2026-06-15T12:00:00$off"))->getTimestamp();
    }
}
echo "mismatches: $bad\n";
?>
--EXPECT--
2026-03-01                 1772323200 2026-03-01T00:00:00Z
2026-03-01T09:30           1772357400 2026-03-01T09:30:00Z
2026-03-01T09:30:15Z       1772357415 2026-03-01T09:30:15Z
2026-03-01t09:30:15z       1772357415 2026-03-01T09:30:15Z
2026-03-01 09:30:15        1772357415 2026-03-01T09:30:15Z
2026-03-01T09:30:15.999Z   1772357415 2026-03-01T09:30:15Z
2026-03-01T09:30:15,5      1772357415 2026-03-01T09:30:15Z
2026-03-01T10:30:15+01:00  1772357415 2026-03-01T09:30:15Z
2026-03-01T10:30:15 01:00  1772357415 2026-03-01T09:30:15Z
2026-03-01T11:00:15+0130   1772357415 2026-03-01T09:30:15Z
2026-03-01T07:30:15-02     1772357415 2026-03-01T09:30:15Z
2024-02-29T00:00:00Z       1709164800 2024-02-29T00:00:00Z
9999-12-31T23:59:59Z       253402300799 9999-12-31T23:59:59Z
2026-02-01T06:00:00+00:00
mismatches: 0
