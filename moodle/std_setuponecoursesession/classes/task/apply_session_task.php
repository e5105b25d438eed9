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
 * Adhoc task applying a large session order outside the payment return request.
 *
 * @package    shophandlers_std_setuponecoursesession
 * @copyright  2026 shop_setup contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

namespace shophandlers_std_setuponecoursesession\task;

use shophandlers_std_setuponecoursesession\session_runner;

/**
 * Replans and applies an order queued by produce_postpay().
 *
 * Safe to retry: the plan is idempotent, so a run after a partial failure (rolled back anyway)
 * or after a success only does what is still missing. A lock held by another run, or an
 * exception while applying, makes the task fail so Moodle retries it later.
 */
class apply_session_task extends \core\task\adhoc_task {

    /**
     * Name shown in the task logs.
     *
     * @return string
     */
    public function get_name() {
        return get_string('taskapplysession', 'shophandlers_std_setuponecoursesession');
    }

    /**
     * Runs the order.
     */
    public function execute() {
        $data = json_decode((string) $this->get_custom_data_as_string(), true);
        if (!is_array($data) || !isset($data['order']) || !is_array($data['order'])) {
            mtrace('shop_setup: adhoc task without an order; nothing to do.');
            return;
        }
        $result = $this->runner()->run($data['order'], true, (int) ($data['billid'] ?? 0));

        mtrace('shop_setup: order ' . ($data['order']['transactionid'] ?? '') . ': ' . $result->status);
        $this->append_to_bill((int) ($data['billid'] ?? 0), $result);

        if ($result->status === 'busy') {
            throw new \moodle_exception('errorbusy', 'shophandlers_std_setuponecoursesession');
        }
        if ($result->exception !== null) {
            throw $result->exception;
        }
    }

    /**
     * The runner (overridable in tests, which have no shop_setup_session()).
     *
     * @return session_runner
     */
    protected function runner(): session_runner {
        return new session_runner();
    }

    /**
     * Appends the production feedback to the bill, as local_shop does for interactive production.
     *
     * @param int $billid
     * @param \stdClass $result
     */
    protected function append_to_bill(int $billid, \stdClass $result): void {
        global $CFG;

        if ($billid <= 0 || $result->status === 'busy') {
            return;
        }
        $production = $CFG->dirroot . '/local/shop/datahandling/production.php';
        if (!file_exists($production)) {
            return;
        }
        require_once($CFG->dirroot . '/local/shop/classes/Bill.class.php');
        require_once($production);
        try {
            $bill = new \local_shop\Bill($billid, true);
            shop_aggregate_production($bill, $result->feedback);
        } catch (\Throwable $e) {
            mtrace('shop_setup: could not append the feedback to bill ' . $billid . ': ' . $e->getMessage());
        }
    }
}
