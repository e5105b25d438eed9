--TEST--
handler: a buyer's account that is missing, deleted, suspended or nologin refuses the order clearly, before anything is written
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
require __DIR__ . '/inc/planner_stub.php';
use shophandlers_std_setuponecoursesession\session_runner;

$cases = [
    'active' => fn() => null,
    'deleted' => function () { global $DB; $DB->tables['user'][42]['deleted'] = 1; },
    'suspended' => function () { global $DB; $DB->tables['user'][42]['suspended'] = 1; },
    'nologin' => function () { global $DB; $DB->tables['user'][42]['auth'] = 'nologin'; },
    'missing' => function () { global $DB; unset($DB->tables['user'][42]); },
];
foreach ($cases as $label => $change) {
    sample_site();
    $change();
    $before = json_encode(written_rows());
    $stub = new planner_stub(ok_lookup(), sample_plan());
    $result = (new session_runner($stub))->run(sample_order());
    echo "$label: $result->status, planner calls ", implode(',', $stub->calls), ', nothing written: ',
        var_export(json_encode(written_rows()) === $before, true), "\n";
    if ($result->status === 'failed') {
        preg_match('/<li>(.*?)<\/li>/', $result->feedback->private, $m);
        echo '  ', $m[1], "\n";
    }
}
?>
--EXPECT--
active: done, planner calls lookup,plan, nothing written: false
deleted: failed, planner calls lookup, nothing written: true
  Order: The buyer&#039;s Moodle account (user 42) does not exist, is deleted or suspended, or cannot sign in: the session cannot be attached to it. Restore the account, or attach the customer to an active one, then produce the order again.
suspended: failed, planner calls lookup, nothing written: true
  Order: The buyer&#039;s Moodle account (user 42) does not exist, is deleted or suspended, or cannot sign in: the session cannot be attached to it. Restore the account, or attach the customer to an active one, then produce the order again.
nologin: failed, planner calls lookup, nothing written: true
  Order: The buyer&#039;s Moodle account (user 42) does not exist, is deleted or suspended, or cannot sign in: the session cannot be attached to it. Restore the account, or attach the customer to an active one, then produce the order again.
missing: failed, planner calls lookup, nothing written: true
  Order: The buyer&#039;s Moodle account (user 42) does not exist, is deleted or suspended, or cannot sign in: the session cannot be attached to it. Restore the account, or attach the customer to an active one, then produce the order again.
