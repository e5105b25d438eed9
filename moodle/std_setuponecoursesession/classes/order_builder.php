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
 * Builds the order shop_setup_session() plans from a local_shop bill item.
 *
 * @package    shophandlers_std_setuponecoursesession
 * @copyright  2026 shop_setup contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

namespace shophandlers_std_setuponecoursesession;

/**
 * Reads a \local_shop\BillItem exactly as local_shop stores it and returns a plain array order.
 *
 * Pure code: no database, no Moodle API. The result only holds scalars and arrays, so it
 * survives a JSON round trip (the adhoc task stores it as its custom data).
 */
class order_builder {

    /** local_shop's SHOP_QUANT_NO_SEATS. */
    const QUANT_NO_SEATS = 0;
    /** local_shop's SHOP_QUANT_ONE_SEAT. */
    const QUANT_ONE_SEAT = 1;
    /** local_shop's SHOP_QUANT_AS_SEATS. */
    const QUANT_AS_SEATS = 2;

    /** Participant fields copied into the order; others (moodleid, ...) are ignored on purpose. */
    const PARTICIPANT_FIELDS = ['lastname', 'firstname', 'email', 'city', 'institution', 'phone2'];

    /**
     * Builds the order.
     *
     * @param object $billitem a \local_shop\BillItem as produce_postpay() receives it (or a look-alike)
     * @param int|null $now production time, default time()
     * @return array the order of docs/session-contract.md
     */
    public static function from_billitem($billitem, ?int $now = null): array {
        $bill = self::get($billitem, 'bill');
        $catalogitem = self::get($billitem, 'catalogitem');
        $customer = self::customer($billitem);

        $transactionid = self::get($billitem, 'transactionid');
        if ($transactionid === null || $transactionid === '') {
            $transactionid = self::get($bill, 'transactionid');
        }

        $productiondata = self::get($billitem, 'productiondata');
        $users = self::get($productiondata, 'users');

        $customerid = self::get($bill, 'customerid');
        if (empty($customerid)) {
            $customerid = self::get($customer, 'id');
        }

        $order = [
            'transactionid' => (string) $transactionid,
            'handlerparams' => self::params_string(self::get($billitem, 'actionparams')),
            'quantity' => self::seats($billitem, $catalogitem),
            'operator' => (int) self::get($customer, 'hasaccount'),
            'users' => self::users($users),
            'now' => $now ?? time(),
            'renewable' => ((int) self::get($catalogitem, 'renewable')) === 1,
            'catalogitemid' => (int) self::get($catalogitem, 'id'),
            'billitemid' => (int) self::get($billitem, 'id'),
            'customerid' => (int) $customerid,
        ];
        // The items of one bill share its transaction id, and local_shop picks the participants
        // per product: one person may hold a seat in two sessions of one bill. The bill item id
        // in the product references keeps their seats apart.
        $order['referencescope'] = $order['billitemid'] > 0 ? (string) $order['billitemid'] : '';
        return $order;
    }

    /**
     * The bill item's customer record: its own (local_shop's production sets it), else its bill's.
     *
     * @param object $billitem
     * @return object|array|null
     */
    public static function customer($billitem) {
        $customer = self::get($billitem, 'customer');
        if (!is_object($customer) && !is_array($customer)) {
            $customer = self::get(self::get($billitem, 'bill'), 'customer');
        }
        return is_object($customer) || is_array($customer) ? $customer : null;
    }

    /**
     * Turns local_shop's actionparams back into the raw parameter string.
     *
     * local_shop splits the catalog item's string on '&' and '=' without URL decoding, so joining
     * the pairs again restores the string the product editor typed; the extension then decodes it
     * once, with its own error reporting (key and byte offset). An empty customersupport (0, '')
     * means "none" in local_shop and is left out.
     *
     * @param mixed $actionparams array of raw values, a raw string, or null
     * @return string
     */
    public static function params_string($actionparams): string {
        if (is_string($actionparams)) {
            return $actionparams;
        }
        if (is_object($actionparams)) {
            $actionparams = (array) $actionparams;
        }
        if (!is_array($actionparams)) {
            return '';
        }
        // local_shop's "no support course": prepay and the product test page fill customersupport with the
        // shop's default, 0 when there is none, and local_shop skips it when empty(). Keep that meaning.
        if (array_key_exists('customersupport', $actionparams) && empty($actionparams['customersupport'])) {
            unset($actionparams['customersupport']);
        }
        $pairs = [];
        foreach ($actionparams as $key => $value) {
            if (is_bool($value)) {
                $value = $value ? '1' : '0';
            } else if ($value === null) {
                $value = '';
            } else if (!is_scalar($value)) {
                continue;
            }
            $pairs[] = $key . '=' . $value;
        }
        return implode('&', $pairs);
    }

