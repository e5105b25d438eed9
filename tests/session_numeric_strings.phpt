--TEST--
shop_setup_session(): an integer given as a string reads as PHP reads it (digits only, or with space, sign or overflow); so do flags
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Moodle's $DB gives every integer as a string. Strings of digits only are
// read by the binding itself; the others by is_numeric_string(). Both must
// give what PHP gives: an int when is_numeric() holds and the value is an int.
$order = session_order(['student' => ['a@x.example' => ['A', 'A']]]);
$facts = SessionModel::standard()->facts($order);
$forms = ['3', '007', '000000000000000012', '123456789012345678', '999999999999999999',
    '1234567890123456789', '9223372036854775807', '9223372036854775808', ' 5', '5 ', "5\n", '+5', '-0',
    '5.0', '1e2', '', '0x10', "5\0", '٣', '4a', '1000000', '1000001'];
foreach ($forms as $s) {
    $o = $order;
    $o['quantity'] = $s;
    $php = is_numeric($s) && is_int(0 + $s) ? 0 + $s : null;
    try {
        $got = shop_setup_session($o, $facts)['summary']['seats'];
    } catch (ValueError $e) {
        $got = $e->getMessage();
    }
    // In range, PHP's int is what the planner counts; out of range, the message quotes it.
    $agree = $php === null ? is_string($got) && str_contains($got, 'must be an integer')
        : ($php >= 0 && $php <= 1000000 ? $got === $php : is_string($got) && str_contains($got, "between 0 and 1000000, $php given"));
    printf("%-22s %s %s\n", json_encode($s), $agree ? 'agrees' : 'DIFFERS', is_int($got) ? "seats $got" : substr($got, strlen("shop_setup_session(): \$order['quantity'] ")));
}
// An account's suspended and deleted as $DB gives them ("0", "1"), or empty,
// bool, null: a suspended account is an error, a deleted one is not matched.
$o = session_order(['student' => ['opt@x.example' => ['Opt', 'Ional']]]);
foreach ([['0', '0'], ['1', '0'], ['', '0'], ['0', '1'], ['00', '01'], [true, false], [null, null]] as [$susp, $del]) {
    $f = SessionModel::standard()->facts($o);
    $f['users'][] = (object) ['id' => '77', 'email' => 'Opt@X.example', 'username' => 'opt', 'suspended' => $susp, 'deleted' => $del];
    $p = shop_setup_session($o, $f);
    printf("suspended %-5s deleted %-5s %s %s\n", json_encode($susp), json_encode($del), $p['participants'][0]['action'],
        implode(',', array_column($p['errors'], 'code')) ?: '-');
}
?>
--EXPECT--
"3"                    agrees seats 3
"007"                  agrees seats 7
"000000000000000012"   agrees seats 12
"123456789012345678"   agrees must be between 0 and 1000000, 123456789012345678 given
"999999999999999999"   agrees must be between 0 and 1000000, 999999999999999999 given
"1234567890123456789"  agrees must be between 0 and 1000000, 1234567890123456789 given
"9223372036854775807"  agrees must be between 0 and 1000000, 9223372036854775807 given
"9223372036854775808"  agrees must be an integer, "9223372036854775808" given
" 5"                   agrees seats 5
"5 "                   agrees seats 5
"5\n"                  agrees seats 5
"+5"                   agrees seats 5
"-0"                   agrees seats 0
"5.0"                  agrees must be an integer, "5.0" given
"1e2"                  agrees must be an integer, "1e2" given
""                     agrees must be an integer, "" given
"0x10"                 agrees must be an integer, "0x10" given
"5\u0000"              agrees must be an integer, "5\x00" given
"\u0663"               agrees must be an integer, "٣" given
"4a"                   agrees must be an integer, "4a" given
"1000000"              agrees seats 1000000
"1000001"              agrees must be between 0 and 1000000, 1000001 given
suspended "0"   deleted "0"   reuse -
suspended "1"   deleted "0"   none account_suspended
suspended ""    deleted "0"   reuse -
suspended "0"   deleted "1"   create -
suspended "00"  deleted "01"  create -
suspended true  deleted false none account_suspended
suspended null  deleted null  reuse -
