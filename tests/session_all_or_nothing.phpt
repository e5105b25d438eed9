--TEST--
shop_setup_session(): any error means no operation, unless options partial
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Any error: no operation at all. options['partial'] plans the valid participants; errors stay.
$m = SessionModel::standard();
$order = session_order(['student' => ['ok@x.example' => ['O', 'K'], 'not-an-address' => ['B', 'AD'], 'nolast@x.example' => ['N', '']]]);
$p = session_plan($m, $order);
var_dump($p['ok'], count($p['operations']));
echo session_issues($p);
$p = session_plan($m, $order, ['partial' => true]);
var_dump($p['ok'], count($p['errors']));
echo session_ops($p);
// Order-level errors block even a partial plan.
$p = session_plan($m, session_order(['student' => ['ok@x.example' => ['O', 'K']]], [], 'coursename=MISSING'), ['partial' => true]);
echo session_issues($p);
var_dump(count($p['operations']));
?>
--EXPECT--
bool(false)
int(0)
error invalid_email p2: "not-an-address" (student): "not-an-address" is not an address Moodle accepts: The address has no '@'.
error missing_field p3: "nolast@x.example" (student) has no last name.
warning seats_unassigned: 7 of the 10 seats bought are not assigned to anyone.
bool(false)
int(2)
create_user ref='p1' user='o.k'
create_group ref=NULL courseid=10 idnumber='TX1' name='Session TX1'
enrol ref='operator' userid=42 courseid=10 roleid=3 timestart=1767225600 timeend=0
enrol ref='p1' userid=NULL courseid=10 roleid=5 timestart=1767225600 timeend=0
add_member ref='operator' userid=42 groupid=NULL
add_member ref='p1' userid=NULL groupid=NULL
assign_user_role ref='p1' userid=42 roleid=3 contextref='p1' contextuserid=NULL
assign_user_role ref='p1' userid=NULL roleid=5 contextref='operator' contextuserid=42
create_product ref='p1' userid=NULL reference='TX1-DFTCJG0C9MJD7' courseid=10 startdate=1767225600 enddate=0 catalogitemid=NULL billitemid=NULL customerid=NULL
error course_not_found: No course has the shortname "MISSING".
warning seats_unassigned: 9 of the 10 seats bought are not assigned to anyone.
int(0)