    /**
     * Seats bought, with local_shop's quantaddressesusers meaning.
     *
     * @param object $billitem
     * @param mixed $catalogitem
     * @return int
     */
    public static function seats($billitem, $catalogitem): int {
        $quantity = (int) self::get($billitem, 'quantity');
        $mode = self::get($catalogitem, 'quantaddressesusers');
        if ($mode === null || $mode === '') {
            return max(0, $quantity);
        }
        switch ((int) $mode) {
            case self::QUANT_ONE_SEAT:
                return 1;
            case self::QUANT_NO_SEATS:
                return 0;
            default:
                return max(0, $quantity);
        }
    }

    /**
     * Copies role => email => participant into plain arrays.
     *
     * Values are copied as they are (no cast): a wrong type reaches shop_setup_session(), which names it.
     * Role keys are read as local_shop meant them: its front splits requiredroles on ',' without
     * trimming (Catalog::check_required_roles()), so "student, teacher" files tutors under
     * " teacher", and maps only an exact "supervisor" to "_supervisor". The key is trimmed, and
     * "supervisor" is the supervisor seat. Two keys that become one are merged; an address typed
     * under both stays under its key as local_shop wrote it, so the planner reports it.
     *
     * @param mixed $users
     * @return array
     */
    public static function users($users): array {
        if (is_object($users)) {
            $users = (array) $users;
        }
        if (!is_array($users)) {
            return [];
        }
        $out = [];
        $from = [];   // normalised key => the key local_shop wrote that first filled it
        foreach ($users as $role => $participants) {
            if (is_object($participants)) {
                $participants = (array) $participants;
            }
            if (!is_array($participants)) {
                $out[(string) $role] = $participants;
                continue;
            }
            $list = [];
            foreach ($participants as $email => $p) {
                if (is_object($p)) {
                    $p = (array) $p;
                }
                if (!is_array($p)) {
                    $list[(string) $email] = $p;
                    continue;
                }
                $row = [];
                foreach (self::PARTICIPANT_FIELDS as $field) {
                    if (array_key_exists($field, $p) && $p[$field] !== null) {
                        $row[$field] = $p[$field];
                    }
                }
                $list[(string) $email] = $row;
            }
            $role = (string) $role;
            $key = self::role_key($role);
            if (!isset($out[$key])) {
                $out[$key] = $list;
                $from[$key] = $role;
                continue;
            }
            foreach ($list as $email => $row) {
                if (is_array($out[$key]) && !array_key_exists($email, $out[$key])) {
                    $out[$key][$email] = $row;
                } else if ($role !== $key) {
                    $out[$role][$email] = $row;
                } else {
                    // The entry already there came from another spelling of the key: it goes back there.
                    $out[$from[$key]][$email] = $out[$key][$email];
                    $out[$key][$email] = $row;
                }
            }
        }
        return $out;
    }

    /**
     * A role key of productiondata->users as local_shop meant it (see users()).
     *
     * @param string $role
     * @return string
     */
    public static function role_key(string $role): string {
        $key = trim($role);
        return $key === 'supervisor' ? '_supervisor' : $key;
    }

    /**
     * Counts the participants of an order (every role; the operator is not a participant).
     *
     * @param array $order
     * @return int
     */
    public static function count_participants(array $order): int {
        $n = 0;
        foreach ($order['users'] ?? [] as $participants) {
            if (is_array($participants)) {
                $n += count($participants);
            }
        }
        return $n;
    }

    /**
     * Reads a property of a local_shop object, a stdClass or an array.
     *
     * local_shop's ShopObject has __get() but no __isset(): isset(), empty() and ?? on its magic
     * fields (productiondata, quantity, id, ...) always answer "not set". Plain reads go through
     * __get(), so this helper reads plainly whenever the object has a __get().
     *
     * @param mixed $from
     * @param string $name
     * @return mixed null when absent
     */
    public static function get($from, string $name) {
        if (is_array($from)) {
            return $from[$name] ?? null;
        }
        if (!is_object($from)) {
            return null;
        }
        if (method_exists($from, '__get')) {
            return $from->$name;
        }
        return $from->$name ?? null;
    }
}
