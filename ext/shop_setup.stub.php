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
