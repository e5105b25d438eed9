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
 * and delegation roles are never removed. A seat acts only on a manual enrolment (the kind this
 * handler writes) that no other live seat holds: a person enrolled before the order, or by another
 * order's seat, keeps that access when this seat is refunded or disabled.
 */
class seat_manager {

    /**
     * Unenrols the seat's user through its enrol plugin.
     *
     * @param object $product a \local_shop\Product
     * @return bool whether an enrolment was found
     */
    public static function unenrol($product): bool {
        $seat = self::seat($product);
        if ($seat === null) {
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
     * The enrol plugin, instance and user of a seat, or null when the enrolment is gone.
     *
     * @param object $product
     * @return array|null
     */
    protected static function seat($product): ?array {
        global $DB;

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
        $holders = $DB->get_records('local_shop_product', ['contexttype' => 'userenrol', 'instanceid' => $ueid,
            'deleted' => 0], '', 'id');
        foreach ($holders as $holder) {
            if ((int) $holder->id !== $productid) {
                return null;
            }
        }
        $plugin = enrol_get_plugin($instance->enrol);
        if (!$plugin) {
            return null;
        }
        return [$plugin, $instance, (int) $ue->userid];
    }
}
