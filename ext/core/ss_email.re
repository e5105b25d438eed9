/*
 * shop_setup core: email validation with Moodle's semantics (re2c, no PCRE).
 * Generated C is not committed.
 *
 * Ground truth: php-src ext/filter/logical_filters.c, php_filter_validate_email()
 * without FILTER_FLAG_EMAIL_UNICODE: a 320-byte limit, then one anchored PCRE
 * match with the flags /iD. Its regular part is split here at the last '@'
 * (the domain alternatives never contain '@', so a match always splits there)
 * and compiled by re2c into two DFAs; its four look-aheads, which a DFA cannot
 * express, are computed by hand in C:
 *   (?!(?:UNIT){255,})      at the start       -> ss_email_units()
 *   (?!(?:UNIT){65,}@)      at the start       -> ss_email_units()
 *   (?!.*[^.]{64,})         at the domain      -> label length check
 *   (?!(?:.*[a-f0-9][:\]]){7,}) / (?!(?:.*[a-f0-9]:){5,})
 *                           after "IPv6:"      -> ss_email_hex_count()
 * where UNIT = "?\\[\x00-\x7E]"? | "?[^\\"]"?
 *
 * One thing is not a property of the regex: PCRE gives up (and filter_var
 * then refuses) when a match needs more than pcre.backtrack_limit steps
 * (1,000,000 by default). The two UNIT look-aheads backtrack over every way of
 * giving a lone quote between two cores to one side or the other, i.e. 2^gaps
 * paths; with PHP's defaults, 9 gaps or fewer always finish and 10 to 14 may
 * not, depending on the length. Rather than mimic PCRE's step counter (which
 * depends on its version, on JIT and on php.ini), addresses with more than
 * SS_EMAIL_MAX_QUOTE_GAPS gaps (about five quoted words) are refused as
 * "quoted_too_complex": never accepted where Moodle's PHP may refuse.
 */
#include "ss_email.h"

#include <string.h>

typedef unsigned char uchar;

/* ---------------------------------------------------------------- messages */

static const char *const ss_email_codes[SS_EMAIL__COUNT] = {
	"ok",
	"empty",
	"nul_byte",
	"line_break",
	"too_long",
	"invalid_utf8",
	"not_ascii",
	"mailto",
	"multiple_addresses",
	"angle_bracket",
	"missing_at",
	"space",
	"local_part_too_long",
	"domain_too_long",
	"domain_label_too_long",
	"domain_incomplete",
	"local_part_syntax",
	"domain_syntax",
	"syntax",
	"domain_not_allowed",
	"domain_denied",
	"quoted_too_complex",
};

static const char *const ss_email_messages[SS_EMAIL__COUNT] = {
	"The address is valid.",
	"The address is empty.",
	"The address contains a NUL byte.",
	"The address contains a line break.",
	"The address is too long (at most 254 characters).",
	"The address is not valid UTF-8 text (was the file saved in another encoding?).",
	"The address contains a non-ASCII character; Moodle only accepts ASCII addresses "
		"(write an internationalised domain in its xn-- form).",
	"The address starts with \"mailto:\"; remove it.",
	"The value holds several addresses; give one address per participant.",
	"The address contains '<' or '>'; give the bare address, without a display name.",
	"The address has no '@'.",
	"The address contains a space.",
	"The part before '@' is longer than 64 characters.",
	"The domain is too long for the address to fit in 254 characters.",
	"A part of the domain (between dots) is longer than 63 characters.",
	"The domain is incomplete: it needs a dot and a top-level domain (as in example.fr).",
	"The part before '@' is malformed: a character is not allowed, or a dot starts, "
		"ends or doubles it.",
	"The domain is malformed: only letters, digits, hyphens and dots, a label may not "
		"start or end with a hyphen, and the top-level domain must start with a letter.",
	"The address is malformed.",
	"The address's domain is not among the domains this site allows.",
	"The address's domain is denied on this site.",
	"The part before '@' has too many quoted sections for Moodle's validator, "
		"which gives up on such addresses.",
};

const char *ss_email_status_code(ss_email_status st)
{
	return (unsigned)st < SS_EMAIL__COUNT ? ss_email_codes[st] : "unknown";
}

const char *ss_email_status_message(ss_email_status st)
{
	return (unsigned)st < SS_EMAIL__COUNT ? ss_email_messages[st] : "Unknown status.";
}

/* ---------------------------------------------------------------- trimming */

/* Length of the White_Space sequence starting at s[0..n), 0 if none. */
static size_t ss_email_ws_fwd(const uchar *s, size_t n)
{
	uchar c = s[0];
	if (c == ' ' || c == '\t' || c == '\v' || c == '\f') return 1;
	if (c < 0xC2 || n < 2) return 0;
	if (c == 0xC2) return (s[1] == 0x85 || s[1] == 0xA0) ? 2 : 0;
	if (n < 3) return 0;
	if (c == 0xE1) return (s[1] == 0x9A && s[2] == 0x80) ? 3 : 0;
	if (c == 0xE2) {
		if (s[1] == 0x80) return ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0xA8 || s[2] == 0xA9 || s[2] == 0xAF) ? 3 : 0;
		return (s[1] == 0x81 && s[2] == 0x9F) ? 3 : 0;
	}
	if (c == 0xE3) return (s[1] == 0x80 && s[2] == 0x80) ? 3 : 0;
	if (c == 0xEF) return (s[1] == 0xBB && s[2] == 0xBF) ? 3 : 0;
	return 0;
}

