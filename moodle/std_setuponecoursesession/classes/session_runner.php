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
 * One production run of a session order: lock, plan, apply.
 *
 * @package    shophandlers_std_setuponecoursesession
 * @copyright  2026 shop_setup contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

namespace shophandlers_std_setuponecoursesession;

/**
 * Runs shop_setup_session() twice with the bulk queries in between, then applies the plan.
 *
 * Used by produce_postpay() (in the web request) and by the adhoc task (large orders).
 */
class session_runner {

    /** Frankenstyle component (lock type, config, strings). */
    const COMPONENT = 'shophandlers_std_setuponecoursesession';

    /** Seconds to wait for another run of the same order to finish. */
    const LOCK_TIMEOUT = 120;

    /**
     * Lock held by every production, from reading the facts to the commit, whatever its order: two
     * orders naming the same new person would otherwise both find no account and both create one
     * (Moodle has no unique index on email), or both pick the same free username.
     */
    const ACCOUNTS_LOCK = 'accounts';

    /** Plans made again at most when the database holds names the plan gave new accounts. */
    const USERNAME_ROUNDS = 5;

    /** Seconds a web request waits for another order's production before handing its own to the adhoc task. */
    const WEB_ACCOUNTS_WAIT = 20;

    /** Orders with more participants than this are applied by the adhoc task (config 'asyncthreshold'). */
    const DEFAULT_ASYNC_THRESHOLD = 200;

    /** The php.ini line that loads the extension. */
    const INI_LINE = 'extension=shop_setup';

    /** @var callable shop_setup_session() or a stand-in */
    protected $planner;

    /**
     * Constructor.
     *
     * @param callable|null $planner defaults to the extension's shop_setup_session()
     */
    public function __construct(?callable $planner = null) {
        $this->planner = $planner;
    }

    /**
     * Participants above which an order goes to the adhoc task; 0 or less: never.
     *
     * @return int
     */
    public static function async_threshold(): int {
        $value = get_config(self::COMPONENT, 'asyncthreshold');
        if ($value === false || $value === null || $value === '' || !is_numeric($value)) {
            return self::DEFAULT_ASYNC_THRESHOLD;
        }
        return (int) $value;
    }

    /**
     * Whether the extension's planner is available.
     *
     * @return bool
     */
    public static function extension_available(): bool {
        return function_exists('shop_setup_session');
    }

    /**
     * Produces an order under the order's lock.
     *
     * @param array $order from order_builder
     * @param bool $intask true when called by the adhoc task (never queues again)
     * @param int $billid the bill, so the adhoc task can append its feedback to it
     * @return \stdClass status ('done', 'nothingtodo', 'failed', 'queued', 'busy'), feedback, exception
     */
    public function run(array $order, bool $intask = false, int $billid = 0): \stdClass {
        $result = new \stdClass();
        $result->exception = null;

        $planner = $this->planner;
        if ($planner === null) {
            if (!self::extension_available()) {
                $result->status = 'failed';
                $result->feedback = feedback::failure($order, [[
                    'level' => 'error',
                    'code' => 'extension_missing',
                    'message' => get_string('errornoextension', self::COMPONENT, self::INI_LINE),
                ]]);
                return $result;
            }
            $planner = 'shop_setup_session';
        }

        $txid = (string) ($order['transactionid'] ?? '');
        $factory = \core\lock\lock_config::get_lock_factory(self::COMPONENT);
        $lock = $factory->get_lock('tx_' . $txid, self::LOCK_TIMEOUT);
        if (!$lock) {
            self::trace($txid, 'another run of this order holds the lock; nothing done');
            $result->status = 'busy';
            $result->feedback = feedback::busy($order);
            return $result;
        }
        try {
            $accounts = $factory->get_lock(self::ACCOUNTS_LOCK, $intask ? self::LOCK_TIMEOUT : self::WEB_ACCOUNTS_WAIT);
            if (!$accounts) {
                $this->defer($order, $intask, $billid, $result);
                return $result;
            }
            try {
                $this->produce($planner, $order, $intask, $billid, $result);
            } finally {
                $accounts->release();
            }
        } catch (\Throwable $e) {
            // A database error while reading the facts, a task that cannot be queued...: never a success.
            self::trace($txid, 'production failed: ' . get_class($e));
            $result->status = 'failed';
            $result->exception = $e;
            $result->feedback = feedback::failure($order, [self::issue('apply_failed',
                get_string('errorapplyfailed', self::COMPONENT))], null, $e->getMessage());
        } finally {
            $lock->release();
        }
        return $result;
    }

