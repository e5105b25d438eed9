--TEST--
handler: with the manual enrolments plugin disabled on the site, the product test says so and an order is refused before anything is written
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
require HANDLER_DIR . '/std_setuponecoursesession.class.php';
use shophandlers_std_setuponecoursesession\session_runner;

foreach (['manual,guest,self,cohort', 'guest,self,cohort'] as $enabled) {
    $CFG->enrol_plugins_enabled = $enabled;
    echo "enabled: $enabled\n";
    sample_site();
    $handler = new shop_handler_std_setuponecoursesession('SESSION');
    $errors = $warnings = $messages = [];
    $handler->unit_test((object) ['code' => 'P', 'actionparams' => ['coursename' => 'FORM-01', 'supervisor' => 'teacher']],
        $errors, $warnings, $messages);
    echo '  product test: ', json_encode($errors['P'] ?? []), "\n";
    $result = (new session_runner(new planner_stub(ok_lookup(), sample_plan())))->run(sample_order());
    echo '  order: ', $result->status, ', ', json_encode(written_rows()), "\n";
    echo '  ', strip_tags($result->feedback->private ?? ''), "\n";
}
?>
--EXPECTF--
enabled: manual,guest,self,cohort
  product test: []
  order: done, %s
  %s
enabled: guest,self,cohort
  product test: ["The manual enrolments plugin is disabled on this site: enrolments made by this product would give no access. Enable it in Site administration > Plugins > Enrolments > Manage enrol plugins."]
  order: failed, {"user":4,"user_preferences":0,"user_enrolments":1,"role_assignments":0,"groups":0,"groups_members":0,"local_shop_product":0,"local_shop_productevent":0}
  %sThe manual enrolments plugin is disabled on this site%s