/* Length of the White_Space sequence ending at s[n-1], 0 if none. */
static size_t ss_email_ws_back(const uchar *s, size_t n)
{
	uchar c = s[n - 1];
	if (c == ' ' || c == '\t' || c == '\v' || c == '\f') return 1;
	if (c < 0x80 || n < 2) return 0;
	if (s[n - 2] == 0xC2) return (c == 0x85 || c == 0xA0) ? 2 : 0;
	if (n < 3) return 0;
	/* Lead bytes are never continuation bytes: a match here is a whole character. */
	return ss_email_ws_fwd(s + n - 3, 3) == 3 ? 3 : 0;
}

void ss_email_trim(const char *in, size_t len, size_t *start, size_t *tlen)
{
	const uchar *s = (const uchar *)in;
	size_t b = 0, e = len, k;

	while (b < e && (k = ss_email_ws_fwd(s + b, e - b)) > 0) b += k;
	while (e > b && (k = ss_email_ws_back(s + b, e - b)) > 0) e -= k;
	*start = b;
	*tlen = e - b;
}

/* ------------------------------------------------------------ look-aheads */

typedef struct ss_email_units {
	int over_255;   /* (?:UNIT){255,} matches at the start */
	int at_65;      /* (?:UNIT){65,}@ matches at the start */
	size_t gaps;    /* single quotes between two cores: each doubles PCRE's backtracking */
} ss_email_units;

/*
 * The UNIT chain from the start of s. A unit is one "core" (a backslash and a
 * byte <= 0x7E, or one byte other than '\\' and '"') with an optional quote on
 * each side, so the chain of cores is fixed: the next core is the first
 * non-quote byte after the previous one, provided at most two quotes (one
 * before the first core) lie between. The chain stops where no core fits.
 */
static void ss_email_units_walk(const uchar *s, size_t n, ss_email_units *u)
{
	size_t p = 0, k = 0, allowed = 1, q;

	u->over_255 = 0;
	u->at_65 = 0;
	u->gaps = 0;
	for (;;) {
		q = 0;
		while (p + q < n && s[p + q] == '"') q++;
		if (q > allowed || p + q >= n) return;
		/* One quote between two cores: trailing of one unit or leading of the next. */
		if (q == 1 && k > 0) u->gaps++;
		p += q;
		if (s[p] == '\\') {
			if (p + 1 >= n || s[p + 1] > 0x7E) return;
			p += 2;
		} else {
			p += 1;
		}
		k++;
		if (k >= 255) {
			u->over_255 = 1;
			return;
		}
		if (k >= 65 && p < n && (s[p] == '@' || (s[p] == '"' && p + 1 < n && s[p + 1] == '@'))) {
			u->at_65 = 1;
		}
		allowed = 2;
	}
}

/* Non-overlapping occurrences of a hex digit followed by ':' (or ']' when brk). */
static size_t ss_email_hex_count(const uchar *s, size_t n, int brk)
{
	size_t i, c = 0;
	for (i = 0; i + 1 < n; i++) {
		uchar h = s[i], x = s[i + 1];
		int hex = (h >= '0' && h <= '9') || ((h | 0x20) >= 'a' && (h | 0x20) <= 'f');
		if (hex && (x == ':' || (brk && x == ']'))) c++;
	}
	return c;
}

/* ------------------------------------------------------------------- DFAs */

/*
 * Reads are bounds-checked: past the end YYPEEK yields 0xFF, a byte no rule
 * accepts (quoted pairs do accept NUL, so NUL cannot be the sentinel), and
 * every action checks that the match ends exactly at the end of the input.
 */

/*!re2c
	re2c:define:YYCTYPE = "uchar";
	re2c:yyfill:enable = 0;
	re2c:flags:bit-vectors = 1;
	re2c:api = custom;
	re2c:api:style = free-form;
	re2c:define:YYPEEK = "(cur < lim ? *cur : 0xFF)";
	re2c:sentinel = 255;
	re2c:define:YYSKIP = "++cur;";
	re2c:define:YYBACKUP = "mar = cur;";
	re2c:define:YYRESTORE = "cur = mar;";

	atext  = [\x21\x23-\x27\x2A\x2B\x2D\x2F-\x39\x3D\x3F\x41-\x5A\x5E-\x7E];
	qtext  = [\x01-\x08\x0B\x0C\x0E-\x1F\x21\x23-\x5B\x5D-\x7F];
	qpair  = "\\" [\x00-\x7F];
	quoted = ["] (qtext | qpair)* ["];
	word   = atext+ | quoted;

	alnum  = [a-zA-Z0-9];
	label  = alnum+ ("-"+ alnum+)*;
	tld    = [a-zA-Z] alnum* ("-"+ alnum+)*;
	hex    = [0-9a-fA-F];
	h16    = hex | hex hex | hex hex hex | hex hex hex hex;
	dec    = "25" [0-5] | "2" [0-4] [0-9] | "1" [0-9] [0-9] | [1-9]? [0-9];
	ipv4   = dec "." dec "." dec "." dec;
	v6     = 'IPv6:';
	g5     = (":" h16) | (":" h16){2} | (":" h16){3} | (":" h16){4} | (":" h16){5};
	g3     = (":" h16) | (":" h16){2} | (":" h16){3};
	v6full = v6 h16 (":" h16){7};
	v6comp = v6 (h16 g5?)? "::" (h16 g5?)?;
	v4full = v6 h16 (":" h16){5} ":";
	v4comp = v6 (h16 g3?)? "::" (h16 g3? ":")?;
*/

