<?php

/**
 * @generate-class-entries
 */

/**
 * shop_setup: primitives for local_shop's std_setuponecoursesession handler.

 * This file drives the arginfo header (scripts/gen-arginfo.sh runs PHP's
 * gen_stub.php on it); the generated ext/shop_setup_arginfo.h is committed.

 */

/**
 * Decodes a local_shop handler parameter string ("key1=value1&key2=value2").

 * Keys and values are URL-decoded like urldecode() ('+' is a space, %XX a
 * byte). Raw white space around pairs is dropped, empty pairs ("&&", a
 * trailing '&') are skipped, a pair without '=' has the value "", a repeated
 * key keeps its last value, and numeric-string keys become int keys as in
 * every PHP array. Only the first raw '=' of a pair separates key and value.

 * @return array<string|int, string>
 * @throws ValueError on a malformed escape ("%zz", a '%' at the end), a NUL
 *         byte (raw or %00), invalid UTF-8 after decoding, an empty key, or a
 *         string over 16 MiB; the message names the key and the byte offset,
 *         e.g. 'Argument #1 ($params) has a malformed percent escape "%zz" at
 *         byte 6 in the value of key "k"'.
 */
function shop_setup_parse_params(string $params): array {}

/**
 * Builds the canonical handler parameter string of an array.

 * Keys are sorted in byte order (strcmp; int keys as their decimal string);
 * pairs are "key=value" joined by '&'; keys and values are encoded as RFC 3986
 * says: A-Z a-z 0-9 - . _ ~ stay, every other byte is %XX (upper-case hex),
 * so a space is %20. Values are converted as (string) would: int and float
 * as PHP prints them, true "1", false and null "". For every array $x of
 * string keys and scalar values, shop_setup_parse_params(build($x)) is $x
 * sorted by key with ksort($x, SORT_STRING), values converted to strings.

 * @param array $params string or int keys => string, int, float, bool or null values
 * @throws TypeError when a value is an array, an object or a resource (names the key).
 * @throws ValueError on an empty key, a NUL byte or invalid UTF-8 in a key or a
 *         value (names the key and the byte offset).
 */
function shop_setup_build_params(array $params): string {}

/**
 * Lists every problem of a std_setuponecoursesession parameter string; never
 * throws on bad content (local_shop's product test page shows the list).

 * Each issue is ['level' => 'error'|'warning', 'code' => string,
 * 'key' => ?string, 'offset' => ?int (byte offset in $params), 'message' => string].
 * Errors: every lexical fault (malformed_escape, nul_byte, invalid_utf8,
 * empty_key, params_too_long; parsing resumes after the next '&'),
 * duplicate_key, missing_key (coursename), a bad value of a known key
 * (empty_value, value_too_long, control_character, html_tags, invalid_role,
 * invalid_flag, invalid_time, invalid_duration, invalid_attach_mode,
 * empty_list_item, invalid_course_id), end_not_after_start.
 * Warnings: unknown_key, duplicate_list_item, duration_ignored.
 * The list stops at 1000 issues plus one too_many_issues error.
 * An empty list means the string is fine.

 * @return list<array{level: string, code: string, key: ?string, offset: ?int, message: string}>
 */
function shop_setup_check_params(string $params): array {}

/**
 * The enrolment window [start, end] of a std_setuponecoursesession product,
 * from its decoded parameters (string or int values; null is absent).

 * start: starttime (Unix timestamp or ISO 8601), or $now when absent, empty or
 * 0; never before $coursestart. end: endtime when given ("0" is the open end;
 * a Unix timestamp; ISO 8601 date or date-time with Z or an offset, UTC when
 * none; "+N" then D, H, W or M: days, hours, weeks or calendar months in UTC
 * after start), else start + duration days (365 when absent, empty or 0) for a
 * renewable product, else 0 (open end).

 * @param array $params decoded parameters: key => string, int or null
 * @return array{0: int, 1: int} [start, end], end 0 when open
 * @throws TypeError when starttime, endtime or duration is neither string, int nor null.
 * @throws ValueError on a value in no accepted form or out of range (names the
 *         key and byte offset), an end not after the start, or $now / $coursestart
 *         out of range.
 */
