--TEST--
handler: every string the code uses exists in lang/en and lang/fr, with the same placeholders
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
require __DIR__ . '/inc/plans.php';
use shophandlers_std_setuponecoursesession\feedback;

$en = fake_strings('en');
$fr = fake_strings('fr');

// 1. Literal get_string() calls of the handler's component, in every PHP file of the handler.
$used = [];
$files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator(HANDLER_DIR, FilesystemIterator::SKIP_DOTS));
foreach ($files as $file) {
    if (substr($file, -4) !== '.php' || strpos($file, '/lang/') !== false) {
        continue;
    }
    $code = file_get_contents($file);
    preg_match_all("/get_string\\(\\s*'([a-z0-9_:]+)'\\s*,\\s*(\\\$component|self::COMPONENT|session_runner::COMPONENT|'shophandlers_std_setuponecoursesession')/",
        $code, $m);
    foreach ($m[1] as $key) {
        $used[$key] = true;
    }
}
// Strings Moodle itself asks for.
$used['pluginname'] = $used['privacy:metadata'] = true;
echo count($used) >= 15 ? "scanned enough calls\n" : "scan found only " . count($used) . " calls\n";
foreach (array_keys($used) as $key) {
    foreach (['en' => $en, 'fr' => $fr] as $lang => $strings) {
        if (!array_key_exists($key, $strings)) {
            echo "missing in $lang: $key\n";
        }
    }
}

// 2. Same keys and same placeholders in both languages.
var_dump(array_diff_key($en, $fr), array_diff_key($fr, $en));
foreach ($en as $key => $s) {
    preg_match_all('/\{\$a(->\w+)?\}/', $s, $a);
    preg_match_all('/\{\$a(->\w+)?\}/', $fr[$key] ?? '', $b);
    $a = array_unique($a[0]);
    $b = array_unique($b[0]);
    sort($a);
    sort($b);
    if ($a !== $b) {
        echo "placeholders differ for $key\n";
    }
}

// 3. Every feedback (dynamic keys included) renders in both languages with no unresolved placeholder.
foreach (['en', 'fr'] as $lang) {
    $FAKE_LANG = $lang;
    $plan = sample_plan();
    $plan['warnings'] = [['level' => 'warning', 'code' => 'w', 'message' => 'm', 'role' => '_supervisor']];
    $all = [
        feedback::success(sample_order(), $plan, ['counts' => ['enrol' => 3]]),
        feedback::nothing_to_do(sample_order(), $plan),
        feedback::failure(sample_order(), [['level' => 'error', 'code' => 'e', 'message' => 'x', 'email' => 'a@b.fr',
            'ref' => 'p1', 'role' => 'teacher'], ['level' => 'warning', 'code' => 'w', 'message' => 'y']], $plan, 'boom'),
        feedback::queued(sample_order(), $plan),
        feedback::busy(sample_order()),
    ];
    $text = '';
    foreach ($all as $fb) {
        $text .= $fb->public . $fb->private . $fb->salesadmin;
    }
    echo "$lang: ", strlen($text) > 2000 ? 'rendered' : 'too short', ', placeholders left: ',
        preg_match('/\{\$a/', $text), "\n";
}
?>
--EXPECT--
scanned enough calls
array(0) {
}
array(0) {
}
en: rendered, placeholders left: 0
fr: rendered, placeholders left: 0
