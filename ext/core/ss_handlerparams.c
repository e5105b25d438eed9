/* shop_setup core: the known handler parameters of std_setuponecoursesession and their checks. */
#include "ss_handlerparams.h"
#include "ss_window.h"

#include <string.h>

typedef unsigned char uchar;

#define K(id, name, type, req, def) {id, name, sizeof(name) - 1, type, req, def}
const ss_hp_key ss_hp_keys[SS_HP_K_COUNT] = {
	K(SS_HP_K_COURSENAME, "coursename", SS_HP_COURSE_SHORTNAME, 1, NULL),
	K(SS_HP_K_SUPERVISOR, "supervisor", SS_HP_ROLE, 0, "teacher"),
	K(SS_HP_K_AUTOENROLSUPERVISOR, "autoenrolsupervisor", SS_HP_FLAG, 0, "1"),
	K(SS_HP_K_CUSTOMERSUPPORT, "customersupport", SS_HP_COURSE_REF, 0, NULL),
	K(SS_HP_K_SUPPORTROLE, "supportrole", SS_HP_ROLE, 0, "student"),
	K(SS_HP_K_STARTTIME, "starttime", SS_HP_TIME, 0, NULL),
	K(SS_HP_K_ENDTIME, "endtime", SS_HP_END_TIME, 0, NULL),
	K(SS_HP_K_DURATION, "duration", SS_HP_DAYS, 0, NULL),
	K(SS_HP_K_REQUIREDROLES, "requiredroles", SS_HP_ROLE_LIST, 0, "student"),
	K(SS_HP_K_GROUPNAME, "groupname", SS_HP_TEXT, 0, NULL),
	K(SS_HP_K_ATTACHEXISTING, "attachexisting", SS_HP_ATTACH_MODE, 0, "owned"),
	K(SS_HP_K_OPERATORROLE, "operatorrole", SS_HP_ROLE, 0, NULL),
	K(SS_HP_K_PARTICIPANTROLE, "participantrole", SS_HP_ROLE, 0, "student"),
	K(SS_HP_K_CUSTOMERROLE, "customerrole", SS_HP_ROLE_OR_NONE, 0, "customer"),
};
#undef K

const ss_hp_key *ss_hp_find(const char *name, size_t len)
{
	size_t i;
	for (i = 0; i < SS_HP_K_COUNT; i++) {
		if (ss_hp_keys[i].name_len == len && memcmp(ss_hp_keys[i].name, name, len) == 0) {
			return &ss_hp_keys[i];
		}
	}
	return NULL;
}

/* Edit distance between a (lower-cased on the fly) and b, stopping early above 2. */
static size_t ss_hp_distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t row[32], i, j;

	if (la >= 32 || lb >= 32) return 99;
	if (la > lb + 2 || lb > la + 2) return 99;
	for (j = 0; j <= lb; j++) row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0], best;
		unsigned char ca = (unsigned char)a[i - 1];
		if (ca >= 'A' && ca <= 'Z') ca += 32;
		row[0] = i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], v = diag + (ca != (unsigned char)b[j - 1]);
			if (up + 1 < v) v = up + 1;
			if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
			diag = up;
			row[j] = v;
			if (v < best) best = v;
		}
		if (best > 2) return 99;
	}
	return row[lb];
}

const ss_hp_key *ss_hp_suggest(const char *name, size_t len)
{
	const ss_hp_key *found = NULL;
	size_t i, best = 3;

	if (len < 4) return NULL;
	for (i = 0; i < SS_HP_K_COUNT; i++) {
		size_t d = ss_hp_distance(name, len, ss_hp_keys[i].name, ss_hp_keys[i].name_len);
		if (d < best) {
			best = d;
			found = &ss_hp_keys[i];
		}
	}
	return found;
}

/* Case-insensitive ASCII comparison of s[0..len) with the lower-case word w. */
static int ss_ieq(const char *s, size_t len, const char *w)
{
	size_t i;
	for (i = 0; i < len; i++) {
		uchar c = (uchar)s[i];
		if (c >= 'A' && c <= 'Z') c += 32;
		if (w[i] == '\0' || c != (uchar)w[i]) return 0;
	}
	return w[len] == '\0';
}

int ss_hp_flag(const char *s, size_t len)
{
	static const char *const yes[] = {"1", "true", "yes", "on"};
	static const char *const no[] = {"0", "false", "no", "off"};
	size_t i;

	if (len == 0) return 0;
	for (i = 0; i < 4; i++) {
		if (ss_ieq(s, len, yes[i])) return 1;
		if (ss_ieq(s, len, no[i])) return 0;
	}
	return -1;
}