    /**
     * Another order's production holds the accounts lock: a web request hands the order to the adhoc
     * task (which waits longer, and is retried); the task itself reports busy, so Moodle retries it.
     *
     * @param array $order
     * @param bool $intask
     * @param int $billid
     * @param \stdClass $result filled in
     */
    protected function defer(array $order, bool $intask, int $billid, \stdClass $result): void {
        $txid = (string) ($order['transactionid'] ?? '');
        if ($intask) {
            self::trace($txid, 'another order is being produced; the task will be retried');
            $result->status = 'busy';
        } else {
            self::queue($order, $billid);
            self::trace($txid, 'another order is being produced; queued for the adhoc task');
            $result->status = 'queued';
        }
        $result->feedback = feedback::deferred($order);
    }

    /**
     * Queues the order for the adhoc task, once.
     *
     * queue_adhoc_task($task, true) skips only a task with the very same custom data, and one
     * order's payment return and payment notification build it at two different times ('now'):
     * a task already queued for this order (transaction id and bill item) is enough, unless it has
     * failed (it waits for a retry with the order as it was then, or, from Moodle 4.4 on, has no
     * attempt left and never runs again).
     *
     * @param array $order
     * @param int $billid
     */
    protected static function queue(array $order, int $billid): void {
        $txid = trim((string) ($order['transactionid'] ?? ''));
        $billitemid = (int) ($order['billitemid'] ?? 0);
        foreach (\core\task\manager::get_adhoc_tasks(task\apply_session_task::class) as $queued) {
            if ($queued->get_fail_delay() > 0
                    || (method_exists($queued, 'get_attempts_available') && $queued->get_attempts_available() <= 0)) {
                continue;
            }
            $data = json_decode((string) $queued->get_custom_data_as_string(), true);
            $other = is_array($data) && is_array($data['order'] ?? null) ? $data['order'] : [];
            if (trim((string) ($other['transactionid'] ?? '')) === $txid && (int) ($other['billitemid'] ?? 0) === $billitemid) {
                self::trace($txid, 'already queued for the adhoc task');
                return;
            }
        }
        $task = new task\apply_session_task();
        $task->set_component(self::COMPONENT);
        $task->set_custom_data(['order' => $order, 'billid' => $billid]);
        \core\task\manager::queue_adhoc_task($task, true);
    }

