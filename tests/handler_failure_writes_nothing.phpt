--TEST--
handler: a refused order or plan, or a failing apply, writes nothing and tells the customer and the sales admin why
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

function run(planner_stub $planner, string $title, ?string $failon = null) {
    global $DB, $FAKE_LOG;
    fake_site();
    $DB->failon = $failon;
    $DB->raw_insert('user_enrolments', ['enrolid' => 20, 'userid' => 7, 'status' => 0, 'timestart' => 0, 'timeend' => 0]);
    $before = written_rows();
    $DB->queries = [];
    $result = (new session_runner($planner))->run(sample_order());
    echo "== $title\n";
    echo "status: $result->status; planner calls: ", implode(',', $planner->calls), "\n";
    echo "unchanged: ", var_export(written_rows() === $before, true), "; inserts: ",
        count(array_filter($DB->queries, fn($q) => $q[0] === 'insert_record')), "\n";
    echo "lock: ", count(fake_calls('get_lock')), " taken, ", count(fake_calls('lock_release')), " released\n";
    foreach (['public', 'private', 'salesadmin'] as $k) {
        echo "$k: ", $result->feedback->$k, "\n";
    }
    $all = implode('', (array) $result->feedback);
    echo "claims success: ", var_export(strpos($all, 'is ready') !== false || strpos($all, 'already set up') !== false,
        true), "\n";
}

// Phase 1 refuses the repeated email: no query at all.
$lookup = ok_lookup();
$lookup['ok'] = false;
$lookup['errors'] = [['level' => 'error', 'code' => 'duplicate_person', 'ref' => 'p3', 'role' => 'student',
    'email' => 'Jean.Dupont@exemple.fr', 'message' => 'The same person appears twice: JEAN.DUPONT@EXEMPLE.FR (learner) and Jean.Dupont@exemple.fr (learner).']];
$lookup['warnings'] = [['level' => 'warning', 'code' => 'seats_unassigned', 'message' => '1 seat is not assigned yet.']];
run(new planner_stub($lookup), 'repeated email refused in phase 1');

// Phase 2 refuses (a suspended account): facts were read, nothing written.
$plan = sample_plan();
$plan['ok'] = false;
$plan['operations'] = [];
$plan['errors'] = [['level' => 'error', 'code' => 'account_suspended', 'ref' => 'p1', 'role' => 'student',
    'email' => 'JEAN.DUPONT@EXEMPLE.FR', 'message' => 'The account <jdupont> for this address is suspended.']];
run(new planner_stub(ok_lookup(), $plan), 'plan refused in phase 2');

// A Moodle API fails halfway: everything already done in the transaction is rolled back.
$plan = sample_plan();
$plan['operations'][] = ['op' => 'add_member', 'ref' => 'p9', 'userid' => null, 'groupid' => null];
run(new planner_stub(ok_lookup(), $plan), 'apply failed and rolled back');
echo "rollback: ", count(fake_calls('rollback')), ", commit: ", count(fake_calls('commit')), "\n";

// The order itself has a wrong type: the TypeError's message reaches the sales admin, nothing else happens.
run(new planner_stub([]), 'order with a wrong type');