enum { SS_DOM_BAD = 0, SS_DOM_DNS, SS_DOM_V6FULL, SS_DOM_V6COMP, SS_DOM_V4, SS_DOM_V4FULL, SS_DOM_V4COMP };

/* 1 when s[0..n) is a dot-atom / quoted-string local part of php-src's regex. */
static int ss_email_local_ok(const uchar *s, size_t n)
{
	const uchar *cur = s, *lim = s + n, *mar = cur;
	(void)mar;
	/*!re2c
		word ("." word)* { return cur == lim; }
		*                { return 0; }
	*/
}

/* Which alternative of php-src's domain part s[0..n) matches (whole), or SS_DOM_BAD. */
static int ss_email_domain_kind(const uchar *s, size_t n)
{
	const uchar *cur = s, *lim = s + n, *mar = cur;
	int kind;
	(void)mar;
	/*!re2c
		(label ".")+ tld       { kind = SS_DOM_DNS; goto done; }
		"[" v6full "]"         { kind = SS_DOM_V6FULL; goto done; }
		"[" v6comp "]"         { kind = SS_DOM_V6COMP; goto done; }
		"[" ipv4 "]"           { kind = SS_DOM_V4; goto done; }
		"[" v4full ipv4 "]"    { kind = SS_DOM_V4FULL; goto done; }
		"[" v4comp ipv4 "]"    { kind = SS_DOM_V4COMP; goto done; }
		*                      { return SS_DOM_BAD; }
	*/
done:
	return cur == lim ? kind : SS_DOM_BAD;
}

/* The longest run of non-dot bytes in s[0..n). */
static size_t ss_email_longest_label(const uchar *s, size_t n)
{
	size_t i, run = 0, best = 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '.') { run = 0; continue; }
		if (++run > best) best = run;
	}
	return best;
}

typedef struct ss_email_parts {
	size_t at;          /* offset of the last '@', or n when none */
	int local_ok;
	int domain_kind;
	int label_ok;
	int ip_ok;
	ss_email_units units;
} ss_email_parts;

#define SS_EMAIL_UNKNOWN ((size_t)-1)

/* The offset of the last '@' in s[0..n), or n. */
static size_t ss_email_last_at(const uchar *s, size_t n)
{
	size_t i = n;
	while (i > 0) {
		if (s[--i] == '@') return i;
	}
	return n;
}

/*
 * Runs every piece of the filter, recording each verdict (for the diagnosis).
 * at: offset of the last '@' (n when none) or SS_EMAIL_UNKNOWN; quotes: 0 when
 * s holds no '"' at all (then the look-ahead chain is trivial), 1 otherwise.
 */
static int ss_email_filter_scan(const uchar *s, size_t n, size_t at_off, int quotes, ss_email_parts *pt, int full)
{
	const uchar *at, *dom;
	size_t dn;
	int ok = 1;

	memset(pt, 0, sizeof(*pt));
	pt->at = n;
	pt->label_ok = 1;
	pt->ip_ok = 1;
	if (n == 0) return 0;
	if (n > SS_EMAIL_FILTER_MAX) {
		if (!full) return 0;
		ok = 0;
	}
	/* The last '@': the domain alternatives never contain one. */
	if (at_off == SS_EMAIL_UNKNOWN) at_off = ss_email_last_at(s, n);
	if (at_off >= n) return 0;
	at = s + at_off;
	pt->at = at_off;
	dom = at + 1;
	dn = (size_t)(s + n - dom);

	pt->local_ok = ss_email_local_ok(s, pt->at);
	if (!pt->local_ok) { if (!full) return 0; ok = 0; }
	pt->domain_kind = ss_email_domain_kind(dom, dn);
	if (pt->domain_kind == SS_DOM_BAD) { if (!full) return 0; ok = 0; }

	if (pt->domain_kind == SS_DOM_DNS || (full && pt->domain_kind == SS_DOM_BAD && dn > 0 && dom[0] != '[')) {
		pt->label_ok = ss_email_longest_label(dom, dn) < 64;
	} else if (pt->domain_kind == SS_DOM_V6COMP) {
		pt->ip_ok = ss_email_hex_count(dom + 6, dn - 6, 1) < 7;
	} else if (pt->domain_kind == SS_DOM_V4COMP) {
		pt->ip_ok = ss_email_hex_count(dom + 6, dn - 6, 0) < 5;
	}
	if (!pt->label_ok || !pt->ip_ok) { if (!full) return 0; ok = 0; }

	if (!full && !quotes) {
		/*
		 * Fast path, exact for a local part that matched without quotes: it
		 * has no '"' nor '\\' and the domain has neither, so every byte is
		 * one unit, the chain never breaks and the only '@' is at pt->at.
		 */
		pt->units.over_255 = n >= 255;
		pt->units.at_65 = pt->at >= 65;
	} else {
		ss_email_units_walk(s, n, &pt->units);
	}
	if (pt->units.over_255 || pt->units.at_65 || pt->units.gaps > SS_EMAIL_MAX_QUOTE_GAPS) ok = 0;
	return ok;
}

