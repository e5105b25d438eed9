--TEST--
shop_setup_email_normalize(): capitals and surrounding ASCII/Unicode white space give one match key
--EXTENSIONS--
shop_setup
--FILE--
<?php
// What buyers paste from spreadsheets and forms: all the same account.
$typed = [
    'capitals'          => 'Jean.Dupont@Exemple.FR',
    'trailing space'    => 'jean.dupont@exemple.fr ',
    'leading tab'       => "\tjean.dupont@exemple.fr",
    'no-break space'    => "\u{A0}jean.dupont@exemple.fr\u{A0}",
    'narrow nbsp'       => "jean.dupont@exemple.fr\u{202F}",
    'ideographic space' => "\u{3000}JEAN.DUPONT@EXEMPLE.FR",
    'byte-order mark'   => "\u{FEFF}jean.dupont@exemple.fr",
    'zero-width space'  => "jean.dupont@exemple.fr\u{200B}",
    'mixed run'         => " \u{A0}\t\u{2009} Jean.Dupont@exemple.fr \u{2003}\u{A0}",
];
foreach ($typed as $what => $email) {
    printf("%-18s %s\n", $what, var_export(shop_setup_email_normalize($email), true));
}
// Trimming stops at the edges: white space inside is an error, not something to drop.
var_dump(shop_setup_email_normalize("jean\u{A0}dupont@exemple.fr"));
var_dump(shop_setup_email_normalize("jean dupont@exemple.fr"));
// The key is the input itself when there is nothing to change.
$k = 'deja.propre@exemple.fr';
var_dump(shop_setup_email_normalize($k) === $k);
?>
--EXPECT--
capitals           'jean.dupont@exemple.fr'
trailing space     'jean.dupont@exemple.fr'
leading tab        'jean.dupont@exemple.fr'
no-break space     'jean.dupont@exemple.fr'
narrow nbsp        'jean.dupont@exemple.fr'
ideographic space  'jean.dupont@exemple.fr'
byte-order mark    'jean.dupont@exemple.fr'
zero-width space   'jean.dupont@exemple.fr'
mixed run          'jean.dupont@exemple.fr'
NULL
NULL
bool(true)
