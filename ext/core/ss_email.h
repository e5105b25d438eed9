/*
 * shop_setup core: email addresses with Moodle's own semantics (Zend-free).
 *
 * Moodle (lib/weblib.php validate_email) accepts an address when PHPMailer's
 * validateAddress() with the 'php' validator accepts it (no CR or LF, then
 * filter_var($a, FILTER_VALIDATE_EMAIL), i.e. php-src's regex without
 * FILTER_FLAG_EMAIL_UNICODE) and it contains neither '<' nor '>'. Moodle's
 * uniqueness checks compare emails case-insensitively. This module:
 *   - trims surrounding white space (ASCII and the Unicode White_Space set,
 *     U+00A0 included) but refuses CR, LF and NUL anywhere;
 *   - decides validity exactly as validate_email() does on the trimmed string
 *     (a re2c DFA for the regular part of php-src's regex plus C code for its
 *     look-aheads; no PCRE);
 *   - yields the match key: the trimmed address, ASCII lower-cased.
 * Two deliberate differences with Moodle, both refusals: a NUL byte (which
 * filter_var accepts after a backslash inside a quoted local part), and local
 * parts with more than 9 lone quotes (about five quoted words), on which PHP's
 * PCRE may give up (SS_EMAIL_E_QUOTED_TOO_COMPLEX).
 */
#ifndef SS_EMAIL_H
#define SS_EMAIL_H

#include "ss_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Why an address is refused. The numeric values and the code strings are
 * stable (append new ones at the end, before SS_EMAIL__COUNT). Every status
 * other than SS_EMAIL_OK means "Moodle would refuse this address" (or, for the
 * two policy statuses, "the site's domain policy refuses it").
 */
typedef enum ss_email_status {
	SS_EMAIL_OK = 0,                 /* "ok" */
	SS_EMAIL_E_EMPTY,                /* "empty": nothing but white space */
	SS_EMAIL_E_NUL,                  /* "nul_byte": a NUL byte anywhere */
	SS_EMAIL_E_LINE_BREAK,           /* "line_break": CR or LF anywhere (PHPMailer refuses them) */
	SS_EMAIL_E_TOO_LONG,             /* "too_long": over 254 characters / 320 bytes in all */
	SS_EMAIL_E_INVALID_UTF8,         /* "invalid_utf8": bytes that are not UTF-8 (a Latin-1 file?) */
	SS_EMAIL_E_NOT_ASCII,            /* "not_ascii": non-ASCII character (e.g. an IDN like münchen.de) */
	SS_EMAIL_E_MAILTO,               /* "mailto": a "mailto:" link pasted in front */
	SS_EMAIL_E_MULTIPLE,             /* "multiple_addresses": "a@x.fr, b@y.fr" in one value */
	SS_EMAIL_E_ANGLE_BRACKET,        /* "angle_bracket": '<' or '>' ("Jean <jean@x.fr>") */
	SS_EMAIL_E_MISSING_AT,           /* "missing_at": no '@' */
	SS_EMAIL_E_SPACE,                /* "space": a space or tab inside the address */
	SS_EMAIL_E_LOCAL_TOO_LONG,       /* "local_part_too_long": more than 64 characters before '@' */
	SS_EMAIL_E_DOMAIN_TOO_LONG,      /* "domain_too_long": domain too long for the whole to fit 254 */
	SS_EMAIL_E_LABEL_TOO_LONG,       /* "domain_label_too_long": a domain label over 63 characters */
	SS_EMAIL_E_DOMAIN_INCOMPLETE,    /* "domain_incomplete": "jean@exemple" (no dot, no top-level domain) */
	SS_EMAIL_E_LOCAL_SYNTAX,         /* "local_part_syntax": bad character or dot before '@' */
	SS_EMAIL_E_DOMAIN_SYNTAX,        /* "domain_syntax": bad domain or IP literal after '@' */
	SS_EMAIL_E_SYNTAX,               /* "syntax": anything else */
	SS_EMAIL_E_DOMAIN_NOT_ALLOWED,   /* "domain_not_allowed": not in allowemailaddresses */
	SS_EMAIL_E_DOMAIN_DENIED,        /* "domain_denied": in denyemailaddresses */
	SS_EMAIL_E_QUOTED_TOO_COMPLEX,   /* "quoted_too_complex": so many quoted words that PHP's PCRE may give up */
	SS_EMAIL__COUNT
} ss_email_status;

/* Longest address filter_var() accepts, in bytes (php-src logical_filters.c). */
#define SS_EMAIL_FILTER_MAX 320

/*
 * Most lone quotes between two characters of a quoted local part that we
 * accept. Beyond 9, PHP's PCRE may exhaust pcre.backtrack_limit on
 * filter_var's look-aheads (2^gaps paths) and refuse; see ss_email.re.
 */
#define SS_EMAIL_MAX_QUOTE_GAPS 9