static int ss_email_filter_parts(const uchar *s, size_t n, ss_email_parts *pt, int full)
{
	return ss_email_filter_scan(s, n, SS_EMAIL_UNKNOWN, 1, pt, full);
}

int ss_email_filter_valid(const char *s, size_t len)
{
	ss_email_parts pt;
	return ss_email_filter_parts((const uchar *)s, len, &pt, 0);
}

/* ------------------------------------------------------------- diagnosis */

static int ss_email_has_prefix_ci(const uchar *s, size_t n, const char *p)
{
	size_t i, m = strlen(p);
	if (n < m) return 0;
	for (i = 0; i < m; i++) {
		uchar c = s[i];
		if (c >= 'A' && c <= 'Z') c |= 0x20;
		if (c != (uchar)p[i]) return 0;
	}
	return 1;
}

/* Why Moodle refuses s[0..n) (already known to be refused, n <= SS_MAX_EMAIL_LEN). */
static ss_email_status ss_email_diagnose(const uchar *s, size_t n)
{
	ss_email_parts pt;
	size_t i, ats = 0, dn;
	int high = 0, sep = 0, angle = 0, space = 0;

	for (i = 0; i < n; i++) {
		uchar c = s[i];
		if (c >= 0x80) high = 1;
		else if (c == '@') ats++;
		else if (c == ',' || c == ';') sep = 1;
		else if (c == '<' || c == '>') angle = 1;
		else if (c == ' ' || c == '\t') space = 1;
	}
	if (high) {
		return ss_utf8_check((const char *)s, n) == n ? SS_EMAIL_E_NOT_ASCII : SS_EMAIL_E_INVALID_UTF8;
	}
	ss_email_filter_parts(s, n, &pt, 1);
	if (pt.local_ok && pt.domain_kind != SS_DOM_BAD && pt.label_ok && pt.ip_ok && !pt.units.over_255
		&& !pt.units.at_65 && n <= SS_EMAIL_FILTER_MAX && pt.units.gaps > SS_EMAIL_MAX_QUOTE_GAPS && !angle) {
		/* Well-formed, but past the point where PHP's PCRE may give up. */
		return SS_EMAIL_E_QUOTED_TOO_COMPLEX;
	}
	if (ss_email_has_prefix_ci(s, n, "mailto:")) return SS_EMAIL_E_MAILTO;
	if (ats >= 2 && (sep || space)) return SS_EMAIL_E_MULTIPLE;
	if (angle) return SS_EMAIL_E_ANGLE_BRACKET;
	if (ats == 0) return SS_EMAIL_E_MISSING_AT;
	if (space) return SS_EMAIL_E_SPACE;

	dn = n - pt.at - 1;
	if (pt.units.at_65) return SS_EMAIL_E_LOCAL_TOO_LONG;
	if (!pt.label_ok) return SS_EMAIL_E_LABEL_TOO_LONG;
	if (pt.units.over_255 || n > SS_EMAIL_FILTER_MAX) {
		return dn > 253 ? SS_EMAIL_E_DOMAIN_TOO_LONG : SS_EMAIL_E_TOO_LONG;
	}
	if (!pt.local_ok) return SS_EMAIL_E_LOCAL_SYNTAX;
	if (pt.domain_kind == SS_DOM_BAD || !pt.ip_ok) {
		const uchar *dom = s + pt.at + 1;
		if (dn > 0 && dom[0] != '[' && memchr(dom, '.', dn) == NULL) {
			/* "jean@exemple": a plausible host name with no top-level domain. */
			size_t j;
			for (j = 0; j < dn; j++) {
				uchar c = dom[j];
				if (!((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '-')) break;
			}
			if (j == dn) return SS_EMAIL_E_DOMAIN_INCOMPLETE;
		}
		if (dn == 0) return SS_EMAIL_E_DOMAIN_INCOMPLETE;
		return SS_EMAIL_E_DOMAIN_SYNTAX;
	}
	return SS_EMAIL_E_SYNTAX;
}

/* ----------------------------------------------------------- normalising */

enum {
	SS_EMAIL_F_NUL = 1, SS_EMAIL_F_BREAK = 2, SS_EMAIL_F_ANGLE = 4,
	SS_EMAIL_F_QUOTE = 8, SS_EMAIL_F_AT = 16, SS_EMAIL_F_UPPER = 32
};

#define SS_U8 SS_EMAIL_F_UPPER
static const unsigned char ss_email_byte_class[256] = {
	SS_EMAIL_F_NUL, 0, 0, 0, 0, 0, 0, 0, 0, 0, SS_EMAIL_F_BREAK, 0, 0, SS_EMAIL_F_BREAK, 0, 0,  /* 0x00 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,                                         /* 0x10 */
	0, 0, SS_EMAIL_F_QUOTE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,                          /* 0x20 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SS_EMAIL_F_ANGLE, 0, SS_EMAIL_F_ANGLE, 0,           /* 0x30 */
	SS_EMAIL_F_AT, SS_U8, SS_U8, SS_U8, SS_U8, SS_U8, SS_U8, SS_U8,                         /* 0x40 */
	SS_U8, SS_U8, SS_U8, SS_U8, SS_U8, SS_U8, SS_U8, SS_U8,
	SS_U8, SS_U8, SS_U8, SS_U8, SS_U8, SS_U8, SS_U8, SS_U8,                                 /* 0x50 */
	SS_U8, SS_U8, SS_U8, 0, 0, 0, 0, 0,
	/* 0x60..0xFF: nothing to note (non-ASCII bytes are refused by the DFAs) */
};
#undef SS_U8

/*
 * The common address in one pass: a dot-atom local part of atext bytes, then
 * two DNS labels at least ([a-z0-9]+(-+[a-z0-9]+)*, under 64 bytes each, the
 * last starting with a letter), 254 bytes at most, 64 before the '@'. Such an
 * address has nothing to trim (white space is in neither set), no quote, and
 * one '@', so every piece of the filter is decided here: the dot-atom and DNS
 * alternatives match, each byte is one unit (over_255: n >= 255; at_65:
 * '@' at 65 or later) and no label reaches 64. Anything else returns 0 and
 * takes the general path, which decides alone (fuzz/fuzz_email.c compares the
 * two on every input). Writes the key to out (when not NULL); *upper says a
 * letter was lowered.
 */
enum { PX_L = 1, PX_D = 2, PX_UP = 4, PX_LETTER = 8 };
/*
 * PX_L: a byte a local part takes as it is (atext but '.'); PX_D: one a DNS
 * label takes as it is (letters and digits); PX_UP: upper case. '.', '@', '-'
 * in a domain, and every other byte (controls, space, quotes, 0x7F,
 * non-ASCII) have to be looked at. Entry c of ss_email_pl is those flags << 8,
 * over c as the key holds it (lowered when a capital): one load gives both.
 */
#define PX_ATEXT(c) ((c) == '!' || ((c) >= '#' && (c) <= '\'') || (c) == '*' || (c) == '+' || (c) == '-' \
	|| (c) == '/' || (c) == '=' || (c) == '?' || ((c) >= '^' && (c) <= '`') || ((c) >= '{' && (c) <= '~'))
