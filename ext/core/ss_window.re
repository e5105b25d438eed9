/* shop_setup core: the enrolment window (re2c lexer of the time forms). Generated C is not committed. */
#include "ss_window.h"

#include <string.h>

typedef unsigned char uchar;

#define SS_DAY 86400
#define SS_MAX_DAYS (SS_WINDOW_MAX_TIME / SS_DAY)

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static int64_t ss_days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse (civil_from_days). */
static void ss_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int ss_is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int ss_month_days(int64_t y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && ss_is_leap(y) ? 29 : days[m - 1];
}

/* Value of n ASCII digits (the lexer guarantees they are digits). */
static int ss_digits(const uchar *p, int n)
{
	int v = 0;
	while (n-- > 0) v = v * 10 + (*p++ - '0');
	return v;
}

/* Decimal digits to int64 with an upper bound; -1 when above max. */
static int64_t ss_bounded(const uchar *p, const uchar *e, int64_t max)
{
	int64_t v = 0;
	for (; p < e; p++) {
		if (v > (max - (*p - '0')) / 10) return -1;
		v = v * 10 + (*p - '0');
	}
	return v;
}

const char *ss_window_field_name(ss_window_field f)
{
	switch (f) {
	case SS_WINDOW_F_NONE: return "";
	case SS_WINDOW_F_STARTTIME: return "starttime";
	case SS_WINDOW_F_ENDTIME: return "endtime";
	case SS_WINDOW_F_DURATION: return "duration";
	case SS_WINDOW_F_NOW: return "now";
	case SS_WINDOW_F_COURSESTART: return "coursestart";
	}
	return "";
}

const char *ss_window_status_message(ss_window_status st)
{
	switch (st) {
	case SS_WINDOW_OK: return "ok";
	case SS_WINDOW_E_SYNTAX: return "is not in an accepted form";
	case SS_WINDOW_E_RANGE: return "is out of range";
	case SS_WINDOW_E_ORDER: return "is not after the start";
	}
	return "unknown";
}

const char *ss_window_field_expects(ss_window_field f)
{
	switch (f) {
	case SS_WINDOW_F_STARTTIME:
		return "a Unix timestamp or an ISO 8601 date or date-time between 1970 and 9999";
	case SS_WINDOW_F_ENDTIME:
		return "a Unix timestamp, an ISO 8601 date or date-time between 1970 and 9999, "
			"or +N followed by D, H, W or M";
	case SS_WINDOW_F_DURATION:
		return "a whole number of days";
	case SS_WINDOW_F_NOW:
	case SS_WINDOW_F_COURSESTART:
		return "a Unix timestamp between 0 and 253402300799";
	case SS_WINDOW_F_NONE:
		break;
	}
	return "";
}

ss_window_status ss_window_add(int64_t start, int64_t amount, char unit, int64_t *out)
{
	int64_t step, r;

	if (start < 0 || start > SS_WINDOW_MAX_TIME || amount < 0) return SS_WINDOW_E_RANGE;
	switch (unit) {
	case 'H': case 'h': step = 3600; break;
	case 'D': case 'd': step = SS_DAY; break;
	case 'W': case 'w': step = 7 * SS_DAY; break;
	case 'M': case 'm': {
		/* Calendar months in UTC: same day of month and time of day, clamped to the month's end. */
		int64_t y, days = start / SS_DAY, secs = start % SS_DAY, mi;
		int m, d, dim;
		if (amount > 12 * 10000) return SS_WINDOW_E_RANGE;
		ss_civil_from_days(days, &y, &m, &d);
		mi = y * 12 + (m - 1) + amount;
		y = mi / 12;
		m = (int)(mi % 12) + 1;
		if (y > 9999) return SS_WINDOW_E_RANGE;
		dim = ss_month_days(y, m);
		if (d > dim) d = dim;
		r = ss_days_from_civil(y, m, d) * SS_DAY + secs;
		if (r > SS_WINDOW_MAX_TIME) return SS_WINDOW_E_RANGE;
		*out = r;
		return SS_WINDOW_OK;
	}
	default:
		return SS_WINDOW_E_SYNTAX;
	}
	if (amount > (SS_WINDOW_MAX_TIME - start) / step) return SS_WINDOW_E_RANGE;
	*out = start + amount * step;
	return SS_WINDOW_OK;
}

