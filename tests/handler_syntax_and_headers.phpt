--TEST--
handler: every PHP file of the handler parses (php -l outside valgrind) and carries Moodle's GPL v3+ header and frankenstyle package
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
$dir = dirname(__DIR__) . '/moodle/std_setuponecoursesession';
$php = getenv('TEST_PHP_EXECUTABLE');
$files = [];
foreach (new RecursiveIteratorIterator(new RecursiveDirectoryIterator($dir, FilesystemIterator::SKIP_DOTS)) as $f) {
    if (substr($f, -4) === '.php') {
        $files[] = (string) $f;
    }
}
sort($files);
$bad = 0;
foreach ($files as $f) {
    $name = substr($f, strlen($dir) + 1);
    $code = file_get_contents($f);
    // php -l in a child process; skipped under valgrind, which would trace a dozen children
    // (the plain run lints, and the other tests load the classes under valgrind).
    if (getenv('USE_ZEND_ALLOC') !== '0') {
        $out = shell_exec(escapeshellarg($php) . ' -n -d pcre.jit=0 -l ' . escapeshellarg($f) . ' 2>&1');
        if (strpos($out, 'No syntax errors detected') === false) {
            echo "$name: $out";
            $bad++;
        }
    }
    if (strpos($code, "// This file is part of Moodle - https://moodle.org/") !== 0 + strlen("<?php\n")
            || strpos($code, 'either version 3 of the License, or') === false
            || strpos($code, '(at your option) any later version.') === false) {
        echo "$name: no GPL v3+ header\n";
        $bad++;
    }
    if (strpos($code, '@package    shophandlers_std_setuponecoursesession') === false) {
        echo "$name: no frankenstyle @package\n";
        $bad++;
    }
    $namespaced = preg_match('/^namespace shophandlers_std_setuponecoursesession(\\\\\w+)*;$/m', $code);
    if (strpos($name, 'classes/') === 0 && !$namespaced) {
        echo "$name: class file outside the component's namespace\n";
        $bad++;
    }
    if (!$namespaced && strpos($code, "defined('MOODLE_INTERNAL') || die();") === false) {
        echo "$name: no MOODLE_INTERNAL guard\n";
        $bad++;
    }
}
echo count($files), " files, $bad problems\n";
?>
--EXPECT--
12 files, 0 problems
