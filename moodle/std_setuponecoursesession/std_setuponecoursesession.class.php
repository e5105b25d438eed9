<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * Handler std_setuponecoursesession, built on the shop_setup PHP extension.
 *
 * @package    shophandlers_std_setuponecoursesession
 * @copyright  2026 shop_setup contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

require_once($CFG->dirroot . '/local/shop/datahandling/shophandler.class.php');
require_once($CFG->dirroot . '/local/shop/datahandling/handlercommonlib.php');
require_once($CFG->dirroot . '/local/shop/classes/Product.class.php');
require_once($CFG->dirroot . '/local/shop/classes/Shop.class.php');
require_once($CFG->dirroot . '/local/shop/locallib.php');

use local_shop\Product;
use local_shop\Shop;
use shophandlers_std_setuponecoursesession\order_builder;
use shophandlers_std_setuponecoursesession\seat_manager;
use shophandlers_std_setuponecoursesession\session_runner;

/**
 * Sets up a whole training session on one course in one operation.
 *
 * Learners and tutors (each one consumes a seat), one course group per order whose idnumber is the
 * transaction id, accounts created only when no local account has the participant's email, every
 * account attached to the buyer by cross roles in user contexts, optional customer support course.
 * The shop_setup extension decides (shop_setup_session()); this class only reads and applies.
 */
class shop_handler_std_setuponecoursesession extends shop_handler {

    /** @var string handler name, for local_shop's unit test report */
    public $name;

    /**
     * Constructor.
     *
     * @param string $label
     */
    public function __construct($label) {
        $this->name = 'std_setuponecoursesession';
        parent::__construct($label);
    }

    /**
     * At order time: registers (or creates) the customer's account, as local_shop does.
     *
     * @param \local_shop\BillItem $data
     * @param bool $errorstatus set to true on failure
     * @return \stdClass public, private and salesadmin feedbacks
     */
    public function produce_prepay($data, &$errorstatus) {
        global $DB, $USER;

        self::default_support($data);
        $customer = order_builder::customer($data);
        $customerid = (int) order_builder::get(order_builder::get($data, 'bill'), 'customerid');
        if ($customer === null && $customerid > 0) {
            // A light bill: the record shop_register_customer() would read.
            $customer = $DB->get_record('local_shop_customer', ['id' => $customerid]);
        }
        $hasaccount = (int) order_builder::get($customer, 'hasaccount');
        if (isloggedin() && !isguestuser() && (int) $USER->id !== $hasaccount
                && has_capability('local/shop:salesadmin', \context_system::instance())) {
            // A sales admin runs the order (local_shop's placed -> pending transition calls prepay in
            // their session): shop_register_customer() would bind the customer record to the admin's
            // account, and every session of the bill would be set up for the admin, not the buyer.
            $a = (object) ['txid' => s((string) order_builder::get($data, 'transactionid')), 'userid' => $hasaccount];
            $fb = new \stdClass();
            $fb->public = '';
            $fb->private = '';
            $fb->salesadmin = get_string($hasaccount > 0 ? 'prepaykeptaccount' : 'prepaynoaccount', session_runner::COMPONENT, $a);
            return $fb;
        }
        return shop_register_customer($data, $errorstatus);
    }

    /**
     * The shop's default support course, when the product names none (local_shop's prepay does the
     * same): from the item's shop id (set by local_shop's prepay), else from its bill's shop.
     *
     * @param \local_shop\BillItem $data
     */
    protected static function default_support($data): void {
        if (isset($data->actionparams['customersupport'])) {
            return;
        }
        // Shop and Bill are ShopObjects: plain reads, their __get() has no __isset() twin.
        $shopid = order_builder::get($data, 'shopid');
        if ($shopid) {
            $theshop = new Shop($shopid);
        } else {
            $bill = order_builder::get($data, 'bill');
            $theshop = order_builder::get($bill, 'theshop');
            if (!is_object($theshop)) {
                $shopid = order_builder::get($bill, 'shopid');
                $theshop = $shopid ? new Shop($shopid) : null;
            }
        }
        if (is_object($theshop)) {
            $data->actionparams['customersupport'] = (int) order_builder::get($theshop, 'defaultcustomersupportcourse');
        }
    }

    /**
     * Once paid: plans and applies the session (or queues it for large orders).
     *
     * Never reports success for an order it did not set up: a refused plan writes nothing and
     * tells the customer what to fix and the sales admin what happened, participant by participant.
     *
     * @param \local_shop\BillItem $data
     * @return \stdClass public, private and salesadmin feedbacks
     */
    public function produce_postpay(&$data) {
        // A sales admin's pending -> sold out transition runs postpay alone, on a bill loaded afresh:
        // the default prepay put in memory is not there.
        self::default_support($data);
        $order = order_builder::from_billitem($data);
        $bill = order_builder::get($data, 'bill');
        $billid = (int) (order_builder::get($bill, 'id') ?: order_builder::get($data, 'billid'));
        $runner = new session_runner();
        return $runner->run($order, false, $billid)->feedback;
    }

