--TEST--
shop_setup_check_params(): autoenrolsupervisor is a flag (1/0, true/false, yes/no, on/off, any case, empty = no); attachexisting is never|owned|always
--EXTENSIONS--
shop_setup
--FILE--
<?php
foreach (['1', '0', 'true', 'FALSE', 'Yes', 'no', 'on', 'off', '', '2', 'y', 'oui', '1 '] as $v) {
    $issues = shop_setup_check_params('coursename=A&autoenrolsupervisor=' . rawurlencode($v));
    printf("%-7s %s\n", json_encode($v), $issues ? $issues[0]['code'] . ' ' . $issues[0]['offset'] : 'ok');
}
foreach (['never', 'owned', 'always', 'Owned', '', 'sometimes'] as $v) {
    $issues = shop_setup_check_params('coursename=A&attachexisting=' . $v);
    printf("%-11s %s\n", json_encode($v), $issues ? $issues[0]['code'] . ' | ' . $issues[0]['message'] : 'ok');
}
?>
--EXPECT--
"1"     ok
"0"     ok
"true"  ok
"FALSE" ok
"Yes"   ok
"no"    ok
"on"    ok
"off"   ok
""      ok
"2"     invalid_flag 33
"y"     invalid_flag 33
"oui"   invalid_flag 33
"1 "    invalid_flag 33
"never"     ok
"owned"     ok
"always"    ok
"Owned"     invalid_attach_mode | Value "Owned" of attachexisting is not an attach mode: expected never, owned or always.
""          invalid_attach_mode | Value "" of attachexisting is not an attach mode: expected never, owned or always.
"sometimes" invalid_attach_mode | Value "sometimes" of attachexisting is not an attach mode: expected never, owned or always.
