--TEST--
handler: production runs under the order's lock; orders above the threshold go to a retry-safe adhoc task
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

/** An order with $n learners. */
function order_of(int $n): array {
    $order = sample_order();
    $order['users'] = ['student' => []];
    for ($i = 0; $i < $n; $i++) {
        $order['users']['student']["l$i@client.fr"] = ['lastname' => 'L', 'firstname' => "F$i", 'email' => "l$i@client.fr"];
    }
    $order['quantity'] = $n;
    return $order;
}

function inserts(): int {
    global $DB;
    return count(array_filter($DB->queries, fn($q) => $q[0] === 'insert_record'))
        + count(fake_calls('user_create_user')) + count(fake_calls('enrol_user'));
}

// 1. Success: lock taken then released, three feedbacks.
sample_site();
$result = (new session_runner(new planner_stub(ok_lookup(), sample_plan())))->run(sample_order());
echo "status $result->status; lock ", json_encode(fake_calls('get_lock')), ' ', json_encode(fake_calls('lock_release')), "\n";
echo $result->feedback->public, "\n", $result->feedback->private, "\n", $result->feedback->salesadmin, "\n";

// 2. Another tab / the payment notification holds the lock: nothing planned, nothing written.
sample_site();
\core\lock\lock_config::$held['shophandlers_std_setuponecoursesession/tx_TX123'] = true;
$stub = new planner_stub(ok_lookup(), sample_plan());
$result = (new session_runner($stub))->run(sample_order());
echo "status $result->status; planner calls ", count($stub->calls), "; writes ", inserts(), "\n";
echo $result->feedback->public, "\n";
\core\lock\lock_config::$held = [];

// 3. Threshold: 200 by default, configurable; above it the order is validated, then queued.
foreach ([[200, null], [201, null], [6, '0'], [6, '5']] as [$n, $config]) {
    sample_site();
    \core\task\manager::$queue = [];
    $FAKE_CONFIG['shophandlers_std_setuponecoursesession']['asyncthreshold'] = $config;
    $stub = new planner_stub(ok_lookup(), sample_plan());
    $result = (new session_runner($stub))->run(order_of($n), false, 500);
    echo "$n participants, threshold ", var_export($config, true), " (", session_runner::async_threshold(), "): ",
        "$result->status, writes ", inserts(), ", queued ", count(\core\task\manager::$queue),
        ", planner calls ", implode(',', $stub->calls), "\n";
}
$queued = fake_calls('queue_adhoc_task');
echo json_encode($queued), "\n";
$task = \core\task\manager::$queue[0];
echo $task->get_component(), "\n";
$data = json_decode($task->get_custom_data_as_string(), true);
var_dump($data['billid'], $data['order'] === order_of(6));
echo $result->feedback->public, "\n", $result->feedback->salesadmin, "\n";
// The payment notification of that order, a moment later ('now' differs): not queued again.
$later = order_of(6);
$later['now']++;
$result = (new session_runner(new planner_stub(ok_lookup(), sample_plan())))->run($later, false, 500);
echo "same order again: $result->status, queued ", count(\core\task\manager::$queue), "\n";
$other = order_of(6);
$other['billitemid'] = 901;
$result = (new session_runner(new planner_stub(ok_lookup(), sample_plan())))->run($other, false, 500);
echo "another item of the bill: $result->status, queued ", count(\core\task\manager::$queue), "\n";
// A queued task that failed (waiting for a retry with the order as it was) or has no attempt left
// (Moodle 4.4+ keeps it, never to run) does not stand for the order: it is queued anew.
\core\task\manager::$queue[0]->set_fail_delay(60);
$result = (new session_runner(new planner_stub(ok_lookup(), sample_plan())))->run($later, false, 500);
echo "same order, its task failing: $result->status, queued ", count(\core\task\manager::$queue), "\n";
\core\task\manager::$queue[2]->set_attempts_available(0);
$result = (new session_runner(new planner_stub(ok_lookup(), sample_plan())))->run($later, false, 500);
echo "same order, its task out of attempts: $result->status, queued ", count(\core\task\manager::$queue), "\n";

