--TEST--
handler: without the extension, unit_test() and postpay say so plainly, with the php.ini line
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
$php = getenv('TEST_PHP_EXECUTABLE');
$cmd = escapeshellarg($php) . ' -n -d pcre.jit=0 ' . escapeshellarg(__DIR__ . '/inc/no_extension.php') . ' 2>&1';
echo shell_exec($cmd);
?>
--EXPECT--
extension loaded: false
{
    "errors": {
        "SESSION": [
            "The PHP extension shop_setup is not loaded, so this handler cannot set up any session. Add the line extension=shop_setup to the php.ini of the web server and of the command line (cron), then restart PHP."
        ]
    },
    "warnings": [],
    "messages": {
        "SESSION": [
            "[local_shop:usinghandler]"
        ]
    }
}
<p><b>TXID: TX123</b></p><p><b>Production FAILED</b> for course FORM-01: 1 error(s), nothing was written. Seats bought: 4; participants declared: 4.</p><p>To be corrected:</p><ul><li>[extension_missing] Order: The PHP extension shop_setup is not loaded, so this handler cannot set up any session. Add the line extension=shop_setup to the php.ini of the web server and of the command line (cron), then restart PHP.</li></ul>
writes: 0, locks: 0
