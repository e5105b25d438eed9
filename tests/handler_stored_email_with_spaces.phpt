--TEST--
handler: an account whose stored address has surrounding spaces (an import, an external authentication sync) is found and reused, not given a twin
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

fake_site();
$DB->tables['user'][7]['email'] = ' Jean.Dupont@Exemple.fr ';
$handler = new shop_handler_std_setuponecoursesession('SESSION');
$item = fake_bill_item(2, 'TX-SPACES');
$fb = $handler->produce_postpay($item);
$jeans = array_filter($DB->tables['user'], fn($u) => strtolower(trim($u['email'])) === 'jean.dupont@exemple.fr');
echo 'set up: ', var_export(strpos($fb->public, 'is ready') !== false, true), ', accounts for Jean: ', count($jeans),
    ', reused: ', var_export(array_keys($jeans) === [7], true), "\n";
?>
--EXPECT--
set up: true, accounts for Jean: 1, reused: true
