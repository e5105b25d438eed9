--TEST--
handler: in the support course the buyer gets student and local_shop's customer role, as local_shop's shop_register_customer_support() gives; a site without that role still sets the order up, with a warning
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

/** The buyer's role ids in the support course (11), sorted. */
function support_roles(int $userid): array {
    global $DB;
    $out = [];
    foreach ($DB->tables['role_assignments'] ?? [] as $ra) {
        $c = $DB->tables['context'][(int) $ra['contextid']] ?? null;
        if ($c && (int) $c['contextlevel'] === CONTEXT_COURSE && (int) $c['instanceid'] === 11 && (int) $ra['userid'] === $userid) {
            $out[] = (int) $ra['roleid'];
        }
    }
    sort($out);
    return $out;
}
/** Moodle API calls that write, since the log was last emptied. */
function writes(): int {
    return count(array_filter($GLOBALS['FAKE_LOG'], fn ($c) => in_array($c[0], ['role_assign', 'enrol_user', 'groups_add_member', 'user_create_user', 'groups_create_group'], true)));
}

$handler = new shop_handler_std_setuponecoursesession('SESSION');

fake_site();
$item = fake_bill_item(1, 'TX-CUST');
$item->actionparams['customersupport'] = 'SUPPORT';
$fb = $handler->produce_postpay($item);
echo "set up ", var_export(strpos($fb->public, 'is ready') !== false, true), "; buyer's roles in the support course ", json_encode(support_roles(42)), "\n";
$GLOBALS['FAKE_LOG'] = [];
$handler->produce_postpay($item);
echo "run again: ", writes(), " writes, roles ", json_encode(support_roles(42)), "\n";

// customerrole= : supportrole only.
fake_site();
$item = fake_bill_item(1, 'TX-CUST2');
$item->actionparams['customersupport'] = 'SUPPORT';
$item->actionparams['customerrole'] = '';
$handler->produce_postpay($item);
echo "customerrole= : roles ", json_encode(support_roles(42)), "\n";

// A site whose customer role was deleted: the order is set up, the sales admin is told.
fake_site();
unset($DB->tables['role'][12]);
$item = fake_bill_item(1, 'TX-CUST3');
$item->actionparams['customersupport'] = 'SUPPORT';
$fb = $handler->produce_postpay($item);
echo "no customer role: set up ", var_export(strpos($fb->public, 'is ready') !== false, true), ", roles ", json_encode(support_roles(42)),
    ", warned ", var_export(strpos($fb->salesadmin, 'customerrole') !== false, true), "\n";
?>
--EXPECT--
set up true; buyer's roles in the support course [5,12]
run again: 0 writes, roles [5,12]
customerrole= : roles [5]
no customer role: set up true, roles [5], warned true