    /**
     * Product test page: reports every problem of the product's handler parameters.
     *
     * @param object $data the catalog item, with actionparams
     * @param array $errors
     * @param array $warnings
     * @param array $messages
     */
    public function unit_test($data, &$errors, &$warnings, &$messages) {
        global $DB;

        $component = session_runner::COMPONENT;
        $code = $data->code;
        $messages[$code][] = get_string('usinghandler', 'local_shop', $this->name);

        if (!function_exists('shop_setup_check_params') || !session_runner::extension_available()) {
            $errors[$code][] = get_string('errornoextension', $component, session_runner::INI_LINE);
            return;
        }

        parent::unit_test($data, $errors, $warnings, $messages);

        $raw = order_builder::params_string(order_builder::get($data, 'actionparams'));
        $reported = [];
        foreach (shop_setup_check_params($raw) as $issue) {
            $reported[(string) ($issue['key'] ?? '')] = true;
            $a = new stdClass();
            $a->key = s((string) ($issue['key'] ?? ''));
            $a->code = s((string) ($issue['code'] ?? ''));
            $a->message = s((string) ($issue['message'] ?? ''));
            $line = get_string($a->key === '' ? 'utissue' : 'utissuekey', $component, $a);
            if (($issue['level'] ?? 'error') === 'warning') {
                $warnings[$code][] = $line;
            } else {
                $errors[$code][] = $line;
            }
        }

        try {
            $params = shop_setup_parse_params($raw);
        } catch (\Throwable $e) {
            return; // Already reported by shop_setup_check_params().
        }

        if (!isset($params['coursename']) || $params['coursename'] === '') {
            if (!isset($reported['coursename'])) {
                $errors[$code][] = get_string('errornotarget', $component);
            }
        } else if (!$course = $DB->get_record('course', ['shortname' => $params['coursename']], 'id, shortname')) {
            $errors[$code][] = get_string('errorcoursenotexists', $component, s($params['coursename']));
        } else {
            $select = ['enrol' => 'manual', 'courseid' => $course->id, 'status' => ENROL_INSTANCE_ENABLED];
            if (!$DB->record_exists('enrol', $select)) {
                $errors[$code][] = get_string('errorcoursenotenrollable', $component, s($params['coursename']));
            }
        }
        if (!enrol_is_enabled('manual')) {
            $errors[$code][] = get_string('errormanualdisabled', $component);
        }

        $support = $params['customersupport'] ?? '';
        if ($support !== '' && $support !== '0') {
            $field = preg_match('/^[0-9]+$/', $support) ? 'id' : 'shortname';
            $supportcourse = $DB->get_record('course', [$field => $support], 'id, shortname');
            $select = ['enrol' => 'manual', 'courseid' => $supportcourse->id ?? 0, 'status' => ENROL_INSTANCE_ENABLED];
            if ($supportcourse && !$DB->record_exists('enrol', $select)) {
                $errors[$code][] = get_string('errorcoursenotenrollable', $component, s($support));
            }
        }

        if (!isset($params['supervisor'])) {
            $warnings[$code][] = get_string('warningsupervisordefaultstoteacher', $component);
        }
        $roles = self::roles_of($params);
        foreach ($roles as $shortname) {
            if (!$DB->record_exists('role', ['shortname' => $shortname])) {
                $errors[$code][] = get_string('errorrolenotexists', $component, s($shortname));
            }
        }
        // The buyer's second role in the support course (local_shop's customer role by default). Named
        // on purpose it must exist; left at its default, a site without it gets supportrole only.
        if ($support !== '' && $support !== '0') {
            $customerrole = isset($params['customerrole']) ? trim((string) $params['customerrole']) : 'customer';
            if ($customerrole !== '' && !in_array($customerrole, $roles, true)
                    && !$DB->record_exists('role', ['shortname' => $customerrole])) {
                if (isset($params['customerrole'])) {
                    $errors[$code][] = get_string('errorrolenotexists', $component, s($customerrole));
                } else {
                    $warnings[$code][] = get_string('warningcustomerrolemissing', $component);
                }
            }
        }

        // The delegation roles are assigned in user contexts. role_assign() does not check a role's
        // context levels, but Moodle's pages only list and manage, in a user context, the roles
        // allowed there (block_user_delegation's courseowner is): say so rather than let an admin
        // find assignments nobody can see.
        $named = self::named_roles($params);
        foreach (['operatorrole', 'participantrole'] as $key) {
            $shortname = $named[$key];
            $role = $DB->get_record('role', ['shortname' => $shortname], 'id');
            if ($role && !in_array(CONTEXT_USER, array_map('intval', get_role_contextlevels($role->id)), true)) {
                $warnings[$code][] = get_string('warningrolenotuserlevel', $component,
                    (object) ['key' => $key, 'role' => s($shortname)]);
            }
        }
    }

