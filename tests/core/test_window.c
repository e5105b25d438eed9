/* C unit tests of the enrolment window core, without PHP. */
#include "ss_window.h"
#include "ss_test.h"

#define DAY 86400
/* 2026-01-31T10:00:00Z */
#define T0 ((int64_t)1769853600)

static ss_window_str S(const char *s)
{
	ss_window_str r;
	r.ptr = s;
	r.len = s ? strlen(s) : 0;
	return r;
}

static ss_window_status win(const char *st, const char *et, const char *du, int64_t now, int64_t cs, int ren,
	ss_window *w, ss_window_error *e)
{
	ss_window_input in;
	in.starttime = S(st);
	in.endtime = S(et);
	in.duration = S(du);
	in.now = now;
	in.coursestart = cs;
	in.renewable = ren;
	w->start = w->end = -1;
	return ss_window_compute(&in, w, e);
}

static int64_t t(const char *s)
{
	int64_t v = -1;
	size_t off;
	if (ss_window_parse_time(s, strlen(s), &v, &off) != SS_WINDOW_OK) return -1;
	return v;
}

static ss_window_status tstat(const char *s, size_t *off)
{
	int64_t v;
	return ss_window_parse_time(s, strlen(s), &v, off);
}

int main(void)
{
	ss_window w;
	ss_window_error e;
	ss_window_end en;
	size_t off;
	int64_t v;

	/* local_shop's meaning. */
	SS_CHECK(win(NULL, NULL, NULL, T0, 0, 0, &w, &e) == SS_WINDOW_OK && w.start == T0 && w.end == 0);
	SS_CHECK(win(NULL, NULL, NULL, T0, 0, 1, &w, &e) == SS_WINDOW_OK && w.end == T0 + 365 * DAY);
	SS_CHECK(win(NULL, NULL, "30", T0, 0, 1, &w, &e) == SS_WINDOW_OK && w.end == T0 + 30 * DAY);
	SS_CHECK(win(NULL, NULL, "0", T0, 0, 1, &w, &e) == SS_WINDOW_OK && w.end == T0 + 365 * DAY);
	SS_CHECK(win(NULL, NULL, "30", T0, 0, 0, &w, &e) == SS_WINDOW_OK && w.end == 0);
	SS_CHECK(win("0", NULL, NULL, T0, 0, 0, &w, &e) == SS_WINDOW_OK && w.start == T0);
	SS_CHECK(win("", "", "", T0, 0, 1, &w, &e) == SS_WINDOW_OK && w.start == T0 && w.end == T0 + 365 * DAY);
	SS_CHECK(win("1800000000", NULL, NULL, T0, 0, 0, &w, &e) == SS_WINDOW_OK && w.start == 1800000000);
	/* Never before the course start. */
	SS_CHECK(win("1800000000", NULL, NULL, T0, 1800000500, 0, &w, &e) == SS_WINDOW_OK && w.start == 1800000500);
	SS_CHECK(win(NULL, NULL, NULL, T0, T0 - 10, 0, &w, &e) == SS_WINDOW_OK && w.start == T0);
	SS_CHECK(win(NULL, NULL, NULL, T0, -5, 0, &w, &e) == SS_WINDOW_OK && w.start == T0);
	/* endtime wins over duration, "0" is the open end even for a renewable product. */
	SS_CHECK(win(NULL, "1800000000", "30", T0, 0, 1, &w, &e) == SS_WINDOW_OK && w.end == 1800000000);
	SS_CHECK(win(NULL, "0", "30", T0, 0, 1, &w, &e) == SS_WINDOW_OK && w.end == 0);

	/* Relative forms, measured from the start (after the course-start push). */
	SS_CHECK(win(NULL, "+10D", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_OK && w.end == T0 + 10 * DAY);
	SS_CHECK(win(NULL, " 10d", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_OK && w.end == T0 + 10 * DAY);
	SS_CHECK(win(NULL, "+36H", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_OK && w.end == T0 + 36 * 3600);
	SS_CHECK(win(NULL, "+2W", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_OK && w.end == T0 + 14 * DAY);
	SS_CHECK(win(NULL, "+10D", NULL, T0, T0 + DAY, 0, &w, &e) == SS_WINDOW_OK && w.end == T0 + 11 * DAY);
	/* Months: Jan 31 + 1 month is Feb 28 (2026 is not a leap year), same time of day. */
	SS_CHECK(win(NULL, "+1M", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_OK && w.end == t("2026-02-28T10:00:00Z"));
	SS_CHECK(win(NULL, "+13M", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_OK && w.end == t("2027-02-28T10:00:00Z"));
	SS_CHECK(win(NULL, "+25M", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_OK && w.end == t("2028-02-29T10:00:00Z"));
	SS_CHECK(win(NULL, "+12m", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_OK && w.end == t("2027-01-31T10:00:00Z"));
	SS_CHECK(ss_window_add(t("2026-03-15T00:00:00Z"), 1, 'M', &v) == SS_WINDOW_OK && v == t("2026-04-15"));
	SS_CHECK(ss_window_add(t("2026-12-31T23:59:59Z"), 2, 'M', &v) == SS_WINDOW_OK && v == t("2027-02-28T23:59:59Z"));
	SS_CHECK(ss_window_add(SS_WINDOW_MAX_TIME - 10, 1, 'M', &v) == SS_WINDOW_E_RANGE);
	SS_CHECK(ss_window_add(SS_WINDOW_MAX_TIME - 10, 1, 'H', &v) == SS_WINDOW_E_RANGE);
	SS_CHECK(ss_window_add(0, 1, 'X', &v) == SS_WINDOW_E_SYNTAX);

	/* ISO 8601. */
	SS_CHECK(t("1970-01-01T00:00:01Z") == 1);
	SS_CHECK(t("2026-01-31") == T0 - 10 * 3600);
	SS_CHECK(t("2026-01-31T10:00:00Z") == T0);
	SS_CHECK(t("2026-01-31t10:00:00z") == T0);
	SS_CHECK(t("2026-01-31 10:00") == T0);
	SS_CHECK(t("2026-01-31T10:00:00") == T0);
	SS_CHECK(t("2026-01-31T10:00:00.999Z") == T0);
	SS_CHECK(t("2026-01-31T10:00:00,5") == T0);
	SS_CHECK(t("2026-01-31T11:00:00+01:00") == T0);
	SS_CHECK(t("2026-01-31T11:00:00 01:00") == T0); /* '+' URL-decoded to a space */
	SS_CHECK(t("2026-01-31T11:30+0130") == T0);
	SS_CHECK(t("2026-01-31T08:00:00-02") == T0);
	SS_CHECK(t("2024-02-29") > 0);
	SS_CHECK(t("9999-12-31T23:59:59Z") == SS_WINDOW_MAX_TIME);
	SS_CHECK(t("0") == 0 && t("00012") == 12);
	SS_CHECK(t("001800000000") == 1800000000 && t("0001800000000") == -1); /* at most 12 digits */

	/* Range errors name the component. */
	SS_CHECK(tstat("2026-13-01", &off) == SS_WINDOW_E_RANGE && off == 5);
	SS_CHECK(tstat("2026-02-29", &off) == SS_WINDOW_E_RANGE && off == 8);
	SS_CHECK(tstat("2026-02-00", &off) == SS_WINDOW_E_RANGE && off == 8);
	SS_CHECK(tstat("2026-01-01T24:00", &off) == SS_WINDOW_E_RANGE && off == 11);
	SS_CHECK(tstat("2026-01-01T23:60", &off) == SS_WINDOW_E_RANGE && off == 14);
	SS_CHECK(tstat("2026-01-01T23:00:60", &off) == SS_WINDOW_E_RANGE && off == 17);
	SS_CHECK(tstat("2026-01-01T23:00+24:00", &off) == SS_WINDOW_E_RANGE && off == 17);
	SS_CHECK(tstat("2026-01-01T23:00+01:60", &off) == SS_WINDOW_E_RANGE && off == 20);
	SS_CHECK(tstat("1970-01-01T00:00+01:00", &off) == SS_WINDOW_E_RANGE && off == 0);
	SS_CHECK(tstat("253402300800", &off) == SS_WINDOW_E_RANGE);
	SS_CHECK(tstat("99999999999999999999999", &off) == SS_WINDOW_E_RANGE);
	/* Syntax errors point at the first byte that does not fit. */
	SS_CHECK(tstat("12x", &off) == SS_WINDOW_E_SYNTAX && off == 2);
	SS_CHECK(tstat("x", &off) == SS_WINDOW_E_SYNTAX && off == 0);
	SS_CHECK(tstat("-5", &off) == SS_WINDOW_E_SYNTAX && off == 0);
	SS_CHECK(tstat("2026-1-5", &off) == SS_WINDOW_E_SYNTAX);
	SS_CHECK(tstat("2026-01-05T", &off) == SS_WINDOW_E_SYNTAX && off == 11); /* ends too early */
	SS_CHECK(tstat("2026-01-05Z", &off) == SS_WINDOW_E_SYNTAX && off == 10);
	SS_CHECK(tstat("2026-01-05T10:00+1", &off) == SS_WINDOW_E_SYNTAX);
	SS_CHECK(tstat("+5D", &off) == SS_WINDOW_E_SYNTAX && off == 0); /* relative only for endtime */
	SS_CHECK(tstat("", &off) == SS_WINDOW_E_SYNTAX);
	SS_CHECK(ss_window_parse_time("12\0" "3", 4, &v, &off) == SS_WINDOW_E_SYNTAX && off == 2);
	SS_CHECK(tstat("2026-1-05", &off) == SS_WINDOW_E_SYNTAX && off == 6);
	SS_CHECK(tstat("2026/01/05", &off) == SS_WINDOW_E_SYNTAX && off == 4);
	SS_CHECK(tstat("2026-01-05X10:00", &off) == SS_WINDOW_E_SYNTAX && off == 10);
	SS_CHECK(tstat("2026-01-05T10:0", &off) == SS_WINDOW_E_SYNTAX && off == 15);
	SS_CHECK(tstat("2026-01-05T10:00:0", &off) == SS_WINDOW_E_SYNTAX && off == 18);
	SS_CHECK(tstat("2026-01-05T10:00:00.", &off) == SS_WINDOW_E_SYNTAX && off == 20);
	SS_CHECK(tstat("2026-01-05T10:00:00Zx", &off) == SS_WINDOW_E_SYNTAX && off == 20);
	SS_CHECK(tstat("2026-01-05T10:00+01:0", &off) == SS_WINDOW_E_SYNTAX && off == 21);
	SS_CHECK(tstat("2026-01-05T10:00+01:00x", &off) == SS_WINDOW_E_SYNTAX && off == 22);
	SS_CHECK(tstat("2026-01-05T10:00x", &off) == SS_WINDOW_E_SYNTAX && off == 16);

	/* endtime forms. */
	SS_CHECK(ss_window_parse_end("", 0, &en, &off) == SS_WINDOW_OK && en.kind == SS_WINDOW_END_ABSENT);
	SS_CHECK(ss_window_parse_end("0", 1, &en, &off) == SS_WINDOW_OK && en.kind == SS_WINDOW_END_OPEN);
	SS_CHECK(ss_window_parse_end("+3w", 3, &en, &off) == SS_WINDOW_OK && en.kind == SS_WINDOW_END_RELATIVE
		&& en.amount == 3 && en.unit == 'W');
	SS_CHECK(ss_window_parse_end("+3Y", 3, &en, &off) == SS_WINDOW_E_SYNTAX);
	SS_CHECK(ss_window_parse_end("+D", 2, &en, &off) == SS_WINDOW_E_SYNTAX);
	SS_CHECK(ss_window_parse_end("+3D ", 4, &en, &off) == SS_WINDOW_E_SYNTAX && off == 3);
	SS_CHECK(ss_window_parse_end("+30 D", 5, &en, &off) == SS_WINDOW_E_SYNTAX && off == 3);
	SS_CHECK(ss_window_parse_end("+", 1, &en, &off) == SS_WINDOW_E_SYNTAX && off == 1);
	SS_CHECK(ss_window_parse_end("+30", 3, &en, &off) == SS_WINDOW_E_SYNTAX && off == 3);
	SS_CHECK(ss_window_parse_end("+999999999999999D", 17, &en, &off) == SS_WINDOW_E_RANGE && off == 1);

	/* Days. */
	SS_CHECK(ss_window_parse_days("365", 3, &v, &off) == SS_WINDOW_OK && v == 365);
	SS_CHECK(ss_window_parse_days("1.5", 3, &v, &off) == SS_WINDOW_E_SYNTAX && off == 1);
	SS_CHECK(ss_window_parse_days("-1", 2, &v, &off) == SS_WINDOW_E_SYNTAX && off == 0);
	SS_CHECK(ss_window_parse_days("9999999", 7, &v, &off) == SS_WINDOW_E_RANGE);

	/* Errors of the whole computation name the field. */
	SS_CHECK(win("abc", NULL, NULL, T0, 0, 0, &w, &e) == SS_WINDOW_E_SYNTAX && e.field == SS_WINDOW_F_STARTTIME
		&& w.start == -1);
	SS_CHECK(win(NULL, "2026-02-30", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_E_RANGE && e.field == SS_WINDOW_F_ENDTIME
		&& e.offset == 8);
	SS_CHECK(win(NULL, NULL, "x", T0, 0, 0, &w, &e) == SS_WINDOW_E_SYNTAX && e.field == SS_WINDOW_F_DURATION);
	SS_CHECK(win(NULL, "1000", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_E_ORDER && e.field == SS_WINDOW_F_ENDTIME);
	SS_CHECK(win(NULL, "+0D", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_E_ORDER && e.field == SS_WINDOW_F_ENDTIME);
	SS_CHECK(win(NULL, "1970-01-01", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_E_ORDER); /* not the open end */
	SS_CHECK(win(NULL, "00", NULL, T0, 0, 1, &w, &e) == SS_WINDOW_OK && w.end == 0); /* digits 0: open */
	SS_CHECK(win(NULL, "+00010D", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_OK && w.end == T0 + 10 * DAY);
	SS_CHECK(win(NULL, NULL, "0000030", T0, 0, 1, &w, &e) == SS_WINDOW_OK && w.end == T0 + 30 * DAY);
	SS_CHECK(win(NULL, NULL, "0000000000030", T0, 0, 1, &w, &e) == SS_WINDOW_E_RANGE);
	SS_CHECK(win("1800000000", "1800000000", NULL, T0, 0, 0, &w, &e) == SS_WINDOW_E_ORDER);
	SS_CHECK(win(NULL, "1800000000", NULL, T0, 1800000000, 0, &w, &e) == SS_WINDOW_E_ORDER);
	SS_CHECK(win(NULL, "+1H", NULL, SS_WINDOW_MAX_TIME, 0, 0, &w, &e) == SS_WINDOW_E_RANGE && e.field == SS_WINDOW_F_ENDTIME);
	SS_CHECK(win(NULL, NULL, NULL, SS_WINDOW_MAX_TIME, 0, 1, &w, &e) == SS_WINDOW_E_RANGE && e.field == SS_WINDOW_F_DURATION);
	SS_CHECK(win(NULL, NULL, NULL, -1, 0, 0, &w, &e) == SS_WINDOW_E_RANGE && e.field == SS_WINDOW_F_NOW);
	SS_CHECK(win(NULL, NULL, NULL, T0, SS_WINDOW_MAX_TIME + 1, 0, &w, &e) == SS_WINDOW_E_RANGE
		&& e.field == SS_WINDOW_F_COURSESTART);
	/* A bad duration is reported even when the product is not renewable. */
	SS_CHECK(win(NULL, NULL, "-3", T0, 0, 0, &w, &e) == SS_WINDOW_E_SYNTAX && e.field == SS_WINDOW_F_DURATION);
	SS_CHECK(strcmp(ss_window_field_name(SS_WINDOW_F_ENDTIME), "endtime") == 0);

	SS_TEST_END("core window");
}