int ss_hp_attach(const char *s, size_t len)
{
	if (len == 5 && memcmp(s, "never", 5) == 0) return SS_HP_ATTACH_NEVER;
	if (len == 5 && memcmp(s, "owned", 5) == 0) return SS_HP_ATTACH_OWNED;
	if (len == 6 && memcmp(s, "always", 6) == 0) return SS_HP_ATTACH_ALWAYS;
	return -1;
}

/* Role shortname: what Moodle's define-role form keeps (PARAM_ALPHANUMEXT, lower-cased, 1..100, not empty()). */
static ss_hp_check_code ss_hp_role(const char *str, size_t len, size_t *erroff)
{
	const uchar *s = (const uchar *)str;
	size_t i;

	if (len == 0) return SS_HP_E_EMPTY;
	for (i = 0; i < len; i++) {
		uchar c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
			*erroff = i;
			return SS_HP_E_ROLE_CHARS;
		}
	}
	if (len > 100) {
		*erroff = 100;
		return SS_HP_E_TOO_LONG;
	}
	if (len == 1 && s[0] == '0') return SS_HP_E_ROLE_CHARS; /* empty("0") in PHP: Moodle refuses it */
	return SS_HP_OK;
}

/*
 * PARAM_TEXT display text (course shortname, group name): at most maxchars
 * characters (the input is valid UTF-8), no control character, no HTML tag.
 */
