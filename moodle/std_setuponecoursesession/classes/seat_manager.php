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

    /** What productiondata of this handler's seats starts with (plan_applier::compile_production_data()). */
    const PRODUCTIONDATA_PREFIX = 'handler=std_setuponecoursesession&';

    /**
     * Unenrols the seat's user through its enrol plugin (a refund).
     *
     * local_shop deletes the seat's row next. When another seat on the enrolment is only
     * disabled (soft-deleted, so restorable), the enrolment is suspended instead, for that seat's
     * restore to reactivate. The seat that stays inherits the right to act on the enrolment, or
     * its own refund would leave it for good.
     *
     * @param object $product a \local_shop\Product
     * @return bool whether the enrolment was unenrolled or suspended
     */
    public static function unenrol($product): bool {
        $seat = self::seat($product, $heir, $disabled);
        if ($heir !== null) {
            self::hand_over($heir);
        }
        if ($seat === null) {
            return false;
        }
        [$plugin, $instance, $userid] = $seat;
        if ($disabled) {
            $plugin->update_user_enrol($instance, $userid, ENROL_USER_SUSPENDED);
        } else {
            $plugin->unenrol_user($instance, $userid);
        }
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
     * It may act on a manual enrolment a seat of this handler made (ownsenrolment), once no other
     * live product of any handler holds it. Only this handler's seats tell who made it, and only
     * they inherit that right.
     *
     * @param object $product
     * @param \stdClass|null $heir set to the row of another seat of this handler on the enrolment
     *        (live first, else disabled) that should inherit ownsenrolment when this one goes
     * @param bool $disabled set when another product on the enrolment is disabled (soft-deleted)
     * @return array|null
     */
    protected static function seat($product, &$heir = null, &$disabled = false): ?array {
        global $DB;

        $heir = null;
        $disabled = false;
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
            'id', 'id, deleted, extradata, productiondata');
        // Seats written before 1.1.0 have no ownsenrolment: they recorded an enrolment only when they owned it.
        $self = self::owns((string) order_builder::get($product, 'extradata'), true);
        $owned = $self;
        $live = false;
        $ourlive = $ourdisabled = null;
        foreach ($holders as $holder) {
            if ((int) $holder->id === $productid) {
                continue;
            }
            $ours = strpos((string) $holder->productiondata, self::PRODUCTIONDATA_PREFIX) === 0;
            if ((int) $holder->deleted === 0) {
                $live = true;
                if ($ours && $ourlive === null) {
                    $ourlive = $holder;
                }
                continue;
            }
            $disabled = true;
            if ($ours) {
                $owned = $owned || self::owns((string) $holder->extradata, false);
                if ($ourdisabled === null) {
                    $ourdisabled = $holder;
                }
            }
        }
        $next = $ourlive ?? $ourdisabled;
        if ($self && $next !== null && !self::owns((string) $next->extradata, false)) {
            $heir = $next;
        }
        if ($live) {
            return null;   // another live product still pays for this access
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

        $data = self::extradata((string) $seat->extradata) ?? new \stdClass();
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
        $data = self::extradata($extradata);
        if ($data === null || !isset($data->ownsenrolment)) {
            return $legacy;
        }
        return (int) $data->ownsenrolment === 1;
    }

    /**
     * A seat's extradata as local_shop's Product reads it (a JSON object), or null when it holds none.
     *
     * @param string $extradata local_shop_product.extradata
     * @return \stdClass|null
     */
    protected static function extradata(string $extradata): ?\stdClass {
        $data = $extradata === '' ? null : json_decode($extradata);
        return $data instanceof \stdClass ? $data : null;
    }
}