// The database fails while the facts are read: a failure, the lock released, never a success.
run(new planner_stub(ok_lookup(), sample_plan()), 'database error while reading the facts', '{role_assignments}');
?>
--EXPECTF--
== repeated email refused in phase 1
status: failed; planner calls: lookup,plan
unchanged: true; inserts: 0
lock: 2 taken, 2 released
public: <p><b>Your training session could not be set up.</b> Nothing was changed. Please correct the points below and contact us with your order reference TX123.</p><p>To be corrected:</p><ul><li>Jean.Dupont@exemple.fr, learner: The same person appears twice: JEAN.DUPONT@EXEMPLE.FR (learner) and Jean.Dupont@exemple.fr (learner).</li></ul>
private: <p><b>Your training session could not be set up.</b> Nothing was changed. Please correct the points below and contact us with your order reference TX123.</p><p>To be corrected:</p><ul><li>Jean.Dupont@exemple.fr, learner: The same person appears twice: JEAN.DUPONT@EXEMPLE.FR (learner) and Jean.Dupont@exemple.fr (learner).</li></ul>
salesadmin: <p><b>TXID: TX123</b></p><p><b>Production FAILED</b> for course FORM-01: 1 error(s), nothing was written. Seats bought: 3; participants declared: 2.</p><p>To be corrected:</p><ul><li>[duplicate_person] Jean.Dupont@exemple.fr, learner, p3: The same person appears twice: JEAN.DUPONT@EXEMPLE.FR (learner) and Jean.Dupont@exemple.fr (learner).</li></ul><p>Warnings:</p><ul><li>[seats_unassigned] Order: 1 seat is not assigned yet.</li></ul>
claims success: false
== plan refused in phase 2
status: failed; planner calls: lookup,plan
unchanged: true; inserts: 0
lock: 2 taken, 2 released
public: <p><b>Your training session could not be set up.</b> Nothing was changed. Please correct the points below and contact us with your order reference TX123.</p><p>To be corrected:</p><ul><li>JEAN.DUPONT@EXEMPLE.FR, learner: The account &lt;jdupont&gt; for this address is suspended.</li></ul>
private: <p><b>Your training session could not be set up.</b> Nothing was changed. Please correct the points below and contact us with your order reference TX123.</p><p>To be corrected:</p><ul><li>JEAN.DUPONT@EXEMPLE.FR, learner: The account &lt;jdupont&gt; for this address is suspended.</li></ul>
salesadmin: <p><b>TXID: TX123</b></p><p><b>Production FAILED</b> for course FORM-01: 1 error(s), nothing was written. Seats bought: 3; participants declared: 2.</p><p>To be corrected:</p><ul><li>[account_suspended] JEAN.DUPONT@EXEMPLE.FR, learner, p1: The account &lt;jdupont&gt; for this address is suspended.</li></ul>
claims success: false
== apply failed and rolled back
status: failed; planner calls: lookup,plan
unchanged: true; inserts: %d
lock: 2 taken, 2 released
public: <p><b>Your training session could not be set up.</b> Nothing was changed. Please correct the points below and contact us with your order reference TX123.</p><p>To be corrected:</p><ul><li>Order: A technical error interrupted the setup; every change was cancelled. The sales team has the details.</li></ul>
private: <p><b>Your training session could not be set up.</b> Nothing was changed. Please correct the points below and contact us with your order reference TX123.</p><p>To be corrected:</p><ul><li>Order: A technical error interrupted the setup; every change was cancelled. The sales team has the details.</li></ul>
salesadmin: <p><b>TXID: TX123</b></p><p><b>Production FAILED</b> for course FORM-01: 1 error(s), nothing was written. Seats bought: 3; participants declared: 2.</p><p>To be corrected:</p><ul><li>[apply_failed] Order: A technical error interrupted the setup; every change was cancelled. The sales team has the details.</li></ul><p>Error raised during production (any change was rolled back): shop_setup plan: add_member names &#039;p9&#039;, an account that is neither known nor created earlier in the plan</p>
claims success: false
rollback: 1, commit: 0
== order with a wrong type
status: failed; planner calls: lookup
unchanged: true; inserts: 0
lock: 2 taken, 2 released
public: <p><b>Your training session could not be set up.</b> Nothing was changed. Please correct the points below and contact us with your order reference TX123.</p><p>To be corrected:</p><ul><li>Order: shop_setup_session(): $order[&#039;users&#039;][&#039;student&#039;][&#039;a@b.fr&#039;][&#039;lastname&#039;] must be of type string, int given</li></ul>
private: <p><b>Your training session could not be set up.</b> Nothing was changed. Please correct the points below and contact us with your order reference TX123.</p><p>To be corrected:</p><ul><li>Order: shop_setup_session(): $order[&#039;users&#039;][&#039;student&#039;][&#039;a@b.fr&#039;][&#039;lastname&#039;] must be of type string, int given</li></ul>
salesadmin: <p><b>TXID: TX123</b></p><p><b>Production FAILED</b> for course FORM-01: 1 error(s), nothing was written. Seats bought: 3; participants declared: 2.</p><p>To be corrected:</p><ul><li>[invalid_order] Order: shop_setup_session(): $order[&#039;users&#039;][&#039;student&#039;][&#039;a@b.fr&#039;][&#039;lastname&#039;] must be of type string, int given</li></ul>
claims success: false
== database error while reading the facts
status: failed; planner calls: lookup
unchanged: true; inserts: 0
lock: 2 taken, 2 released
public: <p><b>Your training session could not be set up.</b> Nothing was changed. Please correct the points below and contact us with your order reference TX123.</p><p>To be corrected:</p><ul><li>Order: A technical error interrupted the setup; every change was cancelled. The sales team has the details.</li></ul>
private: <p><b>Your training session could not be set up.</b> Nothing was changed. Please correct the points below and contact us with your order reference TX123.</p><p>To be corrected:</p><ul><li>Order: A technical error interrupted the setup; every change was cancelled. The sales team has the details.</li></ul>
salesadmin: <p><b>TXID: TX123</b></p><p><b>Production FAILED</b> for course FORM-01: 1 error(s), nothing was written. Seats bought: 3; participants declared: 2.</p><p>To be corrected:</p><ul><li>[apply_failed] Order: A technical error interrupted the setup; every change was cancelled. The sales team has the details.</li></ul><p>Error raised during production (any change was rolled back): error/dmlreadexception</p>
claims success: false