/* Stable machine code ("ok", "empty", ...) and English message of a status. */
const char *ss_email_status_code(ss_email_status st);
const char *ss_email_status_message(ss_email_status st);

/*
 * Strips leading and trailing Unicode White_Space (U+0009, U+000B, U+000C,
 * U+0020, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F,
 * U+205F, U+3000, plus two invisible characters that copy-paste carries:
 * U+200B ZERO WIDTH SPACE and U+FEFF, the byte-order mark spreadsheets emit),
 * and returns the kept span in start and tlen. CR and LF are NOT stripped: they
 * are refused by ss_email_normalize(). Never reads past in[len).
 */
void ss_email_trim(const char *in, size_t len, size_t *start, size_t *tlen);

/*
 * The verdict of PHP's filter_var($s, FILTER_VALIDATE_EMAIL) !== false on
 * s[0..len) (no trimming; NUL bytes handled as filter_var does): exact, except
 * that local parts with more than SS_EMAIL_MAX_QUOTE_GAPS lone quotes are
 * refused (where PHP's own answer depends on pcre.backtrack_limit).
 */
int ss_email_filter_valid(const char *s, size_t len);

/*
 * Normalises one address: trims (ss_email_trim), refuses NUL/CR/LF, decides as
 * Moodle's validate_email() on the trimmed string, and on success writes the
 * match key (ASCII lower-cased trimmed address, NOT NUL-terminated) to out and
 * its length to *out_len. out must hold min(len, SS_EMAIL_FILTER_MAX) bytes
 * (a valid key is never longer); out may be NULL to validate only. On failure *out_len is 0 and the
 * status tells why (the diagnosis runs only on refused input: the verdict never
 * depends on it). Inputs longer than SS_MAX_EMAIL_LEN after trimming are
 * refused as SS_EMAIL_E_TOO_LONG without being scanned.
 */
ss_email_status ss_email_normalize(const char *in, size_t len, char *out, size_t *out_len);

/*
 * The same, plus: *same (when not NULL) = 1 when the key is byte for byte the
 * input (nothing trimmed or lowered); with diagnose = 0 a refusal after the
 * cheap pre-checks is reported as SS_EMAIL_E_SYNTAX without looking for the
 * precise reason (the verdict is identical; bulk callers need nothing else).
 */
ss_email_status ss_email_normalize_ex(const char *in, size_t len, char *out, size_t *out_len, int *same, int diagnose);

/* Which path ss_email_normalize_ex() decides an address on, for the tests:
 * SS_EMAIL_PATH_16 (16 bytes at a time, SSE2 builds), SS_EMAIL_PATH_BYTES (one
 * pass, byte by byte) or SS_EMAIL_PATH_GENERAL (the filter, and refusals). */
enum { SS_EMAIL_PATH_GENERAL, SS_EMAIL_PATH_BYTES, SS_EMAIL_PATH_16 };
int ss_email_path(const char *in, size_t len);

/*
 * The match key of an address one of those one-pass paths accepts (nothing
 * to trim, at most SS_EMAIL_PLAIN_MAX bytes): 1, with the len bytes of the key
 * written to out and *upper = whether any byte was lowered; what
 * ss_email_normalize_ex() gives it. 0 for every other address (then call
 * ss_email_normalize_ex()). out needs room for min(len, SS_EMAIL_PLAIN_MAX)
 * bytes. For the bulk callers, which meet almost only such addresses.
 */
#define SS_EMAIL_PLAIN_MAX 254
int ss_email_plain_key(const char *in, size_t len, char *out, int *upper);

/*
 * Moodle's email_is_not_allowed() (lib/moodlelib.php) on an address: when
 * `allow` is non-empty, the address must end with "@pattern" for some pattern,
 * or with ".pattern" for a pattern given with a leading dot (any subdomain);
 * otherwise, when `deny` is non-empty, it must match none. Patterns are
 * separated by single spaces, trimmed, compared case-insensitively; empty
 * patterns and "0" are skipped, and a list equal to "0" counts as empty, as
 * PHP's empty() does. Returns SS_EMAIL_OK, SS_EMAIL_E_DOMAIN_NOT_ALLOWED or
 * SS_EMAIL_E_DOMAIN_DENIED. allow/deny may be NULL (= empty).
 */
ss_email_status ss_email_policy_check(const char *email, size_t len,
	const char *allow, size_t allow_len, const char *deny, size_t deny_len);

/*
 * Mailbox alias key of a VALID match key (lower-cased): for Gmail-style
 * providers the local part loses its dots and its "+tag"; for every other
 * domain only the "+tag" is dropped. Writes at most len bytes to out, returns
 * the length. Used for warnings only: two addresses with one alias key are
 * "probably the same mailbox", never merged.
 */
size_t ss_email_alias_key(const char *key, size_t len, char *out);

#ifdef __cplusplus
}
#endif
#endif
