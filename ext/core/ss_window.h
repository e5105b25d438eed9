/*
 * shop_setup core: the enrolment window of a setup-one-course-session product.
 *
 * Zend-free. Computes [start, end] from the raw handler parameter strings
 * (after URL decoding by ss_params_parse), the production time, the course
 * start date and the catalog item's "renewable" flag, with local_shop's meaning
 * (front/lib.php shop_compute_enrol_time) plus the forms local_shop intended
 * but never parsed correctly:
 *
 *   start = starttime, or now when starttime is absent, empty or "0";
 *           never before coursestart (when coursestart > 0).
 *   end   = endtime when given (absent or empty: not given):
 *             "0"                 0, the open end (as local_shop)
 *             digits              a Unix timestamp
 *             ISO 8601            date "2026-03-01" (midnight UTC),
 *                                 date-time "2026-03-01T09:30[:00[.fff]]" with
 *                                 "Z" or an offset "+01:00" / "+0100" / "+01";
 *                                 without offset the time is UTC; 'T' may be a
 *                                 space; fractions of a second are dropped.
 *             "+N" unit           relative to start: D days, H hours, W weeks,
 *                                 M calendar months in UTC (day of month kept,
 *                                 clamped to the month's last day: Jan 31 +1M
 *                                 is Feb 28/29); unit letters in either case.
 *                                 " N<unit>" is accepted too: it is what a raw
 *                                 "+N<unit>" becomes once '+' is URL-decoded.
 *           else, for a renewable product: start + duration days (duration
 *                 absent, empty or "0": 365 days);
 *           else 0 (open end).
 *   starttime accepts digits or ISO 8601 (not the relative form).
 *   A non-zero end must be after start (SS_WINDOW_E_ORDER).
 *   Every result lies in [0, SS_WINDOW_MAX_TIME].
 */
#ifndef SS_WINDOW_H
#define SS_WINDOW_H

#include "ss_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* 9999-12-31T23:59:59Z: the last second ISO 8601's four-digit years can name. */
#define SS_WINDOW_MAX_TIME ((int64_t)253402300799)
#define SS_WINDOW_DEFAULT_DURATION_DAYS 365

typedef enum ss_window_field {
	SS_WINDOW_F_NONE = 0,
	SS_WINDOW_F_STARTTIME,
	SS_WINDOW_F_ENDTIME,
	SS_WINDOW_F_DURATION,
	SS_WINDOW_F_NOW,          /* the now argument is out of range */
	SS_WINDOW_F_COURSESTART   /* the coursestart argument is out of range */
} ss_window_field;

typedef enum ss_window_status {
	SS_WINDOW_OK = 0,
	SS_WINDOW_E_SYNTAX,   /* not one of the accepted forms */
	SS_WINDOW_E_RANGE,    /* a well-formed value out of range: month 13, Feb 30, overflow, past 9999 */
	SS_WINDOW_E_ORDER     /* end not after start */
} ss_window_status;

/* A raw parameter value; ptr == NULL means the key is absent. Need not be NUL-terminated. */
typedef struct ss_window_str {
	const char *ptr;
	size_t len;
} ss_window_str;

typedef struct ss_window_input {
	ss_window_str starttime;
	ss_window_str endtime;
	ss_window_str duration;
	int64_t now;          /* production time, Unix seconds (>= 0) */
	int64_t coursestart;  /* course start date, 0 or negative: none */
	int renewable;        /* non-zero: the catalog item is renewable */
} ss_window_input;

typedef struct ss_window {
	int64_t start;
	int64_t end;          /* 0: open end */
} ss_window;

typedef struct ss_window_error {
	ss_window_status status;
	ss_window_field field;
	size_t offset;        /* byte offset of the fault inside the field's value */
} ss_window_error;

/*
 * Computes the window. On error err says which field and where; *out is
 * untouched, except for SS_WINDOW_E_ORDER where it holds the start and the end
 * that are out of order (for the message).
 */
ss_window_status ss_window_compute(const ss_window_input *in, ss_window *out, ss_window_error *err);

/* Kinds of a parsed endtime value. */
typedef enum ss_window_end_kind {
	SS_WINDOW_END_ABSENT = 0,  /* absent or empty */
	SS_WINDOW_END_OPEN,        /* "0" */
	SS_WINDOW_END_ABSOLUTE,    /* timestamp or ISO 8601 */
	SS_WINDOW_END_RELATIVE     /* +N unit */
} ss_window_end_kind;

typedef struct ss_window_end {
	ss_window_end_kind kind;
	int64_t time;     /* SS_WINDOW_END_ABSOLUTE */
	int64_t amount;   /* SS_WINDOW_END_RELATIVE: N */
	char unit;        /* SS_WINDOW_END_RELATIVE: 'D', 'H', 'W' or 'M' (upper case) */
} ss_window_end;

/*
 * Single-field parsers, for checks that want one value (shop_setup_check_params).
 * They return SS_WINDOW_OK or an error status and set *erroff to the byte
 * offset of the fault inside s.
 */
/* A timestamp (digits) or an ISO 8601 date / date-time; *out in [0, SS_WINDOW_MAX_TIME]. */
ss_window_status ss_window_parse_time(const char *s, size_t len, int64_t *out, size_t *erroff);
/* Every accepted endtime form (see above); len 0 gives SS_WINDOW_END_ABSENT. */
ss_window_status ss_window_parse_end(const char *s, size_t len, ss_window_end *out, size_t *erroff);
/* A duration in days: digits only, at most SS_WINDOW_MAX_TIME / 86400. */
ss_window_status ss_window_parse_days(const char *s, size_t len, int64_t *out, size_t *erroff);
/* start + amount units (see above); SS_WINDOW_E_RANGE when past SS_WINDOW_MAX_TIME. */
ss_window_status ss_window_add(int64_t start, int64_t amount, char unit, int64_t *out);

/* Stable names and English descriptions, for messages. */
const char *ss_window_field_name(ss_window_field f);       /* "starttime", ... */
const char *ss_window_status_message(ss_window_status st); /* "is out of range", ... */
/* What the field accepts: "a Unix timestamp or an ISO 8601 date or date-time ...". */
const char *ss_window_field_expects(ss_window_field f);

#ifdef __cplusplus
}
#endif
#endif
