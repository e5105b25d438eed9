--TEST--
shop_setup_session(): product references are stable per transaction and person, and never recorded twice
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// One product per seat, reference = transactionid + hash of the match key: the same whatever the
// order of entries or the spelling of the address; recorded references are skipped.
$m = SessionModel::standard();
$a = session_order(['student' => ['a@x.example' => ['A', 'A'], 'b@x.example' => ['B', 'B']], 'teacher' => ['t@x.example' => ['T', 'T']]]);
$b = session_order(['teacher' => ['T@X.example' => ['T', 'T']], 'student' => ['B@x.example' => ['B', 'B'], 'a@X.EXAMPLE' => ['A', 'A']]]);
$refs = fn ($p) => array_column(array_filter($p['operations'], fn ($o) => $o['op'] === 'create_product'), 'reference', 'ref');
$ra = $refs(session_plan($m, $a));
$rb = $refs(session_plan($m, $b));
sort($ra); sort($rb);
var_dump(count($ra), $ra === $rb, preg_match('/^TX1-[0-9A-Z]{13}$/', $ra[0]) === 1);
$c = session_order(['student' => ['a@x.example' => ['A', 'A']]], ['transactionid' => 'TX2']);
var_dump(in_array($refs(session_plan($m, $c))['p1'], $ra, true));
$m->products[$ra[0]] = true;
$p = session_plan($m, $a);
var_dump(count($refs($p)), in_array($ra[0], $refs($p), true));
?>
--EXPECT--
int(3)
bool(true)
bool(true)
bool(false)
int(2)
bool(false)