static ss_hp_check_code ss_hp_text(const char *str, size_t len, size_t maxchars, size_t *erroff)
{
	const uchar *s = (const uchar *)str;
	size_t i, chars = 0;

	if (len == 0) return SS_HP_E_EMPTY;
	for (i = 0; i < len; i++) {
		uchar c = s[i];
		if ((c & 0xC0) != 0x80) {
			if (++chars > maxchars) {
				*erroff = i;
				return SS_HP_E_TOO_LONG;
			}
		}
		if (c < 0x20 || c == 0x7F) {
			*erroff = i;
			return SS_HP_E_CONTROL;
		}
		if (c == '<' && i + 1 < len) {
			uchar n = s[i + 1];
			if ((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || n == '/' || n == '!' || n == '?') {
				*erroff = i;
				return SS_HP_E_TAGS;
			}
		}
	}
	return SS_HP_OK;
}

static int ss_is_space(uchar c)
{
	return c == ' ' || c == '\t';
}

/* Calls back on each trimmed item of a comma list; stops at the first non-zero answer. */
typedef ss_hp_check_code (*ss_hp_item_cb)(void *ctx, const char *item, size_t len, size_t off, size_t *erroff);

static ss_hp_check_code ss_hp_items(const char *s, size_t len, ss_hp_item_cb cb, void *ctx, size_t *erroff)
{
	size_t i = 0;

	for (;;) {
		size_t b = i, e;
		ss_hp_check_code c;
		while (i < len && s[i] != ',') i++;
		e = i;
		while (b < e && ss_is_space((uchar)s[b])) b++;
		while (e > b && ss_is_space((uchar)s[e - 1])) e--;
		c = cb(ctx, s + b, e - b, b, erroff);
		if (c != SS_HP_OK) return c;
		if (i >= len) return SS_HP_OK;
		i++;
	}
}

static ss_hp_check_code ss_hp_role_item(void *ctx, const char *item, size_t len, size_t off, size_t *erroff)
{
	ss_hp_check_code c;
	size_t o = 0;

	(void)ctx;
	if (len == 0) {
		*erroff = off;
		return SS_HP_E_LIST_EMPTY_ITEM;
	}
	c = ss_hp_role(item, len, &o);
	*erroff = off + o;
	return c;
}

typedef struct {
	const char *s;
	size_t found;
	size_t n;
	size_t off[SS_MAX_FIELD_LEN / 2 + 1];
	size_t len[SS_MAX_FIELD_LEN / 2 + 1];
} ss_hp_dup_ctx;

static ss_hp_check_code ss_hp_dup_item(void *vctx, const char *item, size_t len, size_t off, size_t *erroff)
{
	ss_hp_dup_ctx *ctx = vctx;
	size_t i;

	(void)erroff;
	for (i = 0; i < ctx->n; i++) {
		if (ctx->len[i] == len && len > 0 && memcmp(ctx->s + ctx->off[i], item, len) == 0) {
			ctx->found = off;
			return SS_HP_E_LIST_EMPTY_ITEM; /* any non-zero code stops the walk */
		}
	}
	if (ctx->n < sizeof(ctx->off) / sizeof(ctx->off[0])) {
		ctx->off[ctx->n] = off;
		ctx->len[ctx->n] = len;
		ctx->n++;
	}
	return SS_HP_OK;
}

size_t ss_hp_list_duplicate(const char *s, size_t len)
{
	ss_hp_dup_ctx *ctx;
	size_t erroff = 0, found;

	if (len > SS_MAX_FIELD_LEN) return len; /* ss_hp_check refuses such a list anyway */
	ctx = ss_malloc(sizeof(*ctx));
	if (!ctx) return len;
	ctx->s = s;
	ctx->found = len;
	ctx->n = 0;
	ss_hp_items(s, len, ss_hp_dup_item, ctx, &erroff);
	found = ctx->found;
	ss_free(ctx);
	return found;
}

ss_hp_check_code ss_hp_check(const ss_hp_key *k, const char *s, size_t len, size_t *erroff)
{
	size_t i;
	int64_t v;
	ss_window_end end;

	*erroff = 0;
	switch (k->type) {
	case SS_HP_COURSE_SHORTNAME:
		return ss_hp_text(s, len, 255, erroff);
	case SS_HP_COURSE_REF:
		for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++);
		if (len > 0 && i == len) {
			/* A numeric id (local_shop's default); shortnames made only of digits read as ids. */
			for (i = 0; i + 1 < len && s[i] == '0'; i++);
			return s[i] == '0' ? SS_HP_E_COURSE_ID : SS_HP_OK;
		}
		return ss_hp_text(s, len, 255, erroff);
	case SS_HP_ROLE:
		return ss_hp_role(s, len, erroff);
	case SS_HP_ROLE_OR_NONE:
		return len == 0 ? SS_HP_OK : ss_hp_role(s, len, erroff);
	case SS_HP_ROLE_LIST:
		if (len == 0) return SS_HP_E_EMPTY;
		if (len > SS_MAX_FIELD_LEN) {
			*erroff = SS_MAX_FIELD_LEN;
			return SS_HP_E_TOO_LONG;
		}
		return ss_hp_items(s, len, ss_hp_role_item, NULL, erroff);
	case SS_HP_FLAG:
		return ss_hp_flag(s, len) < 0 ? SS_HP_E_FLAG : SS_HP_OK;
	case SS_HP_TIME:
		if (len == 0) return SS_HP_OK;
		return ss_window_parse_time(s, len, &v, erroff) == SS_WINDOW_OK ? SS_HP_OK : SS_HP_E_TIME;
	case SS_HP_END_TIME:
		return ss_window_parse_end(s, len, &end, erroff) == SS_WINDOW_OK ? SS_HP_OK : SS_HP_E_TIME;
	case SS_HP_DAYS:
		if (len == 0) return SS_HP_OK;
		return ss_window_parse_days(s, len, &v, erroff) == SS_WINDOW_OK ? SS_HP_OK : SS_HP_E_DAYS;
	case SS_HP_TEXT:
		return ss_hp_text(s, len, 254, erroff);
	case SS_HP_ATTACH_MODE:
		return ss_hp_attach(s, len) < 0 ? SS_HP_E_ATTACH : SS_HP_OK;
	}
	return SS_HP_OK;
}

const char *ss_hp_check_message(ss_hp_check_code c)
{
	switch (c) {
	case SS_HP_OK: return "ok";
	case SS_HP_E_EMPTY: return "is empty";
	case SS_HP_E_TOO_LONG: return "is too long";
	case SS_HP_E_CONTROL: return "contains a control character";
	case SS_HP_E_TAGS: return "contains an HTML tag, which Moodle's PARAM_TEXT would strip";
	case SS_HP_E_ROLE_CHARS: return "is not a Moodle role shortname";
	case SS_HP_E_FLAG: return "is not a flag";
	case SS_HP_E_TIME: return "is not a valid time";
	case SS_HP_E_DAYS: return "is not a whole number of days";
	case SS_HP_E_ATTACH: return "is not an attach mode";
	case SS_HP_E_LIST_EMPTY_ITEM: return "has an empty item";
	case SS_HP_E_COURSE_ID: return "is course id 0, which does not exist";
	}
	return "unknown";
}
