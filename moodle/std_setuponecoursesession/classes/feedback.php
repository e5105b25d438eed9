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
 * Production feedback of the handler: what the customer and the sales admin read.
 *
 * @package    shophandlers_std_setuponecoursesession
 * @copyright  2026 shop_setup contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

namespace shophandlers_std_setuponecoursesession;

/**
 * Renders the three HTML feedbacks local_shop expects (public, private, salesadmin).
 *
 * Uses only get_string() and s(): every value that comes from the order or the plan is escaped.
 */
class feedback {

    /** Frankenstyle component of the handler's strings. */
    const COMPONENT = 'shophandlers_std_setuponecoursesession';

    /**
     * The session is set up (operations applied).
     *
     * @param array $order
     * @param array $plan
     * @param array $result plan_applier::apply()'s answer
     * @return \stdClass
     */
    public static function success(array $order, array $plan, array $result): \stdClass {
        $a = self::summary($order, $plan);
        $a->operations = array_sum($result['counts'] ?? []);
        $fb = self::make('success', $a);
        $lines = self::participant_lines($plan);
        $fb->private .= $lines;
        $fb->salesadmin .= $lines . self::issue_list('warnings', $plan['warnings'] ?? [], true);
        return $fb;
    }

    /**
     * Nothing left to do: an earlier production already did everything (a re-run).
     *
     * @param array $order
     * @param array $plan
     * @return \stdClass
     */
    public static function nothing_to_do(array $order, array $plan): \stdClass {
        $fb = self::make('nothingtodo', self::summary($order, $plan));
        $fb->salesadmin .= self::issue_list('warnings', $plan['warnings'] ?? [], true);
        return $fb;
    }

    /**
     * Production refused or failed: nothing was written.
     *
     * @param array $order
     * @param array $issues errors (and warnings) to show
     * @param array|null $plan the plan or the lookup answer, when there is one
     * @param string $exception message of an exception caught while applying, for the sales admin only
     * @return \stdClass
     */
    public static function failure(array $order, array $issues, ?array $plan = null, string $exception = ''): \stdClass {
        $a = self::summary($order, $plan ?? []);
        $errors = [];
        $warnings = [];
        foreach ($issues as $issue) {
            if (($issue['level'] ?? 'error') === 'warning') {
                $warnings[] = $issue;
            } else {
                $errors[] = $issue;
            }
        }
        $a->errors = count($errors);
        $fb = self::make('failure', $a);
        $customer = self::issue_list('errors', $errors, false);
        $fb->public .= $customer;
        $fb->private .= $customer;
        $fb->salesadmin .= self::issue_list('errors', $errors, true) . self::issue_list('warnings', $warnings, true);
        if ($exception !== '') {
            $fb->salesadmin .= '<p>' . get_string('fb_exception', self::COMPONENT, s($exception)) . '</p>';
        }
        return $fb;
    }

    /**
     * The order is valid and was queued for the adhoc task.
     *
     * @param array $order
     * @param array $plan
     * @return \stdClass
     */
    public static function queued(array $order, array $plan): \stdClass {
        $fb = self::make('queued', self::summary($order, $plan));
        $fb->salesadmin .= self::issue_list('warnings', $plan['warnings'] ?? [], true);
        return $fb;
    }

    /**
     * Another order's production held the accounts lock: this one waits for the adhoc task.
     *
     * @param array $order
     * @return \stdClass
     */
    public static function deferred(array $order): \stdClass {
        return self::make('deferred', self::summary($order, []));
    }

    /**
     * Another request holds this order's lock.
     *
     * @param array $order
     * @return \stdClass
     */
    public static function busy(array $order): \stdClass {
        return self::make('busy', self::summary($order, []));
    }

    /**
     * The three feedbacks from the fb_<kind>_public|private|sales strings.
     *
     * @param string $kind
     * @param \stdClass $a
     * @return \stdClass
     */
    protected static function make(string $kind, \stdClass $a): \stdClass {
        $fb = new \stdClass();
        $fb->public = get_string('fb_' . $kind . '_public', self::COMPONENT, $a);
        $fb->private = get_string('fb_' . $kind . '_private', self::COMPONENT, $a);
        $fb->salesadmin = get_string('fb_' . $kind . '_sales', self::COMPONENT, $a);
        return $fb;
    }

