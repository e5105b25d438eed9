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
 * Each such warning has "keys": the keys of the other addresses concerned.
 * Nothing is merged: the caller decides.

 * @param array $emails array<array-key, string>
 * @param array $policy keys "allowemailaddresses", "denyemailaddresses": ?string
 * @return array<array-key, array{ok: bool, code: ?string, message: ?string, normalized: ?string,
 *               warnings: list<array{code: string, message: string, keys?: list<array-key>}>}>
 * @throws TypeError naming the key of the first element that is not a string.
 * @throws ValueError on an unknown $policy key or more than 1,000,000 elements.
 */
function shop_setup_emails_check(array $emails, array $policy = []): array {}

/** True when both addresses are valid for Moodle and have the same match key. */
function shop_setup_email_equals(string $a, string $b): bool {}
