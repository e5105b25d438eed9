--TEST--
handler: the facts between the two phases cost the same number of queries for 10 and for 1,000 participants
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
use shophandlers_std_setuponecoursesession\facts_collector;

/** A site where half of the $n participants already have an account (stored in capitals). */
function scenario(int $n, ?int $chunksize = null, string $family = 'postgres'): array {
    global $DB;
    fake_site();
    $DB->family = $family;
    $emails = [];
    $bases = [];
    for ($i = 0; $i < $n; $i++) {
        $emails[] = "p$i@client.fr";
        $bases[] = "first$i.last";
        if ($i % 2 === 0) {
            $id = 5000 + $i;
            $DB->raw_insert('user', ['id' => $id, 'username' => "first$i.last", 'email' => "P$i@Client.FR",
                'auth' => 'manual', 'mnethostid' => 1, 'deleted' => 0, 'suspended' => 0]);
            if ($i % 4 === 0) {
                $DB->raw_insert('user_enrolments', ['enrolid' => 20, 'userid' => $id, 'status' => 0,
                    'timestart' => 0, 'timeend' => 0]);
                role_assign(5, $id, context_course::instance(10)->id);
                role_assign(4, 42, context_user::instance($id)->id);
            }
        }
    }
    $gid = $DB->raw_insert('groups', ['courseid' => 10, 'idnumber' => 'TX1', 'name' => 'Session TX1']);
    $DB->raw_insert('groups_members', ['groupid' => $gid, 'userid' => 42]);
    $DB->raw_insert('local_shop_product', ['initialbillitemid' => 900, 'reference' => 'TX1-AAA']);
    $DB->queries = [];
    $lookups = ['emails' => $emails, 'usernames' => $bases, 'course' => 'FORM-01', 'supportcourse' => 'SUPPORT',
        'roles' => ['student', 'teacher'], 'groupidnumber' => 'TX1', 'operatorid' => 42];
    $collector = new facts_collector($DB, 1, [2], $chunksize);
    $facts = $collector->collect($lookups, ['transactionid' => 'TX1', 'billitemid' => 900]);
    return [$facts, count($DB->queries), $collector];
}

[$small, $q10] = scenario(10);
[$big, $q1000] = scenario(1000);
echo "queries for 10: $q10, for 1000: $q1000\n";
var_dump($q10 === $q1000);
echo "users found: ", count($small['users']), " / ", count($big['users']), "\n";
echo "enrolments: ", count($small['enrolments']), " / ", count($big['enrolments']), "\n";
echo "user-context roles: ", count($small['roleassignments']), " / ", count($big['roleassignments']), "\n";

// The facts of the small order, in the contract's shape.
$small['users'] = array_slice($small['users'], 0, 1);
$small['usernames'] = array_slice($small['usernames'], 0, 2);
$small['enrolments'] = array_slice($small['enrolments'], 0, 1);
$small['roleassignments'] = array_slice($small['roleassignments'], 0, 1);
echo json_encode($small), "\n";

// IN lists are chunked: 10 participants in chunks of 4 cost a few more queries, never one per person.
[, $qchunked, $collector] = scenario(10, 4);
echo "queries for 10 in chunks of 4: $qchunked\n";
echo "manual instances: ", implode(',', array_keys($collector->enrolinstances)), "\n";

// Oracle refuses IN lists of more than 1,000 values (the fake too): 2,500 participants still
// work there, in more chunks.
[, $qpg] = scenario(2500);
[$ora, $qora] = scenario(2500, null, 'oracle');
echo "2500 participants: $qpg queries, on Oracle $qora; users found on Oracle: ", count($ora['users']), "\n";

// Only reads: no insert, no transaction.
var_dump(count(array_filter($DB->queries, fn($q) => $q[0] !== 'get_recordset_sql')));
?>
--EXPECT--
queries for 10: 14, for 1000: 14
bool(true)
users found: 5 / 500
enrolments: 3 / 250
user-context roles: 3 / 250
{"course":{"id":10,"startdate":1767225600},"supportcourse":{"id":11},"roles":{"student":5,"teacher":4},"users":[{"id":5000,"email":"P0@Client.FR","username":"first0.last","auth":"manual","suspended":0,"deleted":0}],"usernames":["first0.last","first2.last"],"privileged":[2],"enrolments":[{"courseid":10,"userid":5000,"status":0,"timestart":0,"timeend":0,"roles":[5],"enrol":"manual"}],"group":{"id":1000,"members":[42]},"roleassignments":[{"roleid":4,"userid":42,"contextuserid":5000}],"products":["TX1-AAA"]}
queries for 10 in chunks of 4: 22
manual instances: 10,11
2500 participants: 16 queries, on Oracle 22; users found on Oracle: 1250
int(0)