/*
 * Validates the fixed-width fields of an ISO 8601 date-time whose first byte is
 * s, and returns its UTC time. n is 10 (date), 16 (hh:mm) or 19+ (hh:mm:ss).
 * zone points at the offset sign (or is NULL for UTC / 'Z'); zlen is 3, 5 or 6.
 */
static ss_window_status ss_iso(const uchar *s, size_t n, const uchar *zone, size_t zlen, int64_t *out, size_t *erroff)
{
	int64_t y = ss_digits(s, 4), t;
	int mo = ss_digits(s + 5, 2), d = ss_digits(s + 8, 2), h = 0, mi = 0, sec = 0;

	if (mo < 1 || mo > 12) { *erroff = 5; return SS_WINDOW_E_RANGE; }
	if (d < 1 || d > ss_month_days(y, mo)) { *erroff = 8; return SS_WINDOW_E_RANGE; }
	if (n >= 16) {
		h = ss_digits(s + 11, 2);
		mi = ss_digits(s + 14, 2);
		if (h > 23) { *erroff = 11; return SS_WINDOW_E_RANGE; }
		if (mi > 59) { *erroff = 14; return SS_WINDOW_E_RANGE; }
	}
	if (n >= 19) {
		sec = ss_digits(s + 17, 2);
		if (sec > 59) { *erroff = 17; return SS_WINDOW_E_RANGE; }
	}
	t = ss_days_from_civil(y, mo, d) * SS_DAY + h * 3600 + mi * 60 + sec;
	if (zone) {
		size_t zo = (size_t)(zone - s);
		int zh = ss_digits(zone + 1, 2), zm = 0;
		if (zlen == 5) zm = ss_digits(zone + 3, 2);
		if (zlen == 6) zm = ss_digits(zone + 4, 2);
		if (zh > 23) { *erroff = zo + 1; return SS_WINDOW_E_RANGE; }
		if (zm > 59) { *erroff = zo + (zlen == 6 ? 4 : 3); return SS_WINDOW_E_RANGE; }
		/* Local time = UTC + offset, so UTC = local - offset. A space stands for a decoded '+'. */
		t += (*zone == '-' ? 1 : -1) * (int64_t)(zh * 3600 + zm * 60);
	}
	if (t < 0 || t > SS_WINDOW_MAX_TIME) { *erroff = 0; return SS_WINDOW_E_RANGE; }
	*out = t;
	return SS_WINDOW_OK;
}

static int ss_dig(uchar c) { return c >= '0' && c <= '9'; }

/*
 * Offset of the first byte that no accepted form can continue with: a precise
 * position for syntax errors (the lexer only knows where its longest match ended).
 */
static size_t ss_window_syntax_offset(const uchar *s, size_t len, int allow_relative)
{
	static const char tpl[] = "dddd-dd-ddTdd:dd";
	size_t i = 0;

	if (len == 0) return 0;
	if (s[0] == '+' || s[0] == ' ') {
		if (!allow_relative) return 0;
		for (i = 1; i < len && ss_dig(s[i]); i++);
		if (i == 1 || i == len || !strchr("DHWMdhwm", s[i]) || s[i] == 0) return i;
		return i + 1;
	}
	for (i = 0; i < len && ss_dig(s[i]); i++);
	if (i == len || i != 4 || s[4] != '-') return i;
	/* ISO 8601: the fixed part, then optional seconds, fraction and zone. */
	for (i = 0; i < sizeof(tpl) - 1; i++) {
		if (i >= len) return len;
		if (tpl[i] == 'd' ? !ss_dig(s[i]) : tpl[i] == 'T' ? !(s[i] == 'T' || s[i] == 't' || s[i] == ' ') : s[i] != (uchar)tpl[i]) {
			return i;
		}
		if (i == 9 && len == 10) return len;
	}
	if (i < len && s[i] == ':') {
		if (i + 1 >= len || !ss_dig(s[i + 1])) return i + 1;
		if (i + 2 >= len || !ss_dig(s[i + 2])) return i + 2;
		i += 3;
		if (i < len && (s[i] == '.' || s[i] == ',')) {
			size_t b = ++i;
			while (i < len && ss_dig(s[i])) i++;
			if (i == b) return i;
		}
	}
	if (i >= len) return len;
	if (s[i] == 'Z' || s[i] == 'z') return i + 1;
	if (s[i] != '+' && s[i] != '-' && s[i] != ' ') return i;
	i++;
	if (i >= len || !ss_dig(s[i])) return i;
	if (i + 1 >= len || !ss_dig(s[i + 1])) return i + 1;
	i += 2;
	if (i < len && s[i] == ':') i++;
	if (i >= len) return i;
	if (!ss_dig(s[i])) return i;
	if (i + 1 >= len || !ss_dig(s[i + 1])) return i + 1;
	return i + 2;
}

