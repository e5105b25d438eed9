--TEST--
shop_setup_remote_apply(): a site-wide refusal (maintenance, token, access) stops the apply; nothing more is sent, each operation says why
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
require __DIR__ . '/inc/remote_fixture.inc';
$m = MoodleMock::start();
$m->fault(['fn' => 'enrol_manual_enrol_users', 'type' => 'error', 'errorcode' => 'sitemaintenance', 'message' => 'The site is undergoing maintenance and is currently not available']);
$r = shop_setup_remote_apply(remote_fixture_plan(3), $m->url, MoodleMock::TOKEN, ['concurrency' => 1]);
echo "ok=", json_encode($r['ok']), "\n";
$by = [];
foreach ($r['operations'] as $op) {
	$by[$op['op'] . ' ' . $op['status'] . (isset($op['error']) ? ' ' . $op['error']['code'] : '')][] = 1;
}
foreach ($by as $k => $v) echo $k, ' x', count($v), "\n";
$fn = $m->state()['log']['fn'];
ksort($fn);
echo json_encode($fn), "\n";
?>
--EXPECT--
ok=false
create_user done x3
create_group done x1
enrol failed sitemaintenance x5
add_member failed sitemaintenance x4
assign_user_role failed sitemaintenance x6
create_product local x3
{"core_enrol_get_enrolled_users":2,"core_group_create_groups":1,"core_group_get_course_groups":1,"core_user_create_users":1,"core_user_get_users_by_field":1,"enrol_manual_enrol_users":1}
