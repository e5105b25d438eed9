--TEST--
handler: without a bill item, product records are found by the transaction id as a LIKE prefix with _, % and the backslash escaped (Moodle's sql_like_escape() leaves the backslash alone)
--SKIPIF--
<?php if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
use shophandlers_std_setuponecoursesession\facts_collector;

fake_site();
foreach (['TX\\1-AAAA', 'TX1-BBBB', 'TX_2-CCCC', 'TXZ2-DDDD', 'TX%3-EEEE', 'TX3-FFFF'] as $ref) {
    $DB->raw_insert('local_shop_product', ['initialbillitemid' => 0, 'reference' => $ref, 'contexttype' => 'userenrol',
        'instanceid' => 0, 'deleted' => 0]);
}
$collector = new facts_collector($DB, 1, [2]);
foreach (['TX\\1', 'TX_2', 'TX%3'] as $txid) {
    $facts = $collector->collect(['course' => 'FORM-01', 'groupidnumber' => $txid, 'operatorid' => 42], ['transactionid' => $txid]);
    echo $txid, ': ', json_encode($facts['products']), "\n";
}
?>
--EXPECT--
TX\1: ["TX\\1-AAAA"]
TX_2: ["TX_2-CCCC"]
TX%3: ["TX%3-EEEE"]
