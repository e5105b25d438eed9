--TEST--
handler: the applier sends each operation to its Moodle API, with the ids of accounts it created for refs
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

fake_site();
// p1 is already enrolled, by self enrolment and manually: the product points at the manual one.
$DB->raw_insert('user_enrolments', ['enrolid' => 21, 'userid' => 7, 'status' => 0, 'timestart' => 0, 'timeend' => 0]);
$DB->raw_insert('user_enrolments', ['enrolid' => 20, 'userid' => 7, 'status' => 0, 'timestart' => 0, 'timeend' => 0]);
$applier = new plan_applier(sample_instances(), sample_order(), 1);
var_dump($applier->check(sample_plan()));
$result = $applier->apply(sample_plan());
echo json_encode($result), "\n";
$newid = $result['created']['p2'];
$gid = $result['groupid'];

foreach ($FAKE_LOG as $call) {
    $name = array_shift($call);
    if ($name === 'user_create_user') {
        $u = (array) $call[0];
        ksort($u);
        echo "user_create_user ", json_encode($u), " updatepassword=", var_export($call[1], true),
            " event=", var_export($call[2], true), "\n";
        continue;
    }
    if ($name === 'groups_create_group') {
        echo "groups_create_group ", json_encode($call[0]), "\n";
        continue;
    }
    if ($name === 'role_assign') {
        $ctx = $DB->tables['context'][$call[2]];
        echo "role_assign role=$call[0] user=$call[1] context=", $ctx['contextlevel'], '/', $ctx['instanceid'], "\n";
        continue;
    }
    echo $name, ' ', json_encode($call), "\n";
}

var_dump($newid > 0, $gid > 0);
// Product rows point at the manual user_enrolments row of each seat.
foreach ($DB->tables['local_shop_product'] as $p) {
    $ue = $DB->tables['user_enrolments'][$p['instanceid']] ?? null;
    echo $p['reference'], ' user=', $ue ? $ue['userid'] : 'none', ' enrolid=', $ue ? $ue['enrolid'] : 'none',
        ' customer=', $p['customerid'], ' billitem=', $p['initialbillitemid'], ' test=', $p['test'], "\n";
    echo '  ', $p['productiondata'], "\n";
}
foreach ($DB->tables['local_shop_productevent'] as $e) {
    echo 'event ', $e['eventtype'], ' billitem=', $e['billitemid'], "\n";
}
// No password anywhere: not in the user record, not in a preference, not in a trace.
var_dump(array_filter($DB->tables['user'], fn($u) => ($u['password'] ?? '') !== ''));
echo implode(',', array_unique(array_column($DB->tables['user_preferences'], 'name'))), "\n";
?>
--EXPECTF--
array(0) {
}
{"created":{"p2":%d},"groupid":%d,"counts":{"create_user":1,"create_group":1,"enrol":3,"assign_role":1,"add_member":3,"assign_user_role":2,"create_product":2}}
start_delegated_transaction []
user_create_user {"auth":"manual","city":"LYON","confirmed":1,"country":"FR","email":"tutor@client.fr","firstname":"Tom","lastname":"TUTOR","mnethostid":1,"password":"","username":"tom.tutor"} updatepassword=false event=true
set_user_preference ["create_password","1",%d]
set_user_preference ["auth_forcepasswordchange","1",%d]
groups_create_group {"courseid":10,"idnumber":"TX123","name":"Session <de> mars","description":"","descriptionformat":1}
enrol_user [20,42,4,1767225600,0,0]
role_assign role=4 user=42 context=50/10
enrol_user [20,%d,4,1767225600,0,0]
role_assign role=4 user=%d context=50/10
enrol_user [22,42,5,1767225600,0,0]
role_assign role=5 user=42 context=50/11
role_assign role=5 user=7 context=50/10
groups_add_member [%d,42]
groups_add_member [%d,7]
groups_add_member [%d,%d]
role_assign role=4 user=42 context=30/%d
role_assign role=5 user=%d context=30/42
commit []
bool(true)
bool(true)
TX123-P1 user=7 enrolid=20 customer=77 billitem=900 test=1
  handler=std_setuponecoursesession&courseid=10&coursename=FORM-01&userid=7&role=student&supervisor=0&starttime=1767225600&endtime=0&transactionid=TX123
TX123-P2 user=%d enrolid=20 customer=77 billitem=900 test=1
  handler=std_setuponecoursesession&courseid=10&coursename=FORM-01&userid=%d&role=teacher&supervisor=0&starttime=1767225600&endtime=0&transactionid=TX123
event billed billitem=900
event billed billitem=900
array(0) {
}
create_password,auth_forcepasswordchange
