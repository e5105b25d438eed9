--TEST--
shop_setup_email_check(): each refusal code on the addresses buyers type; a valid address gets no complaint
--EXTENSIONS--
shop_setup
--FILE--
<?php
// One address per refusal code, as buyers actually type them; the message says what to fix.
$cases = [
    ''                                    => 'empty',
    " \u{A0} "                            => 'empty',
    'jean.dupont@exemple'                 => 'domain_incomplete',
    'jean.dupont@'                        => 'domain_incomplete',
    'jean.dupont.exemple.fr'              => 'missing_at',
    'mailto:jean.dupont@exemple.fr'       => 'mailto',
    'MAILTO:jean.dupont@exemple.fr'       => 'mailto',
    'a@exemple.fr, b@exemple.fr'          => 'multiple_addresses',
    'a@exemple.fr;b@exemple.fr'           => 'multiple_addresses',
    'a@exemple.fr b@exemple.fr'           => 'multiple_addresses',
    'Jean Dupont <jean@exemple.fr>'       => 'angle_bracket',
    '<jean@exemple.fr>'                   => 'angle_bracket',
    'jean dupont@exemple.fr'              => 'space',
    'jean.dupont@münchen.de'              => 'not_ascii',
    "jean\xE9@exemple.fr"                 => 'invalid_utf8',
    "jean\n@exemple.fr"                   => 'line_break',
    "jean@exemple.fr\r\n"                 => 'line_break',
    "jean\0@exemple.fr"                   => 'nul_byte',
    'jean..dupont@exemple.fr'             => 'local_part_syntax',
    '.jean@exemple.fr'                    => 'local_part_syntax',
    'jean.@exemple.fr'                    => 'local_part_syntax',
    'jean(dupont)@exemple.fr'             => 'local_part_syntax',
    'jean@exemple..fr'                    => 'domain_syntax',
    'jean@-exemple.fr'                    => 'domain_syntax',
    'jean@exemple-.fr'                    => 'domain_syntax',
    'jean@exemple.fr.'                    => 'domain_syntax',
    'jean@exemple.123'                    => 'domain_syntax',
    'jean@exemple_2.fr'                   => 'domain_syntax',
    'jean@[300.1.1.1]'                    => 'domain_syntax',
    str_repeat('j', 65) . '@exemple.fr'   => 'local_part_too_long',
    'jean@' . str_repeat('d', 64) . '.fr' => 'domain_label_too_long',
];
foreach ($cases as $email => $want) {
    $r = shop_setup_email_check($email);
    $line = json_encode($email, JSON_INVALID_UTF8_SUBSTITUTE | JSON_UNESCAPED_UNICODE);
    if (strlen($line) > 40) $line = substr($line, 0, 37) . '...';
    printf("%-40s %s%s\n", $line, $r['code'], $r['code'] === $want && !$r['ok'] && $r['normalized'] === null ? '' : "  MISMATCH (want $want)");
}
$r = shop_setup_email_check('jean.dupont@exemple');
echo $r['message'], "\n";
$r = shop_setup_email_check('Jean.Dupont@Exemple.FR ');
var_dump($r);
?>
--EXPECT--
""                                       empty
"   "                                   empty
"jean.dupont@exemple"                    domain_incomplete
"jean.dupont@"                           domain_incomplete
"jean.dupont.exemple.fr"                 missing_at
"mailto:jean.dupont@exemple.fr"          mailto
"MAILTO:jean.dupont@exemple.fr"          mailto
"a@exemple.fr, b@exemple.fr"             multiple_addresses
"a@exemple.fr;b@exemple.fr"              multiple_addresses
"a@exemple.fr b@exemple.fr"              multiple_addresses
"Jean Dupont <jean@exemple.fr>"          angle_bracket
"<jean@exemple.fr>"                      angle_bracket
"jean dupont@exemple.fr"                 space
"jean.dupont@münchen.de"                not_ascii
"jean�@exemple.fr"                     invalid_utf8
"jean\n@exemple.fr"                      line_break
"jean@exemple.fr\r\n"                    line_break
"jean\u0000@exemple.fr"                  nul_byte
"jean..dupont@exemple.fr"                local_part_syntax
".jean@exemple.fr"                       local_part_syntax
"jean.@exemple.fr"                       local_part_syntax
"jean(dupont)@exemple.fr"                local_part_syntax
"jean@exemple..fr"                       domain_syntax
"jean@-exemple.fr"                       domain_syntax
"jean@exemple-.fr"                       domain_syntax
"jean@exemple.fr."                       domain_syntax
"jean@exemple.123"                       domain_syntax
"jean@exemple_2.fr"                      domain_syntax
"jean@[300.1.1.1]"                       domain_syntax
"jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj... local_part_too_long
"jean@ddddddddddddddddddddddddddddddd... domain_label_too_long
The domain is incomplete: it needs a dot and a top-level domain (as in example.fr).
array(5) {
  ["ok"]=>
  bool(true)
  ["code"]=>
  NULL
  ["message"]=>
  NULL
  ["normalized"]=>
  string(22) "jean.dupont@exemple.fr"
  ["warnings"]=>
  array(0) {
  }
}
