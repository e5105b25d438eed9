--TEST--
handler: with the real shop_setup_session(), a 252-participant order is checked in the request and applied by the adhoc task
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php
if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs');
if (!function_exists('shop_setup_session')) die('skip shop_setup_session() not built yet');
?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
require HANDLER_DIR . '/std_setuponecoursesession.class.php';

fake_site();
$handler = new shop_handler_std_setuponecoursesession('SESSION');
$item = fake_bill_item(250, 'TX-BIG');
$fb = $handler->produce_postpay($item);
echo strip_tags($fb->public), "\n";
echo 'written in the request: ', count(fake_calls('user_create_user')) + count(fake_calls('enrol_user')), ', queued: ',
    count(\core\task\manager::$queue), ', facts queries: ', count($DB->queries), "\n";

$task = \core\task\manager::$queue[0];
$task->execute();
echo 'after the task: accounts ', count(fake_calls('user_create_user')), ', enrolments ', count(fake_calls('enrol_user')),
    ', products ', count($DB->tables['local_shop_product']), ', commits ', count(fake_calls('commit')), "\n";
echo end($FAKE_TRACE), "\n";

// A retry of the task (Moodle retries failed tasks; a duplicate could be queued) changes nothing.
$before = [count($DB->tables['user']), count($DB->tables['local_shop_product']), count($DB->tables['user_enrolments'])];
$task->execute();
$after = [count($DB->tables['user']), count($DB->tables['local_shop_product']), count($DB->tables['user_enrolments'])];
var_dump($before === $after);
echo end($FAKE_TRACE), "\n";
?>
--EXPECT--
Your order for 252 participants has been checked. The training session in course FORM-01 is being set up in the background.
written in the request: 0, queued: 1, facts queries: 13
after the task: accounts 251, enrolments 253, products 252, commits 1
shop_setup: order TX-BIG: done
bool(true)
shop_setup: order TX-BIG: nothingtodo