function shop_setup_enrol_window(array $params, int $now, int $coursestart = 0, bool $renewable = false): array {}

/**
 * The match key of an email address, or null when Moodle would refuse it.

 * Trims surrounding white space (ASCII, U+00A0 and the rest of Unicode's
 * White_Space set, plus U+200B and U+FEFF), refuses CR, LF and NUL anywhere,
 * then accepts exactly what Moodle's validate_email() accepts (PHPMailer's
 * 'php' validator, i.e. filter_var(FILTER_VALIDATE_EMAIL), and no '<' or
 * '>'). The key is the trimmed address, ASCII lower-cased: the value Moodle's
 * case-insensitive email lookups compare. Never throws for a string.
 */
function shop_setup_email_normalize(string $email): ?string {}

/**
 * Why an address is refused, or that it is fine.

 * $policy may hold "allowemailaddresses" and "denyemailaddresses" (Moodle's
 * settings, strings or null), applied with email_is_not_allowed()'s rule.
 * "normalized" is the match key whenever the syntax is valid, even when the
 * policy refuses the domain. "code" and "message" are null when "ok" is true.
 * Warnings never make "ok" false: "quoted_local_part", "ip_literal".

 * @param array $policy keys "allowemailaddresses", "denyemailaddresses": ?string
 * @return array{ok: bool, code: ?string, message: ?string, normalized: ?string,
 *               warnings: list<array{code: string, message: string}>}
 * @throws ValueError when $policy has a key other than the two settings.
 * @throws TypeError when a $policy value is neither a string nor null.
 */
function shop_setup_email_check(string $email, array $policy = []): array {}

/**
 * shop_setup_email_normalize() over an array: same keys, same order, each
 * value the match key or null.

 * @param array $emails array<array-key, string>
 * @return array<array-key, ?string>
 * @throws TypeError naming the key of the first element that is not a string.
 * @throws ValueError when $emails holds more than 1,000,000 elements.
 */
function shop_setup_emails_normalize(array $emails): array {}

/**
 * shop_setup_email_check() over a batch, plus warnings that relate addresses
 * of the batch: "duplicate" (same match key) and "possible_alias" (same
 * mailbox once dots are removed from a Gmail local part and a "+tag" is cut).
 * Each such warning has "keys" (at most 10 keys of the other addresses
 * concerned, those of one address first) and "count" (how many there are in
 * all), so that the result stays linear in the batch. Nothing is merged: the
 * caller decides.

 * @param array $emails array<array-key, string>
 * @param array $policy keys "allowemailaddresses", "denyemailaddresses": ?string
 * @return array<array-key, array{ok: bool, code: ?string, message: ?string, normalized: ?string,
 *               warnings: list<array{code: string, message: string, keys?: list<array-key>, count?: int}>}>
 * @throws TypeError naming the key of the first element that is not a string.
 * @throws ValueError on an unknown $policy key or more than 1,000,000 elements.
 */
function shop_setup_emails_check(array $emails, array $policy = []): array {}

/** True when both addresses are valid for Moodle and have the same match key. */
function shop_setup_email_equals(string $a, string $b): bool {}

/*
 * Bits of the 'flags' column of a plan in columns format
 * (shop_setup_session($order, $facts, ['format' => 'columns'])): the
 * SHOP_SETUP_OP_* bits are the operations the plan holds for that
 * participant, the others what the rows format says in action, attach and
 * status. docs/session-contract.md gives what each bit expands to.
 */

/**
 * create_user: create the account (username, email columns; names from the order)
 * @var int
 * @cvalue SHOP_SETUP_F_CREATE_USER
 */
const SHOP_SETUP_OP_CREATE_USER = UNKNOWN;

/**
 * enrol: enrol in the course with roleid and the window
 * @var int
 * @cvalue SHOP_SETUP_F_ENROL
 */
const SHOP_SETUP_OP_ENROL = UNKNOWN;

/**
 * assign_role: already enrolled, give roleid in the course context
 * @var int
 * @cvalue SHOP_SETUP_F_ASSIGN_ROLE
 */
const SHOP_SETUP_OP_ASSIGN_ROLE = UNKNOWN;