    /**
     * Escaped values the strings use.
     *
     * @param array $order
     * @param array $plan
     * @return \stdClass
     */
    protected static function summary(array $order, array $plan): \stdClass {
        $summary = $plan['summary'] ?? [];
        $a = new \stdClass();
        $a->txid = s((string) ($order['transactionid'] ?? ''));
        $coursename = $plan['params']['coursename'] ?? null;
        if ($coursename === null && is_string($order['handlerparams'] ?? null)
                && preg_match('/(?:^|&)\s*coursename=([^&]*)/', $order['handlerparams'], $m)) {
            $coursename = urldecode(trim($m[1]));
        }
        $a->coursename = s((string) $coursename);
        $a->groupname = s((string) ($plan['group']['name'] ?? ''));
        $a->participants = order_builder::count_participants($order);
        $a->seats = (int) ($summary['seats'] ?? ($order['quantity'] ?? 0));
        $a->created = (int) ($summary['created'] ?? 0);
        $a->reused = (int) ($summary['reused'] ?? 0);
        $a->enrolments = (int) ($summary['enrolments'] ?? 0);
        $a->unassigned = (int) ($summary['unassigned'] ?? 0);
        $a->operations = (int) ($summary['operations'] ?? 0);
        $a->errors = count($plan['errors'] ?? []);
        return $a;
    }

    /**
     * One line per participant of the plan: account created or reused.
     *
     * @param array $plan
     * @return string
     */
    protected static function participant_lines(array $plan): string {
        $items = '';
        foreach ($plan['participants'] ?? [] as $p) {
            $a = new \stdClass();
            $a->name = s(trim(($p['firstname'] ?? '') . ' ' . ($p['lastname'] ?? '')));
            $a->email = s((string) ($p['email'] ?? ''));
            $a->role = s(self::role_label((string) ($p['role'] ?? '')));
            $a->username = s((string) ($p['username'] ?? ''));
            $key = ($p['action'] ?? '') === 'create' ? 'fb_participant_created' : 'fb_participant_existing';
            $items .= '<li>' . get_string($key, self::COMPONENT, $a) . '</li>';
        }
        if ($items === '') {
            return '';
        }
        return '<p>' . get_string('fb_participants', self::COMPONENT) . '</p><ul>' . $items . '</ul>';
    }

    /**
     * A list of issues; the sales admin version adds codes and participant references.
     *
     * @param string $heading 'errors' or 'warnings'
     * @param array $issues
     * @param bool $forsales
     * @return string
     */
    protected static function issue_list(string $heading, array $issues, bool $forsales): string {
        if (!$issues) {
            return '';
        }
        $items = '';
        foreach ($issues as $issue) {
            $a = new \stdClass();
            $who = [];
            if (isset($issue['email']) && $issue['email'] !== '') {
                $who[] = (string) $issue['email'];
            }
            if (isset($issue['role']) && $issue['role'] !== '') {
                $who[] = self::role_label((string) $issue['role']);
            }
            if ($forsales && isset($issue['ref']) && $issue['ref'] !== '') {
                $who[] = (string) $issue['ref'];
            }
            $a->who = s($who ? implode(', ', $who) : get_string('fb_wholeorder', self::COMPONENT));
            $a->message = s((string) ($issue['message'] ?? ''));
            $a->code = s((string) ($issue['code'] ?? ''));
            $a->field = s((string) ($issue['field'] ?? ($issue['key'] ?? '')));
            $key = $forsales ? 'fb_issue_sales' : 'fb_issue_customer';
            $items .= '<li>' . get_string($key, self::COMPONENT, $a) . '</li>';
        }
        return '<p>' . get_string('fb_heading_' . $heading, self::COMPONENT) . '</p><ul>' . $items . '</ul>';
    }

    /**
     * Human name of an order role.
     *
     * @param string $role
     * @return string
     */
    protected static function role_label(string $role): string {
        switch ($role) {
            case 'student':
                return get_string('rolelearner', self::COMPONENT);
            case '_supervisor':
                return get_string('rolesupervisor', self::COMPONENT);
            case 'teacher':
                return get_string('roletutor', self::COMPONENT);
            default:
                return $role;
        }
    }
}
