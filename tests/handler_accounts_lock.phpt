--TEST--
handler: productions run one at a time site-wide, so that two orders never both create an account for one new person; a web request that finds another order in production hands its own to the adhoc task
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
use shophandlers_std_setuponecoursesession\task\apply_session_task;

class test_task extends apply_session_task {
    public $stub;
    protected function runner(): session_runner {
        return new session_runner($this->stub);
    }
}

$accounts = 'shophandlers_std_setuponecoursesession/accounts';
sample_site();
$before = json_encode(written_rows());

// Another order is being produced: the web request waits a little, then queues this one.
\core\lock\lock_config::$held[$accounts] = true;
$stub = new planner_stub(ok_lookup(), sample_plan());
$result = (new session_runner($stub))->run(sample_order(), false, 500);
echo "web: $result->status, planner calls ", count($stub->calls), ', nothing written: ',
    var_export(json_encode(written_rows()) === $before, true), ', queued: ', count(\core\task\manager::$queue), "\n";
echo 'waited: ', json_encode(array_map(fn($c) => [$c[1], $c[2]], fake_calls('get_lock'))), "\n";
echo 'order lock released: ', var_export(!isset(\core\lock\lock_config::$held['shophandlers_std_setuponecoursesession/tx_TX123']), true), "\n";
echo $result->feedback->public, "\n", $result->feedback->salesadmin, "\n";

// The task finds the other production still running: it fails, so that Moodle retries it.
$t = new test_task();
$t->set_custom_data(json_decode(\core\task\manager::$queue[0]->get_custom_data_as_string(), true));
$t->stub = new planner_stub(ok_lookup(), sample_plan());
try {
    $t->execute();
} catch (moodle_exception $e) {
    echo 'task while busy: ', $e->getMessage(), ', nothing written: ', var_export(json_encode(written_rows()) === $before, true), "\n";
}

// Once the other production is over, the retried task sets the order up.
unset(\core\lock\lock_config::$held[$accounts]);
$t->execute();
echo 'task after: users created ', count(fake_calls('user_create_user')), ', commits ', count(fake_calls('commit')),
    ', locks held: ', json_encode(array_keys(\core\lock\lock_config::$held)), "\n";
?>
--EXPECT--
web: queued, planner calls 0, nothing written: true, queued: 1
waited: [["shophandlers_std_setuponecoursesession\/tx_TX123",120],["shophandlers_std_setuponecoursesession\/accounts",20]]
order lock released: true
<p>Your order TX123 will be set up in a few minutes, once another order being set up right now is finished.</p>
<p><b>TXID: TX123</b></p><p>Production deferred: another order was being produced (productions run one at a time, so that two orders never create two accounts for one person). Nothing was written by this run; the adhoc task will check and apply the order, and append its result to the bill.</p>
task while busy: shophandlers_std_setuponecoursesession/errorbusy, nothing written: true
task after: users created 1, commits 1, locks held: []
