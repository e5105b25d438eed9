--TEST--
handler: a seat owns only the manual enrolment its order made or took over; refunding a seat never removes access another seat or another enrolment method gave
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
require HANDLER_DIR . '/std_setuponecoursesession.class.php';
use local_shop\Product;

/** Each product of an order: user id => [product id, instanceid]. */
function seats(string $txid): array {
    global $DB;
    $out = [];
    foreach ($DB->tables['local_shop_product'] ?? [] as $p) {
        parse_str($p['productiondata'], $d);
        if ($d['transactionid'] === $txid) {
            $out[(int) $d['userid']] = [$p['id'], (int) $p['instanceid']];
        }
    }
    ksort($out);
    return $out;
}

/** Where a user is enrolled in course 10: instance ids. */
function enrolled(int $userid): string {
    global $DB;
    $in = [];
    foreach ($DB->tables['user_enrolments'] as $ue) {
        if ((int) $ue['userid'] === $userid) {
            $in[] = $ue['enrolid'] . ($ue['status'] ? ' suspended' : '');
        }
    }
    sort($in);
    return $in ? implode(', ', $in) : 'nowhere';
}

fake_site();
// Jean (7) came in through self enrolment before anybody bought him a seat.
$self = $DB->raw_insert('user_enrolments', ['enrolid' => 21, 'userid' => 7, 'status' => 0, 'timestart' => 0, 'timeend' => 0]);
$handler = new shop_handler_std_setuponecoursesession('SESSION');

$item = fake_bill_item(2, 'TX1');
$fb = $handler->produce_postpay($item);
$tx1 = seats('TX1');
$learner1 = (int) array_key_last($tx1);   // the last account created
foreach ($tx1 as $uid => [$pid, $ueid]) {
    $owner = $ueid ? 'enrolid ' . $DB->tables['user_enrolments'][$ueid]['enrolid'] : 'none';
    echo 'TX1 seat of ', $uid === 7 ? 'Jean' : 'a new account', ": $owner\n";
}

// Refunding Jean's seat leaves his self enrolment alone.
$handler->delete(new Product($DB->tables['local_shop_product'][$tx1[7][0]]));
$handler->soft_delete(new Product($DB->tables['local_shop_product'][$tx1[7][0]]));
echo 'Jean after his seat was refunded: ', enrolled(7), "\n";

// A second order for the same people: every one of them is enrolled already, through TX1's seats.
$item = fake_bill_item(2, 'TX2');
$fb = $handler->produce_postpay($item);
$tx2 = seats('TX2');
echo 'TX2 seats owning an enrolment: ', count(array_filter($tx2, fn($s) => $s[1] !== 0)), ' of ', count($tx2), "\n";
foreach ($tx2 as $uid => [$pid, $ueid]) {
    $handler->delete(new Product($DB->tables['local_shop_product'][$pid]));
}
echo 'after TX2 was refunded, the TX1 learner: ', enrolled($learner1), "\n";
// TX1's own seat still acts on the enrolment it made.
$handler->soft_delete(new Product($DB->tables['local_shop_product'][$tx1[$learner1][0]]));
echo 'after TX1 disabled its seat: ', enrolled($learner1), "\n";
$handler->delete(new Product($DB->tables['local_shop_product'][$tx1[$learner1][0]]));
echo 'after TX1 refunded its seat: ', enrolled($learner1), "\n";

// Two live seats on one enrolment (rows written before this rule): neither removes it alone.
$ue = $DB->raw_insert('user_enrolments', ['enrolid' => 20, 'userid' => 8, 'status' => 0, 'timestart' => 0, 'timeend' => 0]);
$a = $DB->raw_insert('local_shop_product', ['contexttype' => 'userenrol', 'instanceid' => $ue, 'deleted' => 0, 'reference' => 'L-A']);
$b = $DB->raw_insert('local_shop_product', ['contexttype' => 'userenrol', 'instanceid' => $ue, 'deleted' => 0, 'reference' => 'L-B']);
$handler->delete(new Product($DB->tables['local_shop_product'][$a]));
echo 'shared enrolment after one seat was refunded: ', enrolled(8), "\n";
$DB->tables['local_shop_product'][$a]['deleted'] = 1;
$handler->delete(new Product($DB->tables['local_shop_product'][$b]));
echo 'after the last seat holding it was refunded: ', enrolled(8), "\n";

// A seat written before this rule pointing at Jean's self enrolment: not the handler's to remove.
$c = $DB->raw_insert('local_shop_product', ['contexttype' => 'userenrol', 'instanceid' => $self, 'deleted' => 0, 'reference' => 'L-C']);
$handler->delete(new Product($DB->tables['local_shop_product'][$c]));
echo 'Jean after a seat pointing at his self enrolment was refunded: ', enrolled(7), "\n";
?>
--EXPECT--
TX1 seat of Jean: none
TX1 seat of a new account: enrolid 20
TX1 seat of a new account: enrolid 20
TX1 seat of a new account: enrolid 20
Jean after his seat was refunded: 21
TX2 seats owning an enrolment: 0 of 4
after TX2 was refunded, the TX1 learner: 20
after TX1 disabled its seat: 20 suspended
after TX1 refunded its seat: nowhere
shared enrolment after one seat was refunded: 20
after the last seat holding it was refunded: nowhere
Jean after a seat pointing at his self enrolment was refunded: 21
