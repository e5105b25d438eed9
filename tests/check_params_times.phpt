--TEST--
shop_setup_check_params(): starttime/endtime forms, duration in whole days, an end not after the start, duration ignored beside endtime
--EXTENSIONS--
shop_setup
--FILE--
<?php
function show(string $s): void {
    $issues = shop_setup_check_params("coursename=A&$s");
    printf("%-48s ", $s);
    if (!$issues) { echo "ok\n"; }
    foreach ($issues as $n => $i) {
        printf("%s%s %s %s %d\n", $n ? str_repeat(' ', 49) : '', $i['level'], $i['code'], $i['key'], $i['offset']);
    }
}
show("starttime=1767225600&endtime=1798761600");
show("starttime=2026-01-01&endtime=2026-06-30T18:00:00Z");
show("endtime=%2B30D");
show("endtime=+30D");                 // '+' decoded to a space: accepted
show("endtime=2026-06-30T18:00:00%2B02:00");
show("endtime=0");
show("starttime=%2B3D");              // relative only for endtime
show("starttime=yesterday");
show("starttime=-1");
show("endtime=2026-02-29");
show("endtime=2026-01-01T25:00");
show("endtime=%2B3Y");
show("endtime=253402300800");
show("duration=30");
show("duration=30.5");
show("duration=-1");
show("starttime=1798761600&endtime=1767225600");
show("starttime=1767225600&endtime=1767225600");
show("endtime=%2B0H");
show("endtime=%2B30D&duration=30");
show("starttime=0&endtime=1000");     // start is the production time: not known here
?>
--EXPECT--
starttime=1767225600&endtime=1798761600          ok
starttime=2026-01-01&endtime=2026-06-30T18:00:00Z ok
endtime=%2B30D                                   ok
endtime=+30D                                     ok
endtime=2026-06-30T18:00:00%2B02:00              ok
endtime=0                                        ok
starttime=%2B3D                                  error invalid_time starttime 23
starttime=yesterday                              error invalid_time starttime 23
starttime=-1                                     error invalid_time starttime 23
endtime=2026-02-29                               error invalid_time endtime 29
endtime=2026-01-01T25:00                         error invalid_time endtime 32
endtime=%2B3Y                                    error invalid_time endtime 25
endtime=253402300800                             error invalid_time endtime 21
duration=30                                      ok
duration=30.5                                    error invalid_duration duration 24
duration=-1                                      error invalid_duration duration 22
starttime=1798761600&endtime=1767225600          error end_not_after_start endtime 34
starttime=1767225600&endtime=1767225600          error end_not_after_start endtime 34
endtime=%2B0H                                    error end_not_after_start endtime 13
endtime=%2B30D&duration=30                       warning duration_ignored duration 28
starttime=0&endtime=1000                         ok