/* The lexer: classifies the whole of s[0..len) as one of the accepted forms. */
static ss_window_status ss_window_lex(const char *str, size_t len, int allow_relative, ss_window_end *out, size_t *erroff)
{
	const uchar *s = (const uchar *)str, *cur = s, *lim = s + len, *mar = s;
	size_t zlen = 0;
	int64_t v;

	memset(out, 0, sizeof(*out));
	if (len == 0) {
		out->kind = SS_WINDOW_END_ABSENT;
		return SS_WINDOW_OK;
	}
#define SS_WHOLE() do { if (cur != lim) { *erroff = ss_window_syntax_offset(s, len, allow_relative); return SS_WINDOW_E_SYNTAX; } } while (0)
	/*!re2c
		re2c:define:YYCTYPE = "uchar";
		re2c:yyfill:enable = 0;
		re2c:api = custom;
		re2c:api:style = free-form;
		re2c:define:YYPEEK = "(cur < lim ? *cur : 0)";
		re2c:define:YYSKIP = "++cur;";
		re2c:define:YYBACKUP = "mar = cur;";
		re2c:define:YYRESTORE = "cur = mar;";

		d = [0-9];
		date = d{4} "-" d{2} "-" d{2};
		hm = d{2} ":" d{2};
		hms = hm ":" d{2};
		frac = [.,] d+;
		sign = [-+ ];

		[0-9]+ {
			SS_WHOLE();
			/* At most 12 digits, leading zeros included: the scan stays bounded. */
			if (cur - s > 12 || (v = ss_bounded(s, cur, SS_WINDOW_MAX_TIME)) < 0) {
				*erroff = 0;
				return SS_WINDOW_E_RANGE;
			}
			out->kind = v == 0 ? SS_WINDOW_END_OPEN : SS_WINDOW_END_ABSOLUTE;
			out->time = v;
			return SS_WINDOW_OK;
		}
		[+ ] [0-9]+ [DdHhWwMm] {
			SS_WHOLE();
			if (!allow_relative) { *erroff = 0; return SS_WINDOW_E_SYNTAX; }
			if (cur - s > 14 || (v = ss_bounded(s + 1, cur - 1, SS_WINDOW_MAX_TIME)) < 0) {
				*erroff = 1;
				return SS_WINDOW_E_RANGE;
			}
			out->kind = SS_WINDOW_END_RELATIVE;
			out->amount = v;
			out->unit = (char)(cur[-1] & ~0x20);
			return SS_WINDOW_OK;
		}
		date { SS_WHOLE(); zlen = 0; goto iso_utc; }
		date [Tt ] (hm | hms | hms frac) [Zz]? { SS_WHOLE(); goto iso_utc; }
		date [Tt ] (hm | hms | hms frac) sign d{2} { SS_WHOLE(); zlen = 3; goto iso_zone; }
		date [Tt ] (hm | hms | hms frac) sign d{4} { SS_WHOLE(); zlen = 5; goto iso_zone; }
		date [Tt ] (hm | hms | hms frac) sign d{2} ":" d{2} { SS_WHOLE(); zlen = 6; goto iso_zone; }
		* { *erroff = ss_window_syntax_offset(s, len, allow_relative); return SS_WINDOW_E_SYNTAX; }
	*/
#undef SS_WHOLE

iso_utc:
	{
		size_t n = len;
		if (lim[-1] == 'Z' || lim[-1] == 'z') n--;
		if (ss_iso(s, n, NULL, 0, &out->time, erroff) != SS_WINDOW_OK) return SS_WINDOW_E_RANGE;
		out->kind = SS_WINDOW_END_ABSOLUTE;
		return SS_WINDOW_OK;
	}
iso_zone:
	if (ss_iso(s, len - zlen, lim - zlen, zlen, &out->time, erroff) != SS_WINDOW_OK) return SS_WINDOW_E_RANGE;
	out->kind = SS_WINDOW_END_ABSOLUTE;
	return SS_WINDOW_OK;
}

ss_window_status ss_window_parse_time(const char *s, size_t len, int64_t *out, size_t *erroff)
{
	ss_window_end e;
	ss_window_status st;

	*erroff = 0;
	if (len == 0) return SS_WINDOW_E_SYNTAX;
	st = ss_window_lex(s, len, 0, &e, erroff);
	if (st != SS_WINDOW_OK) return st;
	*out = e.kind == SS_WINDOW_END_OPEN ? 0 : e.time;
	return SS_WINDOW_OK;
}

