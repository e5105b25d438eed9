<?php
// Rewrites the <contents> of package.xml from the files git tracks (plus the C
// that re2c generates, which the PECL tarball ships so that pecl install needs
// no re2c). Usage: php scripts/package-xml.php [--check]
// --check exits 1 when package.xml is not up to date (run by the test suite).

$top = dirname(__DIR__);
$check = in_array('--check', $argv, true);
$files = array_filter(explode("\n", (string) shell_exec('git -C ' . escapeshellarg($top) . ' ls-files --cached --others --exclude-standard')));
if (!$files) {
    fwrite(STDERR, "git ls-files gave nothing: run from a git checkout\n");
    exit(2);
}
// What a PECL tarball leaves out: CI, fuzzing, the Moodle plugin (shipped on its own), the tool scripts.
$skip = '#^(\.ci/|\.git|fuzz/|moodle/|scripts/|bench/|examples/|docs/|package\.xml$|composer\.json$)#';
$files = array_values(array_filter($files, fn ($f) => !preg_match($skip, $f)));
foreach (glob("$top/ext/core/*.re") as $re) {
    $files[] = 'ext/core/' . basename($re, '.re') . '.c';
}
sort($files, SORT_STRING);

$role = function (string $f): string {
    if (str_starts_with($f, 'tests/')) return 'test';
    if (preg_match('#^(README|CREDITS|LICENSE)#', $f)) return 'doc';
    return 'src';
};
$lines = [];
foreach ($files as $f) {
    $lines[] = sprintf('   <file name="%s" role="%s"/>', htmlspecialchars($f, ENT_XML1), $role($f));
}
$contents = "<contents>\n  <dir name=\"/\">\n" . implode("\n", $lines) . "\n  </dir>\n </contents>";

$xml = file_get_contents("$top/package.xml");
$new = preg_replace('#<contents>.*?</contents>#s', $contents, $xml, 1);
if ($check) {
    if ($new !== $xml) {
        fwrite(STDERR, "package.xml does not list exactly the shipped files: run php scripts/package-xml.php\n");
        exit(1);
    }
    echo "package.xml up to date (" . count($files) . " files)\n";
    exit(0);
}
file_put_contents("$top/package.xml", $new);
echo "package.xml: " . count($files) . " files\n";
