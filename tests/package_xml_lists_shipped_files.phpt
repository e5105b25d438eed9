--TEST--
package.xml lists exactly the files a PECL tarball ships (git ls-files plus re2c output)
--SKIPIF--
<?php
if (!is_dir(__DIR__ . '/../.git') && !is_file(__DIR__ . '/../.git')) die('skip not a git checkout');
if (trim((string) shell_exec('command -v git')) === '') die('skip git not installed');
?>
--FILE--
<?php
// pcre.jit=0: under run-tests -m valgrind follows the child, and cannot follow JIT code.
passthru(PHP_BINARY . ' -n -d pcre.jit=0 ' . escapeshellarg(__DIR__ . '/../scripts/package-xml.php') . ' --check 2>&1', $rc);
var_dump($rc);
?>
--EXPECTF--
package.xml up to date (%d files)
int(0)