    /**
     * The role each role parameter names, with the planner's defaults (local_shop's): supervisor
     * teacher, operatorrole the supervisor role, participantrole and supportrole student.
     *
     * @param array $params decoded handler parameters
     * @return string[] parameter => role shortname
     */
    protected static function named_roles(array $params): array {
        $given = fn(string $key, string $default): string => ($params[$key] ?? '') !== '' ? (string) $params[$key] : $default;
        $supervisor = $given('supervisor', 'teacher');
        return [
            'supervisor' => $supervisor,
            'operatorrole' => $given('operatorrole', $supervisor),
            'participantrole' => $given('participantrole', 'student'),
            'supportrole' => $given('supportrole', 'student'),
        ];
    }

    /**
     * Role shortnames the parameters name (with the planner's defaults).
     *
     * @param array $params decoded handler parameters
     * @return string[]
     */
    public static function roles_of(array $params): array {
        $roles = array_values(self::named_roles($params));
        $roles[] = 'student';
        foreach (explode(',', (string) ($params['requiredroles'] ?? '')) as $role) {
            $role = trim($role);
            if ($role !== '' && $role !== 'supervisor' && $role !== '_supervisor') {
                $roles[] = $role;
            }
        }
        $roles = array_values(array_unique($roles));
        sort($roles, SORT_STRING);
        return $roles;
    }

    /**
     * Product deleted: unenrols that seat's user (the account is kept).
     *
     * @param Product $product
     */
    public function delete(Product $product) {
        seat_manager::unenrol($product);
    }

    /**
     * Product disabled: suspends that seat's enrolment.
     *
     * @param Product $product
     */
    public function soft_delete(Product $product) {
        seat_manager::set_status($product, ENROL_USER_SUSPENDED);
    }

    /**
     * Product restored: reactivates that seat's enrolment.
     *
     * @param Product $product
     */
    public function soft_restore(Product $product) {
        seat_manager::set_status($product, ENROL_USER_ACTIVE);
    }

    /**
     * Product details in local_shop's product pages.
     *
     * @param int $pid the product id
     * @param object $pinfo the product's production data
     * @return string HTML
     */
    public function display_product_infos($pid, $pinfo) {
        global $DB;

        $component = session_runner::COMPONENT;
        $row = function (string $key, string $value): string {
            return '<div><div class="cs-product-key">' . $key . '</div><div class="cs-product-value">' . $value . '</div></div>';
        };
        // local_shop's Product::extract_production_data() splits the pairs without decoding them, and
        // compile_production_data() encoded the values: "Cours d'été" arrives as "Cours+d%27%C3%A9t%C3%A9".
        $str = $row(get_string('coursename', $component), s(urldecode((string) ($pinfo->coursename ?? ''))));
        if (!empty($pinfo->userid) && ($u = $DB->get_record('user', ['id' => $pinfo->userid]))) {
            $url = new moodle_url('/user/view.php', ['id' => $u->id]);
            $str .= $row(get_string('beneficiary', $component), html_writer::link($url, fullname($u)));
        }
        if (isset($pinfo->role)) {
            $role = urldecode((string) $pinfo->role);
            $label = $role === '_supervisor' ? get_string('rolesupervisor', $component) : s($role);
            $str .= $row(get_string('seatrole', $component), $label);
        }
        return $str;
    }

    /**
     * The course's overview image as the product thumbnail, when small enough.
     *
     * @param object $catalogitem
     * @return string|null
     */
    public function get_alternative_thumbnail_url($catalogitem) {
        global $DB, $CFG;

        $params = order_builder::get($catalogitem, 'handlerparams');
        if (!is_array($params)) {
            return null;
        }
        if (empty($params['coursename'])) {
            return null;
        }
        $course = $DB->get_record('course', ['shortname' => urldecode($params['coursename'])]);
        if (!$course) {
            return null;
        }
        $courseinlist = new core_course_list_element($course);
        foreach ($courseinlist->get_course_overviewfiles() as $file) {
            if ($file->is_valid_image()) {
                $info = $file->get_imageinfo();
                if ($info && $info['width'] < 800) {
                    return moodle_url::make_pluginfile_url($file->get_contextid(), $file->get_component(),
                        $file->get_filearea(), null, $file->get_filepath(), $file->get_filename())->out();
                }
            }
        }
        return null;
    }
}