// 4. The task replans and applies in one go (no second queueing), and is safe to run again.
class test_task extends apply_session_task {
    public $stub;
    protected function runner(): session_runner {
        return new session_runner($this->stub);
    }
}
sample_site();
$FAKE_CONFIG['shophandlers_std_setuponecoursesession']['asyncthreshold'] = '5';
\core\task\manager::$queue = [];
$t = new test_task();
$t->set_custom_data(['order' => order_of(6), 'billid' => 0]);
$t->stub = new planner_stub(ok_lookup(), sample_plan());
$t->execute();
echo "task run 1: queued ", count(\core\task\manager::$queue), ", users created ", count(fake_calls('user_create_user')),
    ", commits ", count(fake_calls('commit')), "\n";
$done = sample_plan();
$done['operations'] = [];
$t->stub = new planner_stub(ok_lookup(), $done);
$FAKE_LOG = [];
$DB->queries = [];
$t->execute();
echo "task run 2: writes ", inserts(), "; ", end($FAKE_TRACE), "\n";

// A failing apply makes the task fail (Moodle retries it); a held lock too.
sample_site();
$broken = sample_plan();
$broken['operations'][] = ['op' => 'nonsense'];
$t->stub = new planner_stub(ok_lookup(), $broken);
try {
    $t->execute();
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// Nothing but what sample_site() seeded (p1's self enrolment).
echo "after the failed run: ", json_encode(written_rows()), "\n";
\core\lock\lock_config::$held['shophandlers_std_setuponecoursesession/tx_TX123'] = true;
try {
    $t->execute();
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
status done; lock [["get_lock","shophandlers_std_setuponecoursesession\/tx_TX123",120],["get_lock","shophandlers_std_setuponecoursesession\/accounts",20]] [["lock_release","shophandlers_std_setuponecoursesession\/accounts"],["lock_release","shophandlers_std_setuponecoursesession\/tx_TX123"]]
<p>Your training session is ready in course FORM-01: 3 enrolment(s), group "Session &lt;de&gt; mars".</p>
<p>Your training session is ready in course FORM-01: 3 enrolment(s), group "Session &lt;de&gt; mars". New participants receive their sign-in details by email and choose their own password at first sign-in.</p><p>Participants:</p><ul><li>Jean DUPONT (JEAN.DUPONT@EXEMPLE.FR), learner: existing account jdupont</li><li>Tom TUTOR (tutor@client.fr), tutor: new account tom.tutor; the sign-in details are sent by email</li></ul>
<p><b>TXID: TX123</b></p><p>Session set up in course FORM-01, group "Session &lt;de&gt; mars" (idnumber TX123). Accounts created: 1; existing accounts: 1; enrolments: 3; unassigned seats: 1; operations applied: 13.</p><p>Participants:</p><ul><li>Jean DUPONT (JEAN.DUPONT@EXEMPLE.FR), learner: existing account jdupont</li><li>Tom TUTOR (tutor@client.fr), tutor: new account tom.tutor; the sign-in details are sent by email</li></ul>
status busy; planner calls 0; writes 0
<p>Your order TX123 is being set up by another process. Please reload this page in a minute.</p>
200 participants, threshold NULL (200): done, writes 8, queued 0, planner calls lookup,plan
201 participants, threshold NULL (200): queued, writes 0, queued 1, planner calls lookup,plan
6 participants, threshold '0' (0): done, writes 8, queued 0, planner calls lookup,plan
6 participants, threshold '5' (5): queued, writes 0, queued 1, planner calls lookup,plan
[["queue_adhoc_task","shophandlers_std_setuponecoursesession\\task\\apply_session_task",true]]
shophandlers_std_setuponecoursesession
int(500)
bool(true)
<p>Your order for 6 participants has been checked. The training session in course FORM-01 is being set up in the background.</p>
<p><b>TXID: TX123</b></p><p>Order checked (6 participants, 3 seats, 1 accounts to create, 13 operations) and queued for the adhoc task; its result will be appended to the bill.</p>
same order again: queued, queued 1
another item of the bill: queued, queued 2
same order, its task failing: queued, queued 3
same order, its task out of attempts: queued, queued 4
task run 1: queued 0, users created 1, commits 1
task run 2: writes 0; shop_setup: order TX123: nothingtodo
coding_exception: shop_setup plan: unknown operation 'nonsense'
after the failed run: {"user":4,"user_preferences":0,"user_enrolments":1,"role_assignments":0,"groups":0,"groups_members":0,"local_shop_product":0,"local_shop_productevent":0}
moodle_exception: shophandlers_std_setuponecoursesession/errorbusy
