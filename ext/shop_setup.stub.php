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
 * Phase 1's lookups -> the $facts of shop_setup_session(), read from a remote
 * Moodle through its REST web services (POST <endpoint>/webservice/rest/server.php).

 * $lookups is the 'lookups' entry of shop_setup_session($order) (see
 * docs/session-contract.md): emails (match keys), usernames (candidate
 * bases), course, supportcourse, roles, groupidnumber, operatorid.
 * Users are found by e-mail without missing one stored in another case:
 * core_user_get_users_by_field (exact) in batches, then core_user_get_users
 * (case-insensitive LIKE, one address per call, in parallel) for the keys it
 * did not find; every match is compared with the key by the extension.

 * $options: roles (array<string,int>, required for every role in $lookups:
 * Moodle has no web service mapping role shortnames to ids), privileged
 * (int[]), products (string[]), username_probe (int, 3: also look up
 * base1..baseN), exact_email_only (bool, false), and the transport options
 * of shop_setup_remote_apply().

 * $lookups: array{emails?: string[], usernames?: string[], course?: ?string,
 *   supportcourse?: string|int|null, roles?: string[], groupidnumber?: ?string,
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
function shop_setup_remote_lookup(array $lookups, string $endpoint, string $token, array $options = []): array {}

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
function shop_setup_remote_apply(array $plan, string $endpoint, string $token, array $options = []): array {}
