<?php

/** @generate-function-entries */

/**
 * shop_setup: primitives for local_shop's std_setuponecoursesession handler.

 * This file drives the arginfo header (scripts/gen-arginfo.sh runs PHP's
 * gen_stub.php on it); the generated ext/shop_setup_arginfo.h is committed.

 */

/**
 * Decodes a local_shop handler parameter string ("key1=value1&key2=value2").

 * Keys and values are URL-decoded like urldecode() ('+' is a space, %XX a
 * byte). Raw white space around pairs is dropped, empty pairs are skipped, a
 * pair without '=' has the value "", and a repeated key keeps its last value.

 * @return array<string, string>
 * @throws ValueError on a malformed escape, a NUL byte, invalid UTF-8 after
 *         decoding or an empty key; the message names the key and byte offset.
 */
function shop_setup_parse_params(string $params): array {}

/**
 * Plans the set-up of one course session sold by local_shop
 * (std_setuponecoursesession): accounts, enrolments, the order's group,
 * delegation roles, customer support, product records. It decides, PHP
 * applies; it never touches the database. Full contract and rules:
 * docs/session-contract.md and docs/session.md.

 * Phase 1, shop_setup_session($order): returns
 *   ['phase' => 'lookup', 'ok' => bool, 'errors' => [issue...], 'warnings' => [issue...],
 *    'params' => [handler parameters, defaults applied],
 *    'lookups' => ['emails' => [match keys], 'usernames' => [candidate bases],
 *                  'course' => shortname, 'supportcourse' => string|int|null,
 *                  'roles' => [shortnames], 'groupidnumber' => transactionid,
 *                  'operatorid' => int]]
 * PHP then runs a constant number of bulk queries and calls phase 2,
 * shop_setup_session($order, $facts, $options), which returns
 *   ['phase' => 'plan', 'ok', 'errors', 'warnings', 'params',
 *    'window' => ['start' => int, 'end' => int (0 = open)],
 *    'group' => ['id' => ?int, 'idnumber' => string, 'name' => string],
 *    'participants' => [['ref' => 'p1', 'role', 'roleid' => ?int, 'email' (as typed),
 *        'matchkey', 'firstname', 'lastname', 'userid' => ?int, 'username',
 *        'action' => 'reuse'|'create'|'none', 'attach' => bool,
 *        'status' => 'ok'|'error', 'reference', 'messages' => [string...]], ...],
 *    'operations' => [op...],  // empty when ok is false unless $options['partial']
 *    'summary' => ['seats', 'declared', 'unassigned', 'created', 'reused',
 *                  'enrolments', 'skipped', 'operations']]
 * An op is ['op' => 'create_user'|'create_group'|'enrol'|'assign_role'|
 * 'add_member'|'assign_user_role'|'create_product', 'ref' => 'pN'|'operator'|null,
 * ...kind-specific keys], ordered by kind then participant (operator first).
 * An issue is ['level', 'code', 'message'] plus 'ref', 'role', 'email',
 * 'other' (duplicates) and 'field' when they apply.

 * $order: 'transactionid' (string, 1..100 bytes), 'quantity' (int >= 0),
 *   'operator' (int or ['id' => int]), 'handlerparams' (URL-encoded string or
 *   array), 'users' (role => email as typed => participant array|object with
 *   lastname, firstname, email, city, institution, phone2), optional 'now',
 *   'renewable', 'catalogitemid', 'billitemid', 'customerid'.
 * $facts: 'course' (['id', 'startdate']|null), 'supportcourse' (['id']|null),
 *   'roles' (shortname => id), 'users' ([['id', 'email', 'username', 'auth',
 *   'suspended', 'deleted'], ...]), 'usernames' ([string]), 'privileged'
 *   ([int]), 'enrolments' ([['courseid', 'userid', 'status', 'timestart',
 *   'timeend', 'roles' => [int]], ...]), 'group' (['id', 'members' => [int]]|null),
 *   'roleassignments' ([['roleid', 'userid', 'contextuserid'], ...]),
 *   'products' ([reference strings]). Rows may be arrays or objects; integers
 *   may be numeric strings, as Moodle's $DB returns them.
 * $options: 'partial' (bool, default false): plan the valid participants
 *   even when others are in error.

 * @return array<string, mixed>
 * @throws TypeError when a value has the wrong type; the message names its path
 * @throws ValueError when a value is out of range or malformed (invalid UTF-8,
 *         NUL byte, over a limit); the message names its path
 */
function shop_setup_session(array $order, ?array $facts = null, array $options = []): array {}