#define PX_FLAGS(c) (((c) >= 'a' && (c) <= 'z') ? (PX_L | PX_D | PX_LETTER) \
	: ((c) >= 'A' && (c) <= 'Z') ? (PX_L | PX_D | PX_LETTER | PX_UP) \
	: ((c) >= '0' && (c) <= '9') ? (PX_L | PX_D) : PX_ATEXT(c) ? PX_L : 0)
#define PX_E(c) (uint16_t)((PX_FLAGS(c) << 8) | (((c) >= 'A' && (c) <= 'Z') ? (c) | 0x20 : (c)))
#define PX_4(c) PX_E(c), PX_E((c) + 1), PX_E((c) + 2), PX_E((c) + 3)
#define PX_16(c) PX_4(c), PX_4((c) + 4), PX_4((c) + 8), PX_4((c) + 12)
#define PX_64(c) PX_16(c), PX_16((c) + 16), PX_16((c) + 32), PX_16((c) + 48)
static const uint16_t ss_email_pl[256] = {PX_64(0), PX_64(64), PX_64(128), PX_64(192)};
#undef PX_ATEXT
#undef PX_FLAGS
#undef PX_E
#undef PX_4
#undef PX_16
#undef PX_64
#define PX(f) ((unsigned)(f) << 8)

#if defined(__SSE2__) || defined(_M_X64) || defined(_M_AMD64)
# include <emmintrin.h>
# define SS_EMAIL_SSE2 1

/* Bits below k of a 64-bit mask (k <= 64). */
static inline uint64_t ss_bits_below(unsigned k)
{
	return k >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << k) - 1;
}

static inline unsigned ss_ctz64(uint64_t x)
{
# if defined(__GNUC__) || defined(__clang__)
	return (unsigned)__builtin_ctzll(x);
# else
	unsigned i = 0;
	while (!(x & 1)) { x >>= 1; i++; }
	return i;
# endif
}

static inline unsigned ss_top64(uint64_t x)
{
# if defined(__GNUC__) || defined(__clang__)
	return 63u - (unsigned)__builtin_clzll(x);
# else
	unsigned i = 63;
	while (!(x >> i)) i--;
	return i;
# endif
}

/* Lanes of v in [lo, lo + span], as unsigned bytes. */
static inline __m128i ss_in_range(__m128i v, char lo, char span)
{
	__m128i t = _mm_sub_epi8(v, _mm_set1_epi8(lo));
	return _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(span)), t);
}

