--TEST--
handler: when Moodle refuses a group member (not enrolled, account deleted since the facts were read), the whole apply rolls back with a clear error
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
use shophandlers_std_setuponecoursesession\plan_applier;

// p1 (7) was unenrolled between the facts and the apply: the plan still adds them to the group.
fake_site();
$applier = new plan_applier(sample_instances(), sample_order(), 0);
try {
    $applier->apply(sample_plan());
    echo "applied\n";
} catch (moodle_exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo json_encode(written_rows()), "\n";
echo 'rolled back: ', var_export(count(fake_calls('rollback')) === 1, true), "\n";

// The same plan when p1 is in the course: applied.
sample_site();
$result = (new plan_applier(sample_instances(), sample_order(), 0))->apply(sample_plan());
echo 'members: ', count($DB->tables['groups_members']), ', add_member applied: ', $result['counts']['add_member'], "\n";

// A deleted account is refused the same way.
sample_site();
$DB->tables['user'][7]['deleted'] = 1;
try {
    (new plan_applier(sample_instances(), sample_order(), 0))->apply(sample_plan());
} catch (moodle_exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
moodle_exception: shophandlers_std_setuponecoursesession/erroraddmember
{"user":4,"user_preferences":0,"user_enrolments":0,"role_assignments":0,"groups":0,"groups_members":0,"local_shop_product":0,"local_shop_productevent":0}
rolled back: true
members: 3, add_member applied: 3
moodle_exception: shophandlers_std_setuponecoursesession/erroraddmember
