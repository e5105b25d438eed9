--TEST--
handler: a new account's field longer than Moodle's column (characters, not bytes) refuses the order per participant before anything is written; the applier checks a plan made elsewhere too
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
require HANDLER_DIR . '/std_setuponecoursesession.class.php';

fake_site();
$handler = new shop_handler_std_setuponecoursesession('SESSION');
$before = json_encode(written_rows());

// 100 two-byte letters fit a 100-character column; 101 do not. A 21-digit phone does not fit 20.
$item = fake_bill_item(3, 'TX-LEN');
$item->productiondata->users['student']['learner1@client.fr']->lastname = str_repeat('é', 100);
$item->productiondata->users['student']['learner2@client.fr']->lastname = str_repeat('é', 101);
$item->productiondata->users['teacher']['tutor@client.fr']->phone2 = str_repeat('1', 21);
$fb = $handler->produce_postpay($item);
echo 'nothing written: ', var_export(json_encode(written_rows()) === $before, true), "\n";
preg_match_all('/<li>(.*?)<\/li>/', $fb->private, $m);
echo implode("\n", $m[1]), "\n";

// A plan that did not come from this planner (or an older one): the applier's own check.
$plan = sample_plan();
$plan['operations'][0]['user']['phone2'] = str_repeat('1', 21);
$plan['operations'][1]['name'] = str_repeat('g', 255);
$applier = new shophandlers_std_setuponecoursesession\plan_applier(sample_instances(), sample_order(), 0);
foreach ($applier->check($plan) as $issue) {
    echo $issue['code'], ' ', $issue['ref'] ?? '-', ' ', $issue['field'], ': ', $issue['message'], "\n";
}

// Within the limits, the same order goes through.
$item = fake_bill_item(3, 'TX-LEN');
$item->productiondata->users['student']['learner1@client.fr']->lastname = str_repeat('é', 100);
$item->productiondata->users['teacher']['tutor@client.fr']->phone2 = str_repeat('1', 20);
$fb = $handler->produce_postpay($item);
echo 'accounts now: ', count($DB->tables['user']), "\n";
?>
--EXPECT--
nothing written: true
learner2@client.fr, learner: &quot;learner2@client.fr&quot; (student): lastname is longer than the 100 characters Moodle&#039;s user table holds for a new account.
tutor@client.fr, tutor: &quot;tutor@client.fr&quot; (teacher): phone2 is longer than the 20 characters Moodle&#039;s user table holds for a new account.
field_too_long p2 phone2: phone2 is longer than the 20 characters Moodle can store: shorten it.
field_too_long - groupname: groupname is longer than the 254 characters Moodle can store: shorten it.
accounts now: 8