ss_window_status ss_window_parse_end(const char *s, size_t len, ss_window_end *out, size_t *erroff)
{
	*erroff = 0;
	return ss_window_lex(s, len, 1, out, erroff);
}

ss_window_status ss_window_parse_days(const char *str, size_t len, int64_t *out, size_t *erroff)
{
	const uchar *s = (const uchar *)str;
	size_t i;
	int64_t v;

	*erroff = 0;
	if (len == 0) return SS_WINDOW_E_SYNTAX;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9') {
			*erroff = i;
			return SS_WINDOW_E_SYNTAX;
		}
	}
	if (len > 12 || (v = ss_bounded(s, s + len, SS_MAX_DAYS)) < 0) return SS_WINDOW_E_RANGE;
	*out = v;
	return SS_WINDOW_OK;
}

ss_window_status ss_window_compute(const ss_window_input *in, ss_window *out, ss_window_error *err)
{
	ss_window_end e;
	int64_t start = 0, end, days = SS_WINDOW_DEFAULT_DURATION_DAYS;
	ss_window_status st;

	memset(err, 0, sizeof(*err));
#define SS_WFAIL(f, code) do { err->field = (f); err->status = (code); return (code); } while (0)
	if (in->now < 0 || in->now > SS_WINDOW_MAX_TIME) SS_WFAIL(SS_WINDOW_F_NOW, SS_WINDOW_E_RANGE);
	if (in->coursestart > SS_WINDOW_MAX_TIME) SS_WFAIL(SS_WINDOW_F_COURSESTART, SS_WINDOW_E_RANGE);

	if (in->starttime.ptr && in->starttime.len > 0) {
		st = ss_window_parse_time(in->starttime.ptr, in->starttime.len, &start, &err->offset);
		if (st != SS_WINDOW_OK) SS_WFAIL(SS_WINDOW_F_STARTTIME, st);
	}
	/* local_shop: empty(starttime) means now; "0" is empty. */
	if (start == 0) start = in->now;
	if (in->coursestart > start) start = in->coursestart;

	/* Parse every given field before deciding, so that a bad value is reported even when unused. */
	if (in->duration.ptr && in->duration.len > 0) {
		st = ss_window_parse_days(in->duration.ptr, in->duration.len, &days, &err->offset);
		if (st != SS_WINDOW_OK) SS_WFAIL(SS_WINDOW_F_DURATION, st);
		if (days == 0) days = SS_WINDOW_DEFAULT_DURATION_DAYS;
	}
	e.kind = SS_WINDOW_END_ABSENT;
	if (in->endtime.ptr) {
		st = ss_window_parse_end(in->endtime.ptr, in->endtime.len, &e, &err->offset);
		if (st != SS_WINDOW_OK) SS_WFAIL(SS_WINDOW_F_ENDTIME, st);
	}

	switch (e.kind) {
	case SS_WINDOW_END_OPEN:
		end = 0;
		break;
	case SS_WINDOW_END_ABSOLUTE:
		end = e.time;
		break;
	case SS_WINDOW_END_RELATIVE:
		if (ss_window_add(start, e.amount, e.unit, &end) != SS_WINDOW_OK) {
			err->offset = 1;
			SS_WFAIL(SS_WINDOW_F_ENDTIME, SS_WINDOW_E_RANGE);
		}
		break;
	case SS_WINDOW_END_ABSENT:
	default:
		if (!in->renewable) {
			end = 0;
		} else if (ss_window_add(start, days, 'D', &end) != SS_WINDOW_OK) {
			err->offset = 0;
			SS_WFAIL(SS_WINDOW_F_DURATION, SS_WINDOW_E_RANGE);
		}
		break;
	}
	/* 0 is the open end, unless an absolute form named the epoch itself ("1970-01-01"). */
	if ((end != 0 || e.kind == SS_WINDOW_END_ABSOLUTE) && end <= start) {
		err->offset = 0;
		out->start = start;
		out->end = end;
		SS_WFAIL(e.kind == SS_WINDOW_END_ABSENT ? SS_WINDOW_F_DURATION : SS_WINDOW_F_ENDTIME, SS_WINDOW_E_ORDER);
	}
#undef SS_WFAIL
	out->start = start;
	out->end = end;
	return SS_WINDOW_OK;
}
