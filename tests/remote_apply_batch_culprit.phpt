--TEST--
shop_setup_remote_apply(): a batch Moodle rejects whole is bisected to its culprit; the good records go through, the culprit is reported on its participant
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
require __DIR__ . '/inc/remote_fixture.inc';
$s = MoodleMock::site();
// Since the plan was made: someone took learner5's e-mail (other case: Moodle refuses it,
// and rolls back the whole core_user_create_users call) and learner3's username.
$s['users'][] = ['id' => 7, 'username' => 'someone', 'firstname' => 'S', 'lastname' => 'O', 'email' => 'LEARNER5@Client.Example', 'auth' => 'manual', 'suspended' => 0];
$s['users'][] = ['id' => 8, 'username' => 'learner3', 'firstname' => 'S', 'lastname' => 'O', 'email' => 'x@y.example', 'auth' => 'manual', 'suspended' => 0];
$m = MoodleMock::start($s);

$r = shop_setup_remote_apply(remote_fixture_plan(8), $m->url, MoodleMock::TOKEN);
var_dump($r['ok']);
print_r(remote_statuses($r));
echo json_encode($r['failures'], JSON_PRETTY_PRINT), "\n";
echo "created: ", implode(',', array_keys($r['users'])), "\n";
$st = $m->state();
echo "accounts on the site: ", count($st['users']), "\n";
echo "core_user_create_users requests: ", $st['log']['fn']['core_user_create_users'], ", bisections: ", $r['stats']['bisections'], "\n";
echo "group members: ", count($st['groups'][0]['members']), "\n";
?>
--EXPECT--
bool(false)
Array
(
    [done] => 34
    [failed] => 2
    [local] => 6
    [skipped] => 10
)
{
    "p3": [
        {
            "op": "create_user",
            "code": "usernametaken",
            "message": "username learner3 is taken by another account (id 8)"
        },
        {
            "op": "enrol",
            "code": "dependency",
            "message": "the account of participant p3 does not exist: its create_user failed"
        },
        {
            "op": "add_member",
            "code": "dependency",
            "message": "the account of participant p3 does not exist: its create_user failed"
        },
        {
            "op": "assign_user_role",
            "code": "dependency",
            "message": "the account of participant p3 does not exist: its create_user failed"
        },
        {
            "op": "assign_user_role",
            "code": "dependency",
            "message": "the account of participant p3 does not exist: its create_user failed"
        },
        {
            "op": "create_product",
            "code": "dependency",
            "message": "the participant's account was not created"
        }
    ],
    "p5": [
        {
            "op": "create_user",
            "code": "invalidparameter",
            "message": "Invalid parameter value detected"
        },
        {
            "op": "enrol",
            "code": "dependency",
            "message": "the account of participant p5 does not exist: its create_user failed"
        },
        {
            "op": "add_member",
            "code": "dependency",
            "message": "the account of participant p5 does not exist: its create_user failed"
        },
        {
            "op": "assign_user_role",
            "code": "dependency",
            "message": "the account of participant p5 does not exist: its create_user failed"
        },
        {
            "op": "assign_user_role",
            "code": "dependency",
            "message": "the account of participant p5 does not exist: its create_user failed"
        },
        {
            "op": "create_product",
            "code": "dependency",
            "message": "the participant's account was not created"
        }
    ]
}
created: p1,p2,p4,p6,p7,p8
accounts on the site: 10
core_user_create_users requests: 7, bisections: 3
group members: 7