/* The classes of 16 bytes (ss_email_simple16), a bit per byte. */
typedef struct ss_email_lanes {
	unsigned loc, dom, let, dot, at, hy;   /* loc: a local part takes it; dom: a domain does */
	__m128i up, low;                       /* capitals (0xFF lanes); the bytes, capitals lowered */
} ss_email_lanes;

static inline void ss_email_classify(__m128i c, ss_email_lanes *m)
{
	__m128i l = ss_in_range(_mm_or_si128(c, _mm_set1_epi8(0x20)), 'a', 'z' - 'a');
	__m128i dot = _mm_cmpeq_epi8(c, _mm_set1_epi8('.')), hy = _mm_cmpeq_epi8(c, _mm_set1_epi8('-'));
	__m128i dom = _mm_or_si128(_mm_or_si128(l, ss_in_range(c, '0', 9)), _mm_or_si128(dot, hy));
	__m128i loc = _mm_or_si128(dom, _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('_')), _mm_cmpeq_epi8(c, _mm_set1_epi8('+'))));
	m->up = ss_in_range(c, 'A', 'Z' - 'A');
	m->low = _mm_or_si128(c, _mm_and_si128(m->up, _mm_set1_epi8(0x20)));
	m->loc = (unsigned)_mm_movemask_epi8(loc);
	m->dom = (unsigned)_mm_movemask_epi8(dom);
	m->let = (unsigned)_mm_movemask_epi8(l);
	m->dot = (unsigned)_mm_movemask_epi8(dot);
	m->at = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(c, _mm_set1_epi8('@')));
	m->hy = (unsigned)_mm_movemask_epi8(hy);
}

/*
 * ss_email_simple() for the commonest addresses, 16 bytes at a time: 8 to 64
 * bytes of letters, digits, '.', '-', '_', '+' and one '@'. Each byte class
 * becomes a 64-bit mask (bit i: byte i) and the rules are tests on masks,
 * with no branch per byte. Loads stay within the n bytes: whole chunks, then
 * one ending at byte n (overlapping the last whole one: the same bits again);
 * under 16 bytes, the first 8 and the last 8. Returns 1 only where
 * ss_email_simple() accepts, with the same key and *upper
 * (tests/core/test_email.c compares them on addresses of every length from 6
 * to 70, and checks this path takes every one of its addresses the byte loop
 * accepts); 0 leaves the address to ss_email_simple() itself.
 */
static int ss_email_simple16(const uchar *s, size_t n, char *out, int *upper)
{
	uint64_t loc = 0, dom = 0, let = 0, dot = 0, at = 0, hy = 0, lim, lowm, highm, d, h, starts;
	__m128i up = _mm_setzero_si128();
	size_t k, full = n / 16;
	unsigned a, last;
	ss_email_lanes m;

#define SS_LANES_OR(bits, shift) do { \
		loc |= (uint64_t)(bits(m.loc)) << (shift); dom |= (uint64_t)(bits(m.dom)) << (shift); \
		let |= (uint64_t)(bits(m.let)) << (shift); dot |= (uint64_t)(bits(m.dot)) << (shift); \
		at |= (uint64_t)(bits(m.at)) << (shift); hy |= (uint64_t)(bits(m.hy)) << (shift); \
		up = _mm_or_si128(up, m.up); \
	} while (0)
#define SS_ALL16(x) (x)
#define SS_LO8(x) ((x) & 0xFFu)
#define SS_HI8(x) ((x) >> 8)
	for (k = 0; k < full; k++) {
		ss_email_classify(_mm_loadu_si128((const __m128i *)(s + 16 * k)), &m);
		if (out) _mm_storeu_si128((__m128i *)(out + 16 * k), m.low);
		SS_LANES_OR(SS_ALL16, 16 * k);
	}
	if (n % 16 && n > 16) {
		ss_email_classify(_mm_loadu_si128((const __m128i *)(s + n - 16)), &m);
		if (out) _mm_storeu_si128((__m128i *)(out + n - 16), m.low);
		SS_LANES_OR(SS_ALL16, n - 16);
	} else if (n < 16) {
		/* Bytes 0-7 and n-8..n-1: the lanes are all within the n bytes. */
		ss_email_classify(_mm_unpacklo_epi64(_mm_loadl_epi64((const __m128i *)s),
			_mm_loadl_epi64((const __m128i *)(s + n - 8))), &m);
		if (out) {
			_mm_storel_epi64((__m128i *)out, m.low);
			_mm_storel_epi64((__m128i *)(out + n - 8), _mm_unpackhi_epi64(m.low, m.low));
		}
		SS_LANES_OR(SS_LO8, 0);
		SS_LANES_OR(SS_HI8, n - 8);
	}
