--TEST--
shop_setup_session(): operations by kind then participant, deterministic, with a summary
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Operations come by kind, then participant (operator first); the same input gives the same plan.
$m = SessionModel::standard();
$x = $m->addUser('x@x.example', 'x'); $m->enrol(10, $x, 3);
$order = session_order(['student' => ['b@x.example' => ['B', 'B'], 'x@x.example' => ['X', 'X']], 'teacher' => ['a@x.example' => ['A', 'A']]],
    [], 'coursename=FORM-01&requiredroles=student,teacher&customersupport=SUPPORT&attachexisting=always');
$p = session_plan($m, $order);
echo session_ops($p);
var_dump($p === session_plan($m, $order));
echo json_encode($p['summary']), "\n";
?>
--EXPECT--
create_user ref='p1' user='b.b'
create_user ref='p3' user='a.a'
create_group ref=NULL courseid=10 idnumber='TX1' name='Session TX1'
enrol ref='operator' userid=42 courseid=10 roleid=3 timestart=1767225600 timeend=0
enrol ref='operator' userid=42 courseid=11 roleid=5 timestart=1767225600 timeend=0
enrol ref='p1' userid=NULL courseid=10 roleid=5 timestart=1767225600 timeend=0
enrol ref='p3' userid=NULL courseid=10 roleid=3 timestart=1767225600 timeend=0
assign_role ref='operator' userid=42 courseid=11 roleid=10
assign_role ref='p2' userid=1000 courseid=10 roleid=5
add_member ref='operator' userid=42 groupid=NULL
add_member ref='p1' userid=NULL groupid=NULL
add_member ref='p2' userid=1000 groupid=NULL
add_member ref='p3' userid=NULL groupid=NULL
assign_user_role ref='p1' userid=42 roleid=3 contextref='p1' contextuserid=NULL
assign_user_role ref='p1' userid=NULL roleid=5 contextref='operator' contextuserid=42
assign_user_role ref='p2' userid=42 roleid=3 contextref='p2' contextuserid=1000
assign_user_role ref='p2' userid=1000 roleid=5 contextref='operator' contextuserid=42
assign_user_role ref='p3' userid=42 roleid=3 contextref='p3' contextuserid=NULL
assign_user_role ref='p3' userid=NULL roleid=5 contextref='operator' contextuserid=42
create_product ref='p1' userid=NULL reference='TX1-CSA3TTP21C92H' courseid=10 startdate=1767225600 enddate=0 catalogitemid=NULL billitemid=NULL customerid=NULL
create_product ref='p2' userid=1000 reference='TX1-3RGX8Z7FWQKG3' courseid=10 startdate=1767225600 enddate=0 catalogitemid=NULL billitemid=NULL customerid=NULL
create_product ref='p3' userid=NULL reference='TX1-8AFSN8XT87R1F' courseid=10 startdate=1767225600 enddate=0 catalogitemid=NULL billitemid=NULL customerid=NULL
bool(true)
{"seats":10,"declared":3,"unassigned":7,"created":2,"reused":1,"enrolments":4,"skipped":0,"operations":22}