    /**
     * Plans and applies (or queues) under the lock.
     *
     * @param callable $planner
     * @param array $order
     * @param bool $intask
     * @param int $billid
     * @param \stdClass $result filled in
     */
    protected function produce(callable $planner, array $order, bool $intask, int $billid, \stdClass $result): void {
        global $CFG, $DB;

        $txid = (string) ($order['transactionid'] ?? '');
        $result->status = 'failed';

        try {
            $lookup = $planner($order);
        } catch (\Throwable $e) {
            // TypeError / ValueError naming the faulty field of the order.
            self::trace($txid, 'order refused by shop_setup_session(): ' . get_class($e));
            $result->feedback = feedback::failure($order, [self::issue('invalid_order', $e->getMessage())]);
            return;
        }
        $siteadmins = array_filter(array_map('intval', explode(',', (string) ($CFG->siteadmins ?? ''))));
        $collector = new facts_collector($DB, (int) $CFG->mnet_localhost_id, $siteadmins);
        if (empty($lookup['ok'])) {
            self::trace($txid, 'order refused: ' . count($lookup['errors'] ?? []) . ' error(s)');
            $result->feedback = self::refusal($planner, $collector, $order, $lookup);
            return;
        }
        $facts = $collector->collect($lookup['lookups'] ?? [], $order);

        if ($issues = self::site_issues($collector, $lookup, $txid)) {
            $result->feedback = feedback::failure($order, $issues, $lookup);
            return;
        }

        if (($plan = self::plan($planner, $order, $facts, $lookup, $result)) === null) {
            return;
        }
        // The new accounts' names, checked with the database's own comparison (see
        // facts_collector::taken_usernames()): a name it holds is added to the facts and the order
        // planned again, until none is (a few rounds at most: each adds names).
        for ($round = 0; !empty($plan['ok']) && ($taken = $collector->taken_usernames(self::new_usernames($plan))); $round++) {
            if ($round === self::USERNAME_ROUNDS) {
                self::trace($txid, 'refused: ' . count($taken) . ' planned username(s) still taken');
                $held = [];
                foreach ($taken as $name => $usernames) {
                    $held[] = implode(', ', $usernames) . ' (' . $name . ')';
                }
                $result->feedback = feedback::failure($order, [self::issue('username_taken',
                    get_string('errorusernametaken', self::COMPONENT, s(implode('; ', $held))))], $plan);
                return;
            }
            $facts['usernames'] = array_values(array_unique(array_merge($facts['usernames'], array_map('strval', array_keys($taken)))));
            if (($plan = self::plan($planner, $order, $facts, $lookup, $result)) === null) {
                return;
            }
        }
        if (empty($plan['ok'])) {
            self::trace($txid, 'plan refused: ' . count($plan['errors'] ?? []) . ' error(s), nothing written');
            $result->feedback = feedback::failure($order, array_merge($plan['errors'] ?? [], $plan['warnings'] ?? []), $plan);
            return;
        }
        if (empty($plan['operations'])) {
            self::trace($txid, 'already produced, nothing to do');
            $result->status = 'nothingtodo';
            $result->feedback = feedback::nothing_to_do($order, $plan);
            return;
        }

        $applier = new plan_applier($collector->enrolinstances, $order, (int) get_config('local_shop', 'test'));
        if ($issues = $applier->check($plan)) {
            $result->feedback = feedback::failure($order, $issues, $plan);
            return;
        }

        $threshold = self::async_threshold();
        if (!$intask && $threshold > 0 && order_builder::count_participants($order) > $threshold) {
            self::queue($order, $billid);
            self::trace($txid, 'queued for the adhoc task (' . order_builder::count_participants($order) . ' participants)');
            $result->status = 'queued';
            $result->feedback = feedback::queued($order, $plan);
            return;
        }

        try {
            $applied = $applier->apply($plan);
        } catch (\Throwable $e) {
            self::trace($txid, 'apply failed and was rolled back: ' . get_class($e));
            $result->exception = $e;
            $result->feedback = feedback::failure($order, [self::issue('apply_failed',
                get_string('errorapplyfailed', self::COMPONENT))], $plan, $e->getMessage());
            return;
        }
        self::trace($txid, 'applied ' . array_sum($applied['counts']) . ' operation(s)');
        $result->status = 'done';
        $result->feedback = feedback::success($order, $plan, $applied);
    }

    /**
     * What the site refuses before any plan, read in the facts: the buyer's account, the group idnumber.
     *
     * @param facts_collector $collector after collect()
     * @param array $lookup phase 1's answer
     * @param string $txid
     * @return array issues, empty when neither is in the way
     */
    protected static function site_issues(facts_collector $collector, array $lookup, string $txid): array {
        $issues = [];
        // The buyer's account receives the supervisor role, the group membership and the delegation
        // over every participant: a deleted one makes role_assign() throw, a suspended or nologin one
        // would get rights it cannot use. Refused for the sales admin, before anything is written.
        $op = $collector->operator;
        if ($op === null || (int) $op['deleted'] !== 0 || (int) $op['suspended'] !== 0 || (string) $op['auth'] === 'nologin') {
            self::trace($txid, 'refused: the operator account is missing, deleted, suspended or nologin');
            $issues[] = self::issue('operator_account',
                get_string('erroroperatoraccount', self::COMPONENT, (int) ($lookup['lookups']['operatorid'] ?? 0)));
        }
        // Another group of the course holds an idnumber groups_create_group() takes for this order's
        // ("42" for "00042"): it would throw idnumbertaken at every run.
        if ($collector->groupconflict !== null) {
            self::trace($txid, 'refused: the group idnumber is taken by group ' . $collector->groupconflict['id']);
            $issues[] = self::issue('group_idnumber_taken', get_string('errorgroupidnumbertaken', self::COMPONENT, (object) [
                'groupid' => $collector->groupconflict['id'],
                'idnumber' => s($collector->groupconflict['idnumber']),
                'txid' => s(trim($txid)),
            ]));
        }
        return $issues;
    }