/**
 * add_member: add to the session group
 * @var int
 * @cvalue SHOP_SETUP_F_ADD_MEMBER
 */
const SHOP_SETUP_OP_ADD_MEMBER = UNKNOWN;

/**
 * assign_user_role: the operator gets operatorroleid in this user's context
 * @var int
 * @cvalue SHOP_SETUP_F_ASSIGN_OPERATOR_ROLE
 */
const SHOP_SETUP_OP_ASSIGN_OPERATOR_ROLE = UNKNOWN;

/**
 * assign_user_role: this user gets mirrorroleid in the operator's context
 * @var int
 * @cvalue SHOP_SETUP_F_ASSIGN_MIRROR_ROLE
 */
const SHOP_SETUP_OP_ASSIGN_MIRROR_ROLE = UNKNOWN;

/**
 * create_product: record the seat under reference
 * @var int
 * @cvalue SHOP_SETUP_F_CREATE_PRODUCT
 */
const SHOP_SETUP_OP_CREATE_PRODUCT = UNKNOWN;

/**
 * action 'reuse': an existing account (userid)
 * @var int
 * @cvalue SHOP_SETUP_F_REUSE
 */
const SHOP_SETUP_REUSE = UNKNOWN;

/**
 * action 'create': an account this plan creates (userid null)
 * @var int
 * @cvalue SHOP_SETUP_F_CREATE
 */
const SHOP_SETUP_CREATE = UNKNOWN;

/**
 * attach: the account is (or will be) attached to the operator
 * @var int
 * @cvalue SHOP_SETUP_F_ATTACH
 */
const SHOP_SETUP_ATTACH = UNKNOWN;

/**
 * status 'error': see the issues whose ref names this participant
 * @var int
 * @cvalue SHOP_SETUP_F_ERROR
 */
const SHOP_SETUP_ERROR = UNKNOWN;

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
 *                  'roles' => [shortnames], 'optionalroles' => [shortnames: looked up,
 *                  left out of $facts['roles'] when the site lacks them],
 *                  'groupidnumber' => transactionid, 'operatorid' => int]]
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
 *   'renewable', 'catalogitemid', 'billitemid', 'customerid', 'referencescope'
 *   (up to 32 ASCII letters, digits or underscores, appended to every product
 *   reference: the items of one bill share its transaction id).
 * $facts: 'course' (['id', 'startdate']|null), 'supportcourse' (['id']|null),
 *   'roles' (shortname => id), 'users' ([['id', 'email', 'username', 'auth',
 *   'suspended', 'deleted'], ...]), 'usernames' ([string]), 'privileged'
 *   ([int]), 'enrolments' ([['courseid', 'userid', 'status', 'timestart',
 *   'timeend', 'roles' => [int]], ...]), 'group' (['id', 'members' => [int]]|null),
 *   'roleassignments' ([['roleid', 'userid', 'contextuserid'], ...]),
 *   'products' ([reference strings]). Rows may be arrays or objects; integers
 *   may be numeric strings, as Moodle's $DB returns them.
 * $options: 'partial' (bool, default false): plan the valid participants
 *   even when others are in error; 'format' ('rows', the default, or
 *   'columns'): in columns, 'participants' is ['flags', 'userid', 'username',
 *   'roleid', 'reference', 'email'] => one list each, a participant's
 *   operations are SHOP_SETUP_OP_* bits of its flags, 'operations' keeps the
 *   group's and the operator's rows and 'context' the ids they expand with
 *   (docs/session-contract.md; examples/session/columns.php expands them).

 * @return array<string, mixed>
 * @throws TypeError when a value has the wrong type; the message names its path
 * @throws ValueError when a value is out of range or malformed (invalid UTF-8,
 *         NUL byte, over a limit); the message names its path
 */
function shop_setup_session(array $order, ?array $facts = null, array $options = []): array {}

