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
 * English strings.
 *
 * @package    shophandlers_std_setuponecoursesession
 * @copyright  2026 shop_setup contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$string['beneficiary'] = 'Beneficiary';
$string['coursename'] = 'Course';
$string['erroraddmember'] = 'User {$a->userid} could not be added to group {$a->groupid}: Moodle refuses members who are not enrolled in the course or whose account is deleted.';
$string['errorapplyfailed'] = 'A technical error interrupted the setup; every change was cancelled. The sales team has the details.';
$string['errorbusy'] = 'Another production (of this order or of another one) is still in progress; the task will be retried.';
$string['errorcoursenotenrollable'] = 'Course {$a} has no enabled manual enrolment method.';
$string['errorcoursenotexists'] = 'Course {$a} does not exist (coursename must be a course short name).';
$string['errorfieldtoolong'] = '{$a->field} is longer than the {$a->max} characters Moodle can store: shorten it.';
$string['errorgroupidnumbertaken'] = 'Group {$a->groupid} of the course has the ID number "{$a->idnumber}", which Moodle takes for this order\'s "{$a->txid}" (it compares ID numbers loosely: "42" and "00042" are one): the order\'s group cannot be created. Change that group\'s ID number, then produce the order again.';
$string['errormanualdisabled'] = 'The manual enrolments plugin is disabled on this site: enrolments made by this product would give no access. Enable it in Site administration > Plugins > Enrolments > Manage enrol plugins.';
$string['errornoextension'] = 'The PHP extension shop_setup is not loaded, so this handler cannot set up any session. Add the line {$a} to the php.ini of the web server and of the command line (cron), then restart PHP.';
$string['errornotarget'] = 'The handler parameter coursename is missing: name the course of the session by its short name.';
$string['erroroperatoraccount'] = 'The buyer\'s Moodle account (user {$a}) does not exist, is deleted or suspended, or cannot sign in: the session cannot be attached to it. Restore the account, or attach the customer to an active one, then produce the order again.';
$string['errorrolenotexists'] = 'Role {$a} does not exist on this site.';
$string['errorusernametaken'] = 'Moodle already holds accounts whose usernames it takes for the ones the new accounts need: {$a} (the existing username, then the one needed; its database compares usernames without accents or case). Rename those accounts, then produce the order again.';
$string['fb_busy_private'] = '<p>Your order {$a->txid} is being set up by another process. Its result will be added to your order.</p>';
$string['fb_busy_public'] = '<p>Your order {$a->txid} is being set up by another process. Please reload this page in a minute.</p>';
$string['fb_busy_sales'] = '<p><b>TXID: {$a->txid}</b></p><p>Production skipped: another run of this order held its lock. Nothing was written by this run.</p>';
$string['fb_deferred_private'] = '<p>Your order {$a->txid} will be set up in a few minutes, once another order being set up right now is finished. Its result will be added to your order.</p>';
$string['fb_deferred_public'] = '<p>Your order {$a->txid} will be set up in a few minutes, once another order being set up right now is finished.</p>';
$string['fb_deferred_sales'] = '<p><b>TXID: {$a->txid}</b></p><p>Production deferred: another order was being produced (productions run one at a time, so that two orders never create two accounts for one person). Nothing was written by this run; the adhoc task will check and apply the order, and append its result to the bill.</p>';
$string['fb_exception'] = 'Error raised during production (any change was rolled back): {$a}';
$string['fb_failure_private'] = '<p><b>Your training session could not be set up.</b> Nothing was changed. Please correct the points below and contact us with your order reference {$a->txid}.</p>';
$string['fb_failure_public'] = '<p><b>Your training session could not be set up.</b> Nothing was changed. Please correct the points below and contact us with your order reference {$a->txid}.</p>';
$string['fb_failure_sales'] = '<p><b>TXID: {$a->txid}</b></p><p><b>Production FAILED</b> for course {$a->coursename}: {$a->errors} error(s), nothing was written. Seats bought: {$a->seats}; participants declared: {$a->participants}.</p>';
$string['fb_heading_errors'] = 'To be corrected:';
$string['fb_heading_warnings'] = 'Warnings:';
$string['fb_issue_customer'] = '{$a->who}: {$a->message}';
$string['fb_issue_sales'] = '[{$a->code}] {$a->who}: {$a->message}';
$string['fb_nothingtodo_private'] = '<p>Your training session in course {$a->coursename} (order {$a->txid}) was already set up; nothing needed to change.</p>';
$string['fb_nothingtodo_public'] = '<p>Your training session in course {$a->coursename} is already set up.</p>';
$string['fb_nothingtodo_sales'] = '<p><b>TXID: {$a->txid}</b></p><p>Production run again on an order already set up in course {$a->coursename}: nothing to do, nothing written.</p>';
$string['fb_participant_created'] = '{$a->name} ({$a->email}), {$a->role}: new account {$a->username}; the sign-in details are sent by email';
$string['fb_participant_existing'] = '{$a->name} ({$a->email}), {$a->role}: existing account {$a->username}';
$string['fb_participants'] = 'Participants:';
$string['fb_queued_private'] = '<p>Your order {$a->txid} for {$a->participants} participants has been checked. The accounts and enrolments in course {$a->coursename} are being created in the background; each new participant will receive an email with their sign-in details.</p>';
$string['fb_queued_public'] = '<p>Your order for {$a->participants} participants has been checked. The training session in course {$a->coursename} is being set up in the background.</p>';
$string['fb_queued_sales'] = '<p><b>TXID: {$a->txid}</b></p><p>Order checked ({$a->participants} participants, {$a->seats} seats, {$a->created} accounts to create, {$a->operations} operations) and queued for the adhoc task; its result will be appended to the bill.</p>';
$string['fb_success_private'] = '<p>Your training session is ready in course {$a->coursename}: {$a->enrolments} enrolment(s), group "{$a->groupname}". New participants receive their sign-in details by email and choose their own password at first sign-in.</p>';
$string['fb_success_public'] = '<p>Your training session is ready in course {$a->coursename}: {$a->enrolments} enrolment(s), group "{$a->groupname}".</p>';
$string['fb_success_sales'] = '<p><b>TXID: {$a->txid}</b></p><p>Session set up in course {$a->coursename}, group "{$a->groupname}" (idnumber {$a->txid}). Accounts created: {$a->created}; existing accounts: {$a->reused}; enrolments: {$a->enrolments}; unassigned seats: {$a->unassigned}; operations applied: {$a->operations}.</p>';
$string['fb_wholeorder'] = 'Order';
$string['handlername'] = 'Setup one course session (shop_setup)';
$string['pluginname'] = 'Setup one course session (shop_setup)';
$string['prepaykeptaccount'] = '<p><b>TXID: {$a->txid}</b></p><p>The order is run by a sales admin: the customer\'s Moodle account (id {$a->userid}) is kept as the buyer of its sessions. local_shop would otherwise have made your account the customer\'s.</p>';
$string['prepaynoaccount'] = '<p><b>TXID: {$a->txid}</b></p><p>The customer has no Moodle account yet, and the order is run by a sales admin: it was not linked to your account. Link the customer record to the buyer\'s account (or let the buyer log in and confirm the order) before the order is paid, or its sessions cannot be set up.</p>';
$string['privacy:metadata'] = 'The handler stores no personal data of its own: accounts, enrolments, groups and roles it creates are core data, product records are local_shop\'s, and a large order waits in core\'s adhoc task queue only until it is applied.';
$string['rolelearner'] = 'learner';
$string['rolesupervisor'] = 'supervisor';
$string['roletutor'] = 'tutor';
$string['seatrole'] = 'Seat';
$string['taskapplysession'] = 'Set up a training session sold by the shop (shop_setup)';
$string['utissue'] = 'Handler parameters: {$a->message} ({$a->code})';
$string['utissuekey'] = 'Handler parameter {$a->key}: {$a->message} ({$a->code})';
$string['warningcustomerrolemissing'] = 'Handler parameter customerrole is not set and this site has no role customer (local_shop\'s customer role): in the support course the buyer gets only supportrole. Set customerrole to another role, or leave it empty (customerrole=) for none.';
$string['warningrolenotuserlevel'] = 'Role {$a->role} ({$a->key}) is assigned in users\' contexts, where it is not allowed (Define roles > context types): the assignments work but Moodle\'s pages do not list them. Allow the user context for that role, or name a role made for it such as block_user_delegation\'s courseowner.';
$string['warningsupervisordefaultstoteacher'] = 'Handler parameter supervisor is not set: the role teacher (non-editing teacher) is used.';