    /**
     * The feedback for an order phase 1 refused, with every problem at once.
     *
     * Phase 1 finds what needs no database (a person twice, an invalid address, too many people).
     * The rest (a suspended or nologin account, several accounts on one address, a missing course
     * or role) needs the facts: without them the sales admin would correct the order and only then
     * learn of the next problem. The facts cost the same few queries as for a valid order; phase 2
     * repeats phase 1's checks, so its errors hold both. Nothing is written either way.
     *
     * @param callable $planner
     * @param facts_collector $collector
     * @param array $order
     * @param array $lookup phase 1's answer
     * @return \stdClass
     */
    protected static function refusal(callable $planner, facts_collector $collector, array $order, array $lookup): \stdClass {
        $issues = array_merge($lookup['errors'] ?? [], $lookup['warnings'] ?? []);
        try {
            $facts = $collector->collect($lookup['lookups'] ?? [], $order);
            $site = self::site_issues($collector, $lookup, (string) ($order['transactionid'] ?? ''));
            $plan = $planner($order, $facts);
        } catch (\Throwable $e) {
            // Facts the planner refuses: phase 1's errors are still right.
            return feedback::failure($order, $issues, $lookup);
        }
        if (!empty($plan['ok'])) {
            return feedback::failure($order, array_merge($site, $issues), $lookup);
        }
        // The site's, phase 2's, then any of phase 1's phase 2 did not repeat (an issue is its code,
        // entry and message).
        $all = [];
        foreach (array_merge($site, $plan['errors'] ?? [], $plan['warnings'] ?? [], $issues) as $issue) {
            $all[json_encode([$issue['code'] ?? '', $issue['ref'] ?? null, $issue['message'] ?? ''])] ??= $issue;
        }
        return feedback::failure($order, array_values($all), $plan);
    }

    /**
     * Phase 2: the plan, or null when shop_setup_session() refused the facts (the failure feedback
     * is then in $result).
     *
     * @param callable $planner
     * @param array $order
     * @param array $facts
     * @param array $lookup phase 1's answer, shown with the failure
     * @param \stdClass $result
     * @return array|null
     */
    protected static function plan(callable $planner, array $order, array $facts, array $lookup, \stdClass $result): ?array {
        try {
            return $planner($order, $facts);
        } catch (\Throwable $e) {
            self::trace((string) ($order['transactionid'] ?? ''), 'facts refused by shop_setup_session(): ' . get_class($e));
            $result->feedback = feedback::failure($order, [self::issue('invalid_facts', $e->getMessage())], $lookup);
            return null;
        }
    }

    /**
     * The usernames a plan gives the accounts it creates.
     *
     * @param array $plan
     * @return string[]
     */
    protected static function new_usernames(array $plan): array {
        $names = [];
        foreach ($plan['operations'] ?? [] as $op) {
            if (($op['op'] ?? '') === 'create_user' && isset($op['user']['username'])) {
                $names[] = (string) $op['user']['username'];
            }
        }
        return $names;
    }

    /**
     * An error issue of the handler itself.
     *
     * @param string $code
     * @param string $message
     * @return array
     */
    protected static function issue(string $code, string $message): array {
        return ['level' => 'error', 'code' => $code, 'message' => $message];
    }

    /**
     * One line in local_shop's merchant trace: counts and codes only, never personal data or secrets.
     *
     * @param string $txid
     * @param string $message
     */
    protected static function trace(string $txid, string $message): void {
        if (function_exists('shop_trace')) {
            shop_trace("[{$txid}] STD_SETUP_ONE_COURSE_SESSION shop_setup: {$message}");
        }
    }
}