/**
 * Phase 1's lookups -> the $facts of shop_setup_session(), read from a remote
 * Moodle through its REST web services (POST <endpoint>/webservice/rest/server.php).

 * $lookups is the 'lookups' entry of shop_setup_session($order) (see
 * docs/session-contract.md): emails (match keys), usernames (candidate
 * bases), course, supportcourse, roles, optionalroles, groupidnumber, operatorid.
 * Users are found by e-mail without missing one stored in another case:
 * core_user_get_users_by_field (exact) in batches, then core_user_get_users
 * (case-insensitive LIKE, one address per call, in parallel) for the keys it
 * did not find; every match is compared with the key by the extension.

 * $options: roles (array<string,int>, required for every role in $lookups['roles']:
 * Moodle has no web service mapping role shortnames to ids; a role of
 * $lookups['optionalroles'] left out is taken as absent from the site), privileged
 * (int[]), products (string[]), username_probe (int, 3: also look up
 * base1..baseN), email_domain_probe (int, 0: one '%@domain' probe for a
 * domain with this many keys not found), exact_email_only (bool, false), and
 * the transport options of shop_setup_remote_apply().

 * $lookups: array{emails?: string[], usernames?: string[], course?: ?string,
 *   supportcourse?: string|int|null, roles?: string[], optionalroles?: string[], groupidnumber?: ?string,
 *   operatorid?: ?int}

 * Returns array{course: ?array{id: int, startdate: int}, supportcourse: ?array{id: int},
 *   roles: array<string,int>, users: list<array{id: int, email: string, username: string,
 *   auth: string, suspended: int, deleted: int}>, usernames: string[], privileged: int[],
 *   enrolments: list<array{courseid: int, userid: int, status: int, timestart: int,
 *   timeend: int, roles: int[]}>, group: ?array{id: int, members: int[]},
 *   roleassignments: array, products: string[], remote: array{requests: int, retries: int}}

 * @return array<string, mixed>
 * @throws ValueError|TypeError on a malformed argument (never showing the token)
 * @throws RuntimeException when the site refuses a call or cannot be reached
 *         after the retries (the message names the web-service function and
 *         Moodle's errorcode, never the token); also when shop_setup was built
 *         without libcurl.
 */
function shop_setup_remote_lookup(array $lookups, string $endpoint, #[\SensitiveParameter] string $token, array $options = []): array {}

/**
 * Executes a plan of shop_setup_session() on a remote Moodle: batched,
 * parallel web-service calls, phases in dependency order (accounts and group;
 * enrolments and role assignments; group members).

 * create_user -> core_user_create_users (createpassword=1: Moodle mails the
 * password), create_group -> core_group_create_groups (idnumbertaken = the
 * group exists), enrol -> enrol_manual_enrol_users (skipped when the user is
 * already enrolled with the role; a role assignment when enrolled without
 * it), assign_role / assign_user_role -> core_role_assign_roles (contextlevel
 * course / user), add_member -> core_group_add_group_members. create_product
 * is left to PHP (status "local", with its userid filled in).
 * Batches rejected whole by Moodle are bisected down to the culprit; accounts
 * are looked up by username before they are created, enrolments before they
 * are sent, so a second apply of the same plan finishes an interrupted one.

 * $options: max_input_vars (int, 5000: the site's PHP setting; every request
 * stays under it), max_items (int, 0 = no limit), concurrency (int, 8),
 * connect_timeout_ms (10000), timeout_ms (120000), retries (3), backoff_ms
 * (200), backoff_max_ms (10000), cainfo (CA bundle path),
 * insecure_skip_tls_verify (bool, false: DANGEROUS, disables TLS verification).

 * Returns array{ok: bool, operations: list<array>, users: array<string,int>,
 *   groupid: ?int, failures: array<string, list<array{op: string, code: string, message: string}>>,
 *   warnings: string[], stats: array{done: int, exists: int, failed: int, skipped: int,
 *   local: int, requests: int, retries: int, bisections: int}}
 *   operations: the plan's operations in order, each with status
 *   (done|exists|failed|skipped|local), resolved ids, and error {code, message}
 *   when failed or skipped; failures: per participant ref.

 * @return array<string, mixed>
 * @throws ValueError|TypeError on a malformed plan (naming the path) or option
 * @throws RuntimeException when shop_setup was built without libcurl
 */
function shop_setup_remote_apply(array $plan, string $endpoint, #[\SensitiveParameter] string $token, array $options = []): array {}
