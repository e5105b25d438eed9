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
        if (($d['transactionid'] ?? '') === $txid) {
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

// Zoé bought twice (TX4 made her enrolment, TX5 found it). TX4 is disabled, then TX5 refunded: the
// enrolment is suspended, not removed, so that restoring TX4 gives her access back.
$two = [];
foreach (['TX4', 'TX5'] as $tx) {
    $item = fake_bill_item(1, $tx);
    $item->productiondata->users['student'] = ['zoe@client.fr' => fake_participant('zoe', 'zed', 'zoe@client.fr')];
    $fb = $handler->produce_postpay($item);
    $two[$tx] = seats($tx);
}
$zoe = (int) array_key_last($two['TX4']);
echo 'TX4 seat: ', owning($two['TX4'][$zoe][0]), ', TX5 seat: ', owning($two['TX5'][$zoe][0]), "\n";
disable($two['TX4'][$zoe][0]);
echo 'after TX4 disabled its seat: ', enrolled($zoe), "\n";
refund($two['TX5'][$zoe][0]);
echo 'after TX5 refunded its seat: ', enrolled($zoe), "\n";
$DB->tables['local_shop_product'][$two['TX4'][$zoe][0]]['deleted'] = 0;
$handler->soft_restore(new Product($DB->tables['local_shop_product'][$two['TX4'][$zoe][0]]));
echo 'after TX4 was restored: ', enrolled($zoe), "\n";
refund($two['TX4'][$zoe][0]);
echo 'after TX4 refunded its seat: ', enrolled($zoe), "\n";

// Another handler's live product on an enrolment one of ours made: the access stays, and that
// product's extradata is not touched (only this handler's seats inherit ownsenrolment).
$item = fake_bill_item(1, 'TX6');
$item->productiondata->users['student'] = ['yan@client.fr' => fake_participant('yan', 'why', 'yan@client.fr')];
$fb = $handler->produce_postpay($item);
$tx6 = seats('TX6');
$yan = (int) array_key_last($tx6);
$foreign = $DB->raw_insert('local_shop_product', ['contexttype' => 'userenrol', 'instanceid' => $tx6[$yan][1], 'deleted' => 0,
    'reference' => 'OTHER-1', 'extradata' => 'note=kept', 'initialbillitemid' => 0, 'productiondata' => 'handler=std_enrolonecourse&courseid=10']);
refund($tx6[$yan][0]);
echo 'after TX6 refunded its seat: ', enrolled($yan), ', the other product\'s extradata: ',
    $DB->tables['local_shop_product'][$foreign]['extradata'], "\n";

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
$a = $DB->raw_insert('local_shop_product', ['contexttype' => 'userenrol', 'instanceid' => $ue, 'deleted' => 0, 'reference' => 'L-A', 'extradata' => '', 'productiondata' => 'handler=std_setuponecoursesession&courseid=10']);
$b = $DB->raw_insert('local_shop_product', ['contexttype' => 'userenrol', 'instanceid' => $ue, 'deleted' => 0, 'reference' => 'L-B', 'extradata' => '', 'productiondata' => 'handler=std_setuponecoursesession&courseid=10']);
refund($a);
echo 'shared enrolment after one seat was refunded: ', enrolled(2), "\n";
refund($b);
echo 'after the last seat holding it was refunded: ', enrolled(2), "\n";

// A seat written before 1.1.0 pointing at Jean's self enrolment: not the handler's to remove.
$c = $DB->raw_insert('local_shop_product', ['contexttype' => 'userenrol', 'instanceid' => $self, 'deleted' => 0, 'reference' => 'L-C', 'extradata' => '', 'productiondata' => 'handler=std_setuponecoursesession&courseid=10']);
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
TX4 seat: made it, TX5 seat: found it
after TX4 disabled its seat: 20
after TX5 refunded its seat: 20 suspended
after TX4 was restored: 20
after TX4 refunded its seat: nowhere
after TX6 refunded its seat: 20, the other product's extradata: note=kept
TX3 seat of Marie: found it
Marie after her seat was refunded: 20
shared enrolment after one seat was refunded: 20
after the last seat holding it was refunded: nowhere
Jean after a seat pointing at his self enrolment was refunded: 21
