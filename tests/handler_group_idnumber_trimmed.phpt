--TEST--
handler: the order's group and products are found again when its transaction id has surrounding spaces (groups_create_group() stores the idnumber trimmed, the planner makes references from the trimmed id)
--SKIPIF--
<?php if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
use shophandlers_std_setuponecoursesession\facts_collector;

fake_site();
$gid = $DB->raw_insert('groups', ['courseid' => 10, 'idnumber' => 'TX9', 'name' => 'Session TX9']);
$DB->raw_insert('groups_members', ['groupid' => $gid, 'userid' => 42]);
$DB->raw_insert('local_shop_product', ['initialbillitemid' => 0, 'reference' => 'TX9-AAAA', 'contexttype' => 'userenrol',
    'instanceid' => 0, 'deleted' => 0]);
$collector = new facts_collector($DB, 1, [2]);
foreach (['TX9', ' TX9 ', "TX9\n"] as $txid) {
    $facts = $collector->collect(['course' => 'FORM-01', 'groupidnumber' => $txid, 'operatorid' => 42], ['transactionid' => $txid]);
    echo json_encode($txid), ': ', json_encode($facts['group']), ' ', json_encode($facts['products']), "\n";
}
?>
--EXPECT--
"TX9": {"id":1000,"members":[42]} ["TX9-AAAA"]
" TX9 ": {"id":1000,"members":[42]} ["TX9-AAAA"]
"TX9\n": {"id":1000,"members":[42]} ["TX9-AAAA"]
