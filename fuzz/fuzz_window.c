/*
 * libFuzzer harness (requires: ss_window.h): the enrolment window, ss_window_compute() and
 * the single-field parsers, on hostile starttime / endtime / duration strings.
 *
 * Input layout: 8 bytes now, 8 bytes coursestart, 1 byte flags (renewable,
 * which fields are present), 1 byte starttime length, 1 byte endtime length,
 * then starttime, endtime, and the rest is duration.
 *
 * Properties, with a calendar written here (Howard Hinnant's days/civil
 * algorithms, no code shared with the core):
 * - compute: an error names a field and an offset within that field's value;
 *   a window lies in [0, SS_WINDOW_MAX_TIME], its end is 0 or after its start,
 *   its start is not before the course start, an absent/empty starttime means
 *   max(now, coursestart), no endtime on a non-renewable product is the open end;
 * - parse_time: digits give their decimal value; any accepted value is in range;
 *   an instant printed as "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SSZ", "YYYY-MM-DD HH:MM"
 *   or with a "+HH:MM" / "-HHMM" offset parses back to itself;
 * - parse_end: "+N" with D, H, W or M equals ss_window_add(), and ss_window_add()
 *   equals the reference calendar (months clamp the day to the month's end).
 */
#include "fuzz_common.h"
#include "ss_window.h"

static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int64_t *m, int64_t *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int64_t days_in_month(int64_t y, int64_t m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dm[m - 1];
}

/* Reference of start + amount units; -1 when past SS_WINDOW_MAX_TIME. */
static int64_t ref_add(int64_t start, int64_t amount, char unit)
{
	int64_t r;
	if (amount < 0) return -1;
	if (unit == 'M') {
		int64_t y, m, d, tod = start % 86400, days = start / 86400, dim;
		civil_from_days(days, &y, &m, &d);
		if (amount > 12 * 10000) return -1;
		m += amount;
		y += (m - 1) / 12;
		m = (m - 1) % 12 + 1;
		dim = days_in_month(y, m);
		if (d > dim) d = dim;
		r = days_from_civil(y, m, d) * 86400 + tod;
	} else {
		int64_t u = unit == 'D' ? 86400 : unit == 'H' ? 3600 : 604800;
		if (amount > SS_WINDOW_MAX_TIME / u) return -1;
		r = start + amount * u;
	}
	return r > SS_WINDOW_MAX_TIME ? -1 : r;
}

static int64_t rd64(const uint8_t *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++) v = (v << 8) | p[i];
	return (int64_t)v;
}

