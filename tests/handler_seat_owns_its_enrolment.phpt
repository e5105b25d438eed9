--TEST--
handler: a refund removes only a manual enrolment a seat of this handler made, and only once no other live seat holds it: access another order pays for, another enrolment method gives, or the person had before, stays
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

/** local_shop's Product::delete(): the handler's delete(), then the row and its events go. */
function refund(int $pid): void {
    global $DB, $handler;
    $handler->delete(new Product($DB->tables['local_shop_product'][$pid]));
    unset($DB->tables['local_shop_product'][$pid]);
}

/** local_shop's Product::soft_delete(): the row marked deleted, then the handler's soft_delete(). */
function disable(int $pid): void {
    global $DB, $handler;
    $DB->tables['local_shop_product'][$pid]['deleted'] = 1;
    $handler->soft_delete(new Product($DB->tables['local_shop_product'][$pid]));
}

/** Whether a seat says it made its enrolment. */
function owning(int $pid): string {
    global $DB;
    return json_decode($DB->tables['local_shop_product'][$pid]['extradata'])->ownsenrolment ? 'made it' : 'found it';
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
    $where = $ueid ? 'enrolid ' . $DB->tables['user_enrolments'][$ueid]['enrolid'] . ', ' . owning($pid) : 'none';
    echo 'TX1 seat of ', $uid === 7 ? 'Jean' : 'a new account', ": $where\n";
}

// Refunding Jean's seat leaves his self enrolment alone.
disable($tx1[7][0]);
refund($tx1[7][0]);
echo 'Jean after his seat was refunded: ', enrolled(7), "\n";

// A second order for the same people: every one of them is enrolled already, through TX1's seats.
$item = fake_bill_item(2, 'TX2');
$fb = $handler->produce_postpay($item);
$tx2 = seats('TX2');
echo 'TX2 seats: ', implode(', ', array_map(fn($s) => $s[1] ? owning($s[0]) : 'none', $tx2)), "\n";

// TX1's seat is refunded first: TX2 still pays for that access, and inherits the right to remove it.
disable($tx1[$learner1][0]);
echo 'after TX1 disabled its seat: ', enrolled($learner1), "\n";
refund($tx1[$learner1][0]);
echo 'after TX1 refunded its seat: ', enrolled($learner1), ', TX2 seat now ', owning($tx2[$learner1][0]), "\n";
disable($tx2[$learner1][0]);
echo 'after TX2 disabled its seat: ', enrolled($learner1), "\n";
refund($tx2[$learner1][0]);
echo 'after TX2 refunded its seat: ', enrolled($learner1), "\n";

// Marie (8) was enrolled by hand before the order: her seat finds the enrolment, never removes it.
$DB->raw_insert('user_enrolments', ['enrolid' => 20, 'userid' => 8, 'status' => 0, 'timestart' => 0, 'timeend' => 0]);
$item = fake_bill_item(1, 'TX3');
$item->productiondata->users['student']['marie@old.fr'] = fake_participant('marie', 'curie', 'marie@old.fr');
$item->quantity = 4;
$fb = $handler->produce_postpay($item);
$tx3 = seats('TX3');
echo 'TX3 seat of Marie: ', owning($tx3[8][0]), "\n";
disable($tx3[8][0]);
refund($tx3[8][0]);
echo 'Marie after her seat was refunded: ', enrolled(8), "\n";

// Two live seats on one enrolment (rows written before 1.1.0, no ownsenrolment): neither removes it alone.
$ue = $DB->raw_insert('user_enrolments', ['enrolid' => 20, 'userid' => 2, 'status' => 0, 'timestart' => 0, 'timeend' => 0]);
$a = $DB->raw_insert('local_shop_product', ['contexttype' => 'userenrol', 'instanceid' => $ue, 'deleted' => 0, 'reference' => 'L-A', 'extradata' => '']);
$b = $DB->raw_insert('local_shop_product', ['contexttype' => 'userenrol', 'instanceid' => $ue, 'deleted' => 0, 'reference' => 'L-B', 'extradata' => '']);
refund($a);
echo 'shared enrolment after one seat was refunded: ', enrolled(2), "\n";
refund($b);
echo 'after the last seat holding it was refunded: ', enrolled(2), "\n";

// A seat written before 1.1.0 pointing at Jean's self enrolment: not the handler's to remove.
$c = $DB->raw_insert('local_shop_product', ['contexttype' => 'userenrol', 'instanceid' => $self, 'deleted' => 0, 'reference' => 'L-C', 'extradata' => '']);
refund($c);
echo 'Jean after a seat pointing at his self enrolment was refunded: ', enrolled(7), "\n";
?>
--EXPECT--
TX1 seat of Jean: none
TX1 seat of a new account: enrolid 20, made it
TX1 seat of a new account: enrolid 20, made it
TX1 seat of a new account: enrolid 20, made it
Jean after his seat was refunded: 21
TX2 seats: none, found it, found it, found it
after TX1 disabled its seat: 20
after TX1 refunded its seat: 20, TX2 seat now made it
after TX2 disabled its seat: 20 suspended
after TX2 refunded its seat: nowhere
TX3 seat of Marie: found it
Marie after her seat was refunded: 20
shared enrolment after one seat was refunded: 20
after the last seat holding it was refunded: nowhere
Jean after a seat pointing at his self enrolment was refunded: 21