#undef SS_LANES_OR
#undef SS_ALL16
#undef SS_LO8
#undef SS_HI8
	lim = ss_bits_below((unsigned)n);
	/* An '@', not first (a second one fails the domain's byte test). */
	if (!at || (at & 1)) return 0;
	a = ss_ctz64(at);
	lowm = ss_bits_below(a);
	highm = lim & ~ss_bits_below(a + 1);
	/* The local part: its bytes, no '.' first, last or after another. */
	if ((loc & lowm) != lowm) return 0;
	d = dot & lowm;
	if ((d & 1) || (d & (d >> 1)) || ((d >> (a - 1)) & 1)) return 0;
	/* The domain: letters, digits, '-', '.'; one '.' at least; no empty label,
	 * no label starting or ending with '-', nothing after a final '.' or '-';
	 * the last label starts with a letter. (With 64 bytes in all, no label
	 * nor local part reaches 64.) */
	if ((dom & highm) != highm) return 0;
	d = dot & highm;
	h = hy & highm;
	if (!d) return 0;
	starts = (d << 1 | UINT64_C(1) << (a + 1)) & lim;
	if ((d & starts) || (d & (h << 1)) || (h & starts) || (((d | h) >> (n - 1)) & 1)) return 0;
	last = ss_top64(d);
	if (!((let >> (last + 1)) & 1)) return 0;
	*upper = _mm_movemask_epi8(up) != 0;
	return 1;
}
#endif

static int ss_email_simple(const uchar *s, size_t n, char *out, int *upper)
{
	char tmp[256];
	size_t i, label, dot = (size_t)-1;   /* dot: the local part's latest '.' */
	unsigned acc = 0, f;
	uchar c;

	if (n == 0 || n > SS_EMAIL_PLAIN_MAX) return 0;   /* longer: the general path decides */
	if (!out) out = tmp;
	/* The local part: no '.' first, last or after another, '@' at 64 at most. */
	for (i = 0;; i++) {
		if (i == n) return 0;
		c = s[i];
		f = ss_email_pl[c];
		out[i] = (char)f;
		acc |= f;
		if (f & PX(PX_L)) continue;
		if (c == '.') {
			if (i == 0 || dot == i - 1) return 0;
			dot = i;
		} else if (c == '@') {
			if (i == 0 || dot == i - 1 || i >= 65) return 0;   /* empty part, trailing dot, 65 units */
			break;
		} else {
			return 0;
		}
	}
	/* Labels: no '-' first or last, under 64 bytes. */
	label = ++i;
	for (; i < n; i++) {
		c = s[i];
		f = ss_email_pl[c];
		out[i] = (char)f;
		acc |= f;
		if (f & PX(PX_D)) continue;
		if (c == '.') {
			if (i == label || s[i - 1] == '-' || i - label >= 64) return 0;
			label = i + 1;
		} else if (c != '-' || i == label) {
			return 0;
		}
	}
	/* The last label: the top-level domain, after one dot at least, starting with a letter. */
	if (i == label || s[n - 1] == '-' || n - label >= 64 || s[label - 1] != '.') return 0;
	if (!(ss_email_pl[s[label]] & PX(PX_LETTER))) return 0;
	*upper = (acc & PX(PX_UP)) != 0;
	return 1;
}

/* The one-pass paths: the one that accepts the address (its key written to
 * out, *upper set), or SS_EMAIL_PATH_GENERAL when neither does. */
static int ss_email_plain(const uchar *s, size_t n, char *out, int *upper)
{
#ifdef SS_EMAIL_SSE2
	if (n - 8 <= 56 && ss_email_simple16(s, n, out, upper)) return SS_EMAIL_PATH_16;
#endif
	return ss_email_simple(s, n, out, upper) ? SS_EMAIL_PATH_BYTES : SS_EMAIL_PATH_GENERAL;
}

ss_email_status ss_email_normalize_ex(const char *in, size_t len, char *out, size_t *out_len, int *same, int diagnose)
{
	size_t b, n, i;
	const uchar *s;
	ss_email_parts pt;
	size_t at = SS_EMAIL_UNKNOWN;
	unsigned flags = 0;
	int up;

	if (ss_email_plain((const uchar *)in, len, out, &up) != SS_EMAIL_PATH_GENERAL) {
		*out_len = len;
		if (same) *same = !up;
		return SS_EMAIL_OK;
	}
	*out_len = 0;
	if (same) *same = 0;
	ss_email_trim(in, len, &b, &n);
	s = (const uchar *)in + b;
	if (n == 0) return SS_EMAIL_E_EMPTY;
	if (n > SS_MAX_EMAIL_LEN) return SS_EMAIL_E_TOO_LONG;
	/* One pass for every byte that decides something, copying the key as it goes. */
	if (out && n <= SS_EMAIL_FILTER_MAX) {
		for (i = 0; i < n; i++) {
			uchar c = s[i];
			unsigned f = ss_email_byte_class[c];
			out[i] = (char)c;
			if (f) {
				flags |= f;
				if (f & SS_EMAIL_F_AT) at = i;
				if (f & SS_EMAIL_F_UPPER) out[i] = (char)(c | 0x20);
			}
		}
	} else {
		for (i = 0; i < n; i++) {
			unsigned f = ss_email_byte_class[s[i]];
			if (f) {
				flags |= f;
				if (f & SS_EMAIL_F_AT) at = i;
			}
		}
	}
	if (flags & SS_EMAIL_F_NUL) return SS_EMAIL_E_NUL;
	if (flags & SS_EMAIL_F_BREAK) return SS_EMAIL_E_LINE_BREAK;
	if (at == SS_EMAIL_UNKNOWN) at = n;
	if ((flags & SS_EMAIL_F_ANGLE) || !ss_email_filter_scan(s, n, at, (flags & SS_EMAIL_F_QUOTE) != 0, &pt, 0)) {
		return diagnose ? ss_email_diagnose(s, n) : SS_EMAIL_E_SYNTAX;
	}
	*out_len = n;
	if (same) *same = n == len && !(flags & SS_EMAIL_F_UPPER);
	return SS_EMAIL_OK;
}