static void check_roundtrip(int64_t t, int form, int offmin)
{
	char buf[64];
	int64_t y, m, d, got;
	size_t eo = 0, n;
	int64_t local, days, sod;
	ss_window_status st;

	if (t < 0 || t > SS_WINDOW_MAX_TIME) return;
	if (form < 3) offmin = 0;
	local = t + (int64_t)offmin * 60;
	if (local < 0) local = t, offmin = 0;
	days = local / 86400;
	sod = local % 86400;
	civil_from_days(days, &y, &m, &d);
	if (y > 9999) return;
	switch (form) {
	case 0:
		n = (size_t)snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", (long long)y, (long long)m, (long long)d);
		local = days * 86400;
		break;
	case 1:
		n = (size_t)snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", (long long)y, (long long)m, (long long)d,
			(long long)(sod / 3600), (long long)(sod / 60 % 60), (long long)(sod % 60));
		break;
	case 2:
		n = (size_t)snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld %02lld:%02lld", (long long)y, (long long)m, (long long)d,
			(long long)(sod / 3600), (long long)(sod / 60 % 60));
		local -= sod % 60;
		break;
	default:
		n = (size_t)snprintf(buf, sizeof buf, form == 3 ? "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld%c%02d:%02d" : "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld%c%02d%02d",
			(long long)y, (long long)m, (long long)d, (long long)(sod / 3600), (long long)(sod / 60 % 60), (long long)(sod % 60),
			offmin < 0 ? '-' : '+', abs(offmin) / 60, abs(offmin) % 60);
		break;
	}
	int64_t want = local - (int64_t)offmin * 60;
	if (want < 0 || want > SS_WINDOW_MAX_TIME) return;
	st = ss_window_parse_time(buf, n, &got, &eo);
	FUZZ_ASSERT(st == SS_WINDOW_OK && got == want, "\"%s\": status %d, %lld, want %lld", buf, st, (long long)got, (long long)want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ss_window_input in;
	ss_window out;
	ss_window_error err;
	ss_window_status st;
	size_t sl, el, rest;
	const char *p;

	if (size < 19) return 0;
	memset(&in, 0, sizeof in);
	in.now = rd64(data);
	in.coursestart = rd64(data + 8);
	/* Mostly plausible times, sometimes anything at all. */
	if (!(data[16] & 0x80)) {
		in.now = (int64_t)((uint64_t)in.now % (uint64_t)(SS_WINDOW_MAX_TIME + 1));
		in.coursestart = (int64_t)((uint64_t)in.coursestart % (uint64_t)(SS_WINDOW_MAX_TIME + 1)) - (data[16] & 0x40 ? 1000 : 0);
	}
	in.renewable = data[16] & 1;
	p = (const char *)data + 19;
	rest = size - 19;
	sl = data[17] % (rest + 1);
	el = data[18] % (rest - sl + 1);
	if (data[16] & 2) { in.starttime.ptr = p; in.starttime.len = sl; }
	if (data[16] & 4) { in.endtime.ptr = p + sl; in.endtime.len = el; }
	if (data[16] & 8) { in.duration.ptr = p + sl + el; in.duration.len = rest - sl - el; }

	memset(&out, 0, sizeof out);
	st = ss_window_compute(&in, &out, &err);
	FUZZ_ASSERT(err.status == st, "err.status %d, returned %d", err.status, st);
	if (st != SS_WINDOW_OK) {
		size_t flen = err.field == SS_WINDOW_F_STARTTIME ? in.starttime.len
			: err.field == SS_WINDOW_F_ENDTIME ? in.endtime.len
			: err.field == SS_WINDOW_F_DURATION ? in.duration.len : 0;
		FUZZ_ASSERT(err.field >= SS_WINDOW_F_STARTTIME && err.field <= SS_WINDOW_F_COURSESTART, "error names no field");
		FUZZ_ASSERT(err.offset <= flen, "error offset %zu outside the %zu-byte value of %s", err.offset, flen, ss_window_field_name(err.field));
		FUZZ_ASSERT(ss_window_status_message(st) != NULL && ss_window_field_expects(err.field) != NULL, "messages");
	} else {
		int64_t eff_now = in.coursestart > in.now ? in.coursestart : in.now;
		FUZZ_ASSERT(out.start >= 0 && out.start <= SS_WINDOW_MAX_TIME, "start %lld out of range", (long long)out.start);
		FUZZ_ASSERT(out.end >= 0 && out.end <= SS_WINDOW_MAX_TIME, "end %lld out of range", (long long)out.end);
		FUZZ_ASSERT(out.end == 0 || out.end > out.start, "end %lld not after start %lld", (long long)out.end, (long long)out.start);
		if (in.coursestart > 0) FUZZ_ASSERT(out.start >= in.coursestart, "start before the course start");
		if (!in.starttime.ptr || in.starttime.len == 0) FUZZ_ASSERT(out.start == eff_now, "no starttime: start %lld, want %lld", (long long)out.start, (long long)eff_now);
		if ((!in.endtime.ptr || in.endtime.len == 0) && !in.renewable) FUZZ_ASSERT(out.end == 0, "no endtime, not renewable: end %lld", (long long)out.end);
	}

	/* Single parsers on the starttime bytes. */
	{
		int64_t t = -1;
		size_t eo = 0, i;
		int digits = sl > 0;
		st = ss_window_parse_time(p, sl, &t, &eo);
		for (i = 0; i < sl; i++) if (p[i] < '0' || p[i] > '9') digits = 0;
		if (st == SS_WINDOW_OK) {
			FUZZ_ASSERT(t >= 0 && t <= SS_WINDOW_MAX_TIME, "time %lld out of range", (long long)t);
		} else {
			FUZZ_ASSERT(eo <= sl, "parse_time offset %zu outside %zu bytes", eo, sl);
		}
		if (digits) {
			uint64_t v = 0;
			int over = 0;
			for (i = 0; i < sl; i++) {
				if (v > (UINT64_MAX - 9) / 10) over = 1;
				v = v * 10 + (uint64_t)(p[i] - '0');
			}
			/* At most 12 digits (documented bound of the scan), leading zeros or not. */
			if (!over && v <= (uint64_t)SS_WINDOW_MAX_TIME && sl <= 12) {
				FUZZ_ASSERT(st == SS_WINDOW_OK && t == (int64_t)v, "digits %.*s gave status %d, %lld", (int)sl, p, st, (long long)t);
			} else {
				FUZZ_ASSERT(st != SS_WINDOW_OK, "digits past the range accepted");
			}
		}
	}
	{
		ss_window_end e;
		size_t eo = 0;
		memset(&e, 0, sizeof e);
		st = ss_window_parse_end(p + sl, el, &e, &eo);
		if (st != SS_WINDOW_OK) {
			FUZZ_ASSERT(eo <= el, "parse_end offset %zu outside %zu bytes", eo, el);
		} else if (e.kind == SS_WINDOW_END_RELATIVE && in.now >= 0 && in.now <= SS_WINDOW_MAX_TIME) {
			int64_t r = -2, base = in.now;
			ss_window_status ast;
			FUZZ_ASSERT(e.unit == 'D' || e.unit == 'H' || e.unit == 'W' || e.unit == 'M', "unit %c", e.unit);
			FUZZ_ASSERT(e.amount >= 0, "negative amount");
			ast = ss_window_add(base, e.amount, e.unit, &r);
			int64_t want = ref_add(base, e.amount, e.unit);
			FUZZ_ASSERT((ast == SS_WINDOW_OK) == (want >= 0), "add(%lld, %lld%c): status %d, reference %lld", (long long)base, (long long)e.amount, e.unit, ast, (long long)want);
			if (ast == SS_WINDOW_OK) FUZZ_ASSERT(r == want, "add(%lld, %lld%c) = %lld, reference %lld", (long long)base, (long long)e.amount, e.unit, (long long)r, (long long)want);
		} else if (e.kind == SS_WINDOW_END_ABSOLUTE) {
			FUZZ_ASSERT(e.time >= 0 && e.time <= SS_WINDOW_MAX_TIME, "end time out of range");
		}
	}

	/* Printed instants parse back. */
	check_roundtrip(in.now, data[17] % 5, (int)(data[18] % 29) * 60 - 14 * 60 + (data[18] & 1) * 30);
	return 0;
}
