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
 * Acts on the enrolment of one sold seat (product deletion, suspension, restore).
 *
 * @package    shophandlers_std_setuponecoursesession
 * @copyright  2026 shop_setup contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

namespace shophandlers_std_setuponecoursesession;

/**
 * A product of this handler is one user enrolment (contexttype 'userenrol', instanceid the
 * user_enrolments id). These actions touch that enrolment only: accounts, groups of other orders
 * and delegation roles are never removed. A seat acts on a manual enrolment (the kind this handler
 * writes) only when a seat of this handler made it (extradata ownsenrolment) and no other live seat
 * holds it: a person enrolled before the order keeps that access, and so does a person whose
 * access another live order paid for.
 */
class seat_manager {

    /**
     * Unenrols the seat's user through its enrol plugin.
     *
     * @param object $product a \local_shop\Product
     * @return bool whether an enrolment was found
     */
    public static function unenrol($product): bool {
        $seat = self::seat($product, $heir);
        if ($seat === null) {
            if ($heir !== null) {
                // local_shop deletes this seat's row next: the live seat that keeps the access
                // inherits the right to remove it, or its own refund would leave it for good.
                self::hand_over($heir);
            }
            return false;
        }
        [$plugin, $instance, $userid] = $seat;
        $plugin->unenrol_user($instance, $userid);
        return true;
    }

    /**
     * Suspends (ENROL_USER_SUSPENDED) or reactivates (ENROL_USER_ACTIVE) the seat's enrolment.
     *
     * @param object $product a \local_shop\Product
     * @param int $status
     * @return bool whether an enrolment was found
     */
    public static function set_status($product, int $status): bool {
        $seat = self::seat($product);
        if ($seat === null) {
            return false;
        }
        [$plugin, $instance, $userid] = $seat;
        $plugin->update_user_enrol($instance, $userid, $status);
        return true;
    }

    /**
     * The enrol plugin, instance and user of a seat, or null when it may not act on the enrolment.
     *
     * @param object $product
     * @param \stdClass|null $heir set, when the seat made its enrolment but another live seat holds
     *        it too, to that seat's row (id, extradata)
     * @return array|null
     */
    protected static function seat($product, &$heir = null): ?array {
        global $DB;

        $heir = null;
        if ((string) order_builder::get($product, 'contexttype') !== 'userenrol') {
            return null;
        }
        $ueid = (int) order_builder::get($product, 'instanceid');
        if ($ueid <= 0) {
            return null;
        }
        $ue = $DB->get_record('user_enrolments', ['id' => $ueid]);
        if (!$ue) {
            return null;
        }
        $instance = $DB->get_record('enrol', ['id' => $ue->enrolid]);
        if (!$instance || $instance->enrol !== 'manual') {
            return null;
        }
        $productid = (int) order_builder::get($product, 'id');
        $holders = $DB->get_records('local_shop_product', ['contexttype' => 'userenrol', 'instanceid' => $ueid],
            '', 'id, deleted, extradata');
        // Seats written before 1.1.0 have no ownsenrolment: they recorded an enrolment only when they owned it.
        $owned = self::owns((string) order_builder::get($product, 'extradata'), true);
        $live = null;
        foreach ($holders as $holder) {
            if ((int) $holder->id === $productid) {
                continue;
            }
            if ((int) $holder->deleted === 0) {
                if ($live === null || (int) $holder->id < (int) $live->id) {
                    $live = $holder;
                }
                continue;
            }
            $owned = $owned || self::owns((string) $holder->extradata, false);
        }
        if ($live !== null) {
            // Another live seat still pays for this access.
            if ($owned && !self::owns((string) $live->extradata, false)) {
                $heir = $live;
            }
            return null;
        }
        if (!$owned) {
            return null;   // the person had this enrolment before any seat of this handler
        }
        $plugin = enrol_get_plugin($instance->enrol);
        if (!$plugin) {
            return null;
        }
        return [$plugin, $instance, (int) $ue->userid];
    }

    /**
     * Marks a seat as owning its enrolment (keeps what else its extradata holds).
     *
     * @param \stdClass $seat id, extradata
     */
    protected static function hand_over(\stdClass $seat): void {
        global $DB;

        $data = (string) $seat->extradata === '' ? null : json_decode((string) $seat->extradata);
        if (!is_object($data)) {
            $data = new \stdClass();
        }
        $data->ownsenrolment = 1;
        $DB->set_field('local_shop_product', 'extradata', json_encode($data), ['id' => (int) $seat->id]);
    }

    /**
     * Whether a seat's extradata says it made its enrolment.
     *
     * @param string $extradata local_shop_product.extradata (JSON)
     * @param bool $legacy the answer for a seat without ownsenrolment (written before 1.1.0)
     * @return bool
     */
    protected static function owns(string $extradata, bool $legacy): bool {
        $data = $extradata === '' ? null : json_decode($extradata);
        if (!is_object($data) || !isset($data->ownsenrolment)) {
            return $legacy;
        }
        return (int) $data->ownsenrolment === 1;
    }
}