int ss_email_plain_key(const char *in, size_t len, char *out, int *upper)
{
	return ss_email_plain((const uchar *)in, len, out, upper) != SS_EMAIL_PATH_GENERAL;
}

int ss_email_path(const char *in, size_t len)
{
	int up;
	return ss_email_plain((const uchar *)in, len, NULL, &up);
}

ss_email_status ss_email_normalize(const char *in, size_t len, char *out, size_t *out_len)
{
	return ss_email_normalize_ex(in, len, out, out_len, NULL, 1);
}

/* ---------------------------------------------------------------- policy */

static uchar ss_lc(uchar c)
{
	return (c >= 'A' && c <= 'Z') ? (uchar)(c | 0x20) : c;
}

/* PHP's trim() default set: " \t\n\r\0\x0B". */
static int ss_php_trim_char(uchar c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\v';
}

/* PHP's empty() on a string: "" and "0". */
static int ss_php_empty(const char *s, size_t n)
{
	return n == 0 || (n == 1 && s[0] == '0');
}

/* email (any case) ends with prefix . pat (pat compared case-insensitively). */
static int ss_email_ends_with(const uchar *e, size_t en, const char *prefix, const uchar *pat, size_t pn)
{
	size_t xn = strlen(prefix), i;
	if (en < xn + pn) return 0;
	for (i = 0; i < pn; i++) {
		if (ss_lc(e[en - pn + i]) != ss_lc(pat[i])) return 0;
	}
	for (i = 0; i < xn; i++) {
		if (ss_lc(e[en - pn - xn + i]) != (uchar)prefix[i]) return 0;
	}
	return 1;
}

/* 1 when some space-separated pattern of list matches email, as email_is_not_allowed() does. */
static int ss_email_list_match(const uchar *e, size_t en, const char *list, size_t ln)
{
	const uchar *l = (const uchar *)list, *end = l + ln;

	while (l <= end) {
		const uchar *sp = (const uchar *)memchr(l, ' ', (size_t)(end - l));
		const uchar *pe = sp ? sp : end, *pb = l;
		/* explode(' ') then trim(): a piece never holds ' ', so only \t\n\r\0\v are trimmed. */
		while (pb < pe && ss_php_trim_char(*pb)) pb++;
		while (pe > pb && ss_php_trim_char(pe[-1])) pe--;
		if (!ss_php_empty((const char *)pb, (size_t)(pe - pb))) {
			if (*pb == '.') {
				if (ss_email_ends_with(e, en, "", pb, (size_t)(pe - pb))) return 1;
			} else if (ss_email_ends_with(e, en, "@", pb, (size_t)(pe - pb))) {
				return 1;
			}
		}
		if (!sp) break;
		l = sp + 1;
	}
	return 0;
}

ss_email_status ss_email_policy_check(const char *email, size_t len,
	const char *allow, size_t allow_len, const char *deny, size_t deny_len)
{
	const uchar *e = (const uchar *)email;

	if (allow && !ss_php_empty(allow, allow_len)) {
		return ss_email_list_match(e, len, allow, allow_len) ? SS_EMAIL_OK : SS_EMAIL_E_DOMAIN_NOT_ALLOWED;
	}
	if (deny && !ss_php_empty(deny, deny_len)) {
		return ss_email_list_match(e, len, deny, deny_len) ? SS_EMAIL_E_DOMAIN_DENIED : SS_EMAIL_OK;
	}
	return SS_EMAIL_OK;
}

/* ---------------------------------------------------------------- aliases */

/* Providers that ignore dots in the local part (and deliver +tags). */
static int ss_email_dotless_domain(const char *d, size_t n)
{
	return (n == 9 && memcmp(d, "gmail.com", 9) == 0) || (n == 14 && memcmp(d, "googlemail.com", 14) == 0);
}

size_t ss_email_alias_key(const char *key, size_t len, char *out)
{
	const char *at = NULL, *p;
	size_t o = 0, i, ln;
	int dotless;

	for (p = key + len; p > key; p--) {
		if (p[-1] == '@') { at = p - 1; break; }
	}
	if (!at || at == key || key[0] == '"') {
		/* No local part to fold (or a quoted one, which is taken literally). */
		memcpy(out, key, len);
		return len;
	}
	ln = (size_t)(at - key);
	dotless = ss_email_dotless_domain(at + 1, len - ln - 1);
	for (i = 0; i < ln; i++) {
		char c = key[i];
		if (c == '+' && i > 0) break;
		if (c == '.' && dotless) continue;
		out[o++] = c;
	}
	if (dotless) {
		/* googlemail.com and gmail.com are one mailbox space. */
		memcpy(out + o, "@gmail.com", 10);
		return o + 10;
	}
	memcpy(out + o, at, len - ln);
	return o + (len - ln);
}
