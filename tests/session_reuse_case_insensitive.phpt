--TEST--
shop_setup_session(): an existing account is matched on the lower-cased address and reused
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// An account stored as Jean.Dupont@Exemple.fr is the person typed JEAN.DUPONT@EXEMPLE.FR: reused, not created.
$m = SessionModel::standard();
$id = $m->addUser('Jean.Dupont@Exemple.fr', 'jdupont');
$order = session_order(['student' => ['JEAN.DUPONT@EXEMPLE.FR' => ['Jean', 'Dupont']]]);
$p = session_plan($m, $order);
$q = $p['participants'][0];
echo $q['action'], ' ', $q['userid'] === $id ? 'same id' : 'other id', ' ', $q['username'], ' ', $q['matchkey'], "\n";
echo session_ops($p);
echo $p['summary']['created'], ' created, ', $p['summary']['reused'], " reused\n";
?>
--EXPECT--
reuse same id jdupont jean.dupont@exemple.fr
create_group ref=NULL courseid=10 idnumber='TX1' name='Session TX1'
enrol ref='operator' userid=42 courseid=10 roleid=3 timestart=1767225600 timeend=0
enrol ref='p1' userid=1000 courseid=10 roleid=5 timestart=1767225600 timeend=0
add_member ref='operator' userid=42 groupid=NULL
add_member ref='p1' userid=1000 groupid=NULL
create_product ref='p1' userid=1000 reference='TX1-FWW9TNXRHWB19' courseid=10 startdate=1767225600 enddate=0 catalogitemid=NULL billitemid=NULL customerid=NULL
0 created, 1 reused
