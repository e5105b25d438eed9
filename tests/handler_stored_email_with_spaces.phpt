--TEST--
handler: an account whose stored address has surrounding white space (spaces, a tab, a no-break space, a byte-order mark: an import, an external authentication sync) is found and reused, not given a twin
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php
if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs');
if (!function_exists('shop_setup_session')) die('skip shop_setup_session() not built yet');
?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
require HANDLER_DIR . '/std_setuponecoursesession.class.php';

$handler = new shop_handler_std_setuponecoursesession('SESSION');
// Spaces, then what an import or a copy from a document leaves: a tab, a no-break space, a
// byte-order mark. The match key is trimmed of all of them; so is the stored address. (A line
// break is refused, not trimmed, as Moodle's validate_email() refuses it: docs/email.md.)
$stored = [
    'spaces' => ' Jean.Dupont@Exemple.fr ',
    'tab' => "\tJean.Dupont@Exemple.fr",
    'no-break space' => "\u{00A0}Jean.Dupont@Exemple.fr ",
    'byte-order mark' => "\u{FEFF}Jean.Dupont@Exemple.fr",
];
foreach ($stored as $label => $email) {
    fake_site();
    $DB->tables['user'][7]['email'] = $email;
    $item = fake_bill_item(2, 'TX-SPACES');
    $fb = $handler->produce_postpay($item);
    $jeans = array_filter($DB->tables['user'], fn($u) => in_array((int) $u['id'], [7], true)
        || strtolower(trim($u['email'])) === 'jean.dupont@exemple.fr');
    echo str_pad($label, 16), ': set up ', var_export(strpos($fb->public, 'is ready') !== false, true), ', accounts for Jean: ', count($jeans),
        ', reused: ', var_export(array_keys($jeans) === [7], true), "\n";
}
?>
--EXPECT--
spaces          : set up true, accounts for Jean: 1, reused: true
tab             : set up true, accounts for Jean: 1, reused: true
no-break space  : set up true, accounts for Jean: 1, reused: true
byte-order mark : set up true, accounts for Jean: 1, reused: true
