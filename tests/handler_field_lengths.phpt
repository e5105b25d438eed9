--TEST--
handler: a new account's field longer than Moodle's column (characters, not bytes) refuses the order per participant before anything is written
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

// Within the limits, the same order goes through.
$item = fake_bill_item(3, 'TX-LEN');
$item->productiondata->users['student']['learner1@client.fr']->lastname = str_repeat('é', 100);
$item->productiondata->users['teacher']['tutor@client.fr']->phone2 = str_repeat('1', 20);
$fb = $handler->produce_postpay($item);
echo 'accounts now: ', count($DB->tables['user']), "\n";
?>
--EXPECT--
nothing written: true
learner2@client.fr, learner: lastname is longer than the 100 characters Moodle can store: shorten it.
tutor@client.fr, tutor: phone2 is longer than the 20 characters Moodle can store: shorten it.
accounts now: 8
