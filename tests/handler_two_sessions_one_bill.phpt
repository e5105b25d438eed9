--TEST--
handler: two session items of one bill (one transaction id) with the same people each get their seat records, and a re-run adds none; records made before references carried the bill item are found again
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

function products_of(int $billitemid): array {
    global $DB;
    $refs = [];
    foreach ($DB->tables['local_shop_product'] ?? [] as $p) {
        if ((int) $p['initialbillitemid'] === $billitemid) {
            $refs[] = $p['reference'];
        }
    }
    sort($refs);
    return $refs;
}

fake_site();
// A second session course, and a bill holding both sessions: local_shop picks the participants per
// product, so the same five people are in both items.
$DB->raw_insert('course', ['id' => 12, 'shortname' => 'FORM-02', 'startdate' => 0]);
$DB->raw_insert('enrol', ['id' => 23, 'courseid' => 12, 'enrol' => 'manual', 'status' => 0, 'sortorder' => 0]);
$handler = new shop_handler_std_setuponecoursesession('SESSION');
$first = fake_bill_item(3, 'TX-BILL');
$second = fake_bill_item(3, 'TX-BILL');
$second->record->id = 901;
$second->actionparams['coursename'] = 'FORM-02';

$handler->produce_postpay($first);
$handler->produce_postpay($second);
$a = products_of(900);
$b = products_of(901);
echo 'seat records: ', count($a), ' and ', count($b), "\n";
echo 'references shared: ', count(array_intersect($a, $b)), "\n";
echo 'each ends with its bill item: ', var_export(
    !array_filter($a, fn($r) => !preg_match('/^TX-BILL-[0-9A-Z]{13}-900$/', $r))
    && !array_filter($b, fn($r) => !preg_match('/^TX-BILL-[0-9A-Z]{13}-901$/', $r)), true), "\n";
$enrolled = [];
foreach ($DB->tables['user_enrolments'] as $ue) {
    $enrolled[$ue['enrolid']][$ue['userid']] = true;
}
echo 'enrolled in FORM-01: ', count($enrolled[20]), ', in FORM-02: ', count($enrolled[23]), "\n";

// Both again (a second payment notification): nothing is added.
$rows = count($DB->tables['local_shop_product']);
$handler->produce_postpay($first);
$handler->produce_postpay($second);
echo 'records added by the re-run: ', count($DB->tables['local_shop_product']) - $rows, "\n";

// Records made before the references carried the bill item: the same reference without it.
foreach ($DB->tables['local_shop_product'] as $id => $p) {
    if ((int) $p['initialbillitemid'] === 900) {
        $DB->tables['local_shop_product'][$id]['reference'] = substr($p['reference'], 0, -4);
    }
}
$handler->produce_postpay($first);
echo 'records added for the older ones: ', count($DB->tables['local_shop_product']) - $rows, "\n";
?>
--EXPECT--
seat records: 5 and 5
references shared: 0
each ends with its bill item: true
enrolled in FORM-01: 6, in FORM-02: 6
records added by the re-run: 0
records added for the older ones: 0
