/* C unit tests of the email core, without PHP. */
#include "ss_email.h"
#include "ss_test.h"

#include <stdlib.h>

static ss_email_status norm(const char *s, char *out, size_t *olen)
{
	return ss_email_normalize(s, strlen(s), out, olen);
}

static int key_is(const char *in, const char *want)
{
	char out[SS_EMAIL_FILTER_MAX];
	size_t n;
	return norm(in, out, &n) == SS_EMAIL_OK && n == strlen(want) && memcmp(out, want, n) == 0;
}

static ss_email_status st_of(const char *in)
{
	char out[SS_EMAIL_FILTER_MAX];
	size_t n = 99;
	ss_email_status st = norm(in, out, &n);
	if (st != SS_EMAIL_OK && n != 0) return (ss_email_status)-1;
	return st;
}

static ss_email_status pol(const char *email, const char *allow, const char *deny)
{
	return ss_email_policy_check(email, strlen(email), allow, allow ? strlen(allow) : 0, deny, deny ? strlen(deny) : 0);
}

static int alias_is(const char *key, const char *want)
{
	char out[SS_EMAIL_FILTER_MAX];
	size_t n = ss_email_alias_key(key, strlen(key), out);
	return n == strlen(want) && memcmp(out, want, n) == 0;
}

/* 1 when key[0..n) is in[0..n) with ASCII capitals lowered, byte for byte. */
static int lowered(const char *in, const char *key, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		char c = in[i];
		if (key[i] != ((c >= 'A' && c <= 'Z') ? (char)(c | 0x20) : c)) return 0;
	}
	return 1;
}

/* xorshift: deterministic random bytes for the stress loop. */
static unsigned long long ss_rng = 0x9E3779B97F4A7C15ull;
static unsigned rnd(void)
{
	ss_rng ^= ss_rng << 13;
	ss_rng ^= ss_rng >> 7;
	ss_rng ^= ss_rng << 17;
	return (unsigned)(ss_rng >> 32);
}

/*
 * Random inputs biased towards email syntax, through every entry point, with
 * the invariants that hold whatever the input (run under ASan/UBSan by
 * `make -C ext/core CFLAGS=-fsanitize=...`). Returns the number of violations.
 */
static int stress(int rounds)
{
	static const char alpha[] = "aZ09.-_+@\"[]:<> ,;\t\r\n\x7f\xc2\xa0\xe2\x80\x8b";
	char in[400], out[SS_EMAIL_FILTER_MAX], alias[SS_EMAIL_FILTER_MAX];
	int r, bad = 0;

	for (r = 0; r < rounds; r++) {
		size_t len = rnd() % sizeof(in), i, n, b, t, an;
		ss_email_status st;
		if (rnd() % 2) {
			/* Address-shaped: local@labels.tld, then up to two random bytes changed. */
			static const char loc[] = "aZ09_+.", dom[] = "ab9-.";
			size_t k, m = 1 + rnd() % 20;
			len = 0;
			if (rnd() % 8 == 0) in[len++] = ' ';
			for (k = 0; k < m; k++) in[len++] = loc[rnd() % (sizeof(loc) - 1)];
			in[len++] = '@';
			m = 1 + rnd() % 20;
			for (k = 0; k < m; k++) in[len++] = dom[rnd() % (sizeof(dom) - 1)];
			memcpy(in + len, ".Fr", 3);
			len += 3;
			for (k = rnd() % 3; k > 0; k--) in[rnd() % len] = alpha[rnd() % (sizeof(alpha) - 1)];
		} else {
			for (i = 0; i < len; i++) {
				in[i] = (rnd() % 4) ? alpha[rnd() % (sizeof(alpha) - 1)] : (char)rnd();
			}
			if (len > 4 && rnd() % 2) in[rnd() % len] = '@';
		}
		st = ss_email_normalize(in, len, out, &n);
		ss_email_trim(in, len, &b, &t);
		if (st == SS_EMAIL_OK) {
			/* The key is the trimmed input, lower-cased, and valid for filter_var. */
			if (n != t || n > SS_EMAIL_FILTER_MAX || !ss_email_filter_valid(in + b, t)) bad++;
			if (!lowered(in + b, out, n)) bad++;
			an = ss_email_alias_key(out, n, alias);
			if (an > n) bad++;
			if (ss_email_policy_check(out, n, "exemple.fr .fr", 14, NULL, 0) > SS_EMAIL_E_QUOTED_TOO_COMPLEX) bad++;
		} else if (n != 0 || (unsigned)st >= SS_EMAIL__COUNT) {
			bad++;
		}
	}
	return bad;
}

/*
 * The one-pass path for plain addresses (ss_email_simple) against the general
 * filter: addresses made of the bytes that path takes (atext, letters of both
 * cases, digits, '-', '.', '@'), with label, local part and total lengths
 * around its limits, half of them with one byte misplaced. Its verdict and
 * key must be the general path's. Returns the number of disagreements.
 */
static int simple_vs_filter(int rounds)
{
	/* Local parts of any atext, or of letters and digits only (long runs of
	 * the bytes the pass takes as they are). */
	static const char loc[] = "aZ9.-_+!#$%&'*/=?^`{|}~", alnum[] = "aZ9bY0", dom[] = "aZ09-";
	char in[300], out[SS_EMAIL_FILTER_MAX];
	int r, bad = 0;
	for (r = 0; r < rounds; r++) {
		size_t len = 0, k, m, labels, i, n = 0, b, t;
		int want;
		ss_email_status st;
		m = (rnd() % 4 == 0) ? 60 + rnd() % 8 : 1 + rnd() % 6;   /* around 64 before '@' */
		if (rnd() % 2) {
			for (k = 0; k < m; k++) in[len++] = loc[rnd() % (sizeof(loc) - 1)];
		} else {
			for (k = 0; k < m; k++) in[len++] = alnum[rnd() % (sizeof(alnum) - 1)];
		}
		in[len++] = '@';
		labels = 1 + rnd() % 4;
		for (i = 0; i < labels && len < 280; i++) {
			m = (rnd() % 4 == 0) ? 60 + rnd() % 8 : 1 + rnd() % 5;   /* around 64 per label */
			if (rnd() % 3 == 0) m += 60;                            /* around 255 in all */
			for (k = 0; k < m && len < 290; k++) in[len++] = dom[rnd() % (sizeof(dom) - 1)];
			if (i + 1 < labels) in[len++] = '.';
		}
		if (rnd() % 2) {
			/* A misplaced byte: a separator, a neighbour of a range of letters or
			 * digits (/ : @ [ ` {), or any byte at all. */
			in[rnd() % len] = rnd() % 2 ? ".-@A/:[`{"[rnd() % 9] : (char)(rnd() & 0xFF);
		}
		/* The random byte may be white space, which the key trims and the filter does not. */
		ss_email_trim(in, len, &b, &t);
		st = ss_email_normalize(in, len, out, &n);
		want = ss_email_filter_valid(in + b, t);
		if ((st == SS_EMAIL_OK) != want) { bad++; continue; }
		if (st != SS_EMAIL_OK) continue;
		if (n != t || !lowered(in + b, out, n)) bad++;
	}
	return bad;
}

/* 1 when every one of the n bytes of s is one of set's. */
static int only_bytes(const char *s, size_t n, const char *set)
{
	size_t i;
	for (i = 0; i < n; i++) {
		if (!s[i] || !strchr(set, s[i])) return 0;
	}
	return 1;
}

/*
 * The 16-byte path (ss_email_simple16, on SSE2 machines) against the general
 * filter: 6 to 70 bytes of the bytes it takes (letters of both cases, digits,
 * '.', '-', '_', '+') around one '@', so that every length around its chunk
 * boundaries (8, 16, 32, 48, 64) is tried; a byte may be doubled, moved or
 * replaced by any byte. Each address sits in a buffer of its own exact size
 * (ASan: no read past it). Verdict and key must be the general path's, and
 * the key is the input itself (same) exactly when no byte was lowered.
 */
static int simple16_vs_filter(int rounds)
{
	static const char alnum[] = "abcXYZ0189", sep[] = ".-_+";   /* the domain takes the first two */
	static const char charset[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+@";
#if defined(__SSE2__) || defined(_M_X64) || defined(_M_AMD64)
	const int want16 = SS_EMAIL_PATH_16;
#else
	const int want16 = SS_EMAIL_PATH_BYTES;
#endif
	char out[SS_EMAIL_FILTER_MAX];
	int r, bad = 0, ok = 0, same;
	for (r = 0; r < rounds; r++) {
		size_t len = 6 + rnd() % 65, i, n = 0, b, t;
		size_t at = rnd() % 64 ? 1 + rnd() % (len - 4) : 0, dot = len - 2 - rnd() % (len - at - 3);
		char *in = malloc(len);
		ss_email_status st;
		if (!in) return 1;
		/* Letters and digits mostly, a separator now and then (each may be
		 * misplaced); one '.' in the domain, mostly. */
		for (i = 0; i < len; i++) {
			in[i] = rnd() % 10 ? alnum[rnd() % (sizeof(alnum) - 1)] : sep[rnd() % (i < at ? 4 : 2)];
		}
		in[at] = '@';
		if (rnd() % 4) {
			in[dot] = '.';
			in[dot + 1] = "abXY"[rnd() % 4];
		}
		if (rnd() % 6 == 0) in[len - 1 - rnd() % 3] = "a.-@Z"[rnd() % 5];
		if (rnd() % 8 == 0) in[rnd() % len] = (char)(rnd() & 0xFF);
		ss_email_trim(in, len, &b, &t);
		st = ss_email_normalize_ex(in, len, out, &n, &same, 1);
		if ((st == SS_EMAIL_OK) != ss_email_filter_valid(in + b, t)
			|| (st == SS_EMAIL_OK && (n != t || !lowered(in + b, out, n)
				|| same != (n == len && memcmp(in, out, n) == 0)))) {
			bad++;
		}
		ok += st == SS_EMAIL_OK;
		/* Within its bytes and lengths, the 16-byte path decides every
		 * address the byte loop accepts. */
		if (st == SS_EMAIL_OK && len >= 8 && len <= 64 && only_bytes(in, len, charset) && ss_email_path(in, len) != want16) bad++;
		free(in);
	}
	/* Most are accepted: the path is exercised, not only its refusals. */
	return bad + (ok < rounds / 4);
}

int main(void)
{
	size_t b, n, i;
	char *big;
	static const char nul_inside[] = "\"a\\\0\"@x.fr";

	/* Trimming: ASCII and Unicode White_Space, never CR/LF/NUL. */
	ss_email_trim(" \t\xC2\xA0" "a@b.fr" "\xE3\x80\x80\xEF\xBB\xBF ", 16, &b, &n);
	SS_CHECK(b == 4 && n == 6);
	ss_email_trim("\xC2\xA0", 2, &b, &n);
	SS_CHECK(n == 0);
	ss_email_trim("\r a@b.fr", 8, &b, &n);
	SS_CHECK(b == 0 && n == 8);
	ss_email_trim("\xE2\x80", 2, &b, &n);             /* a truncated sequence is not white space */
	SS_CHECK(b == 0 && n == 2);

	/* Match keys. */
	SS_CHECK(key_is("Jean.Dupont@Exemple.FR ", "jean.dupont@exemple.fr"));
	SS_CHECK(key_is("\xC2\xA0" "a@b.co" "\xE2\x80\xAF", "a@b.co"));
	SS_CHECK(key_is("\"Q\"@X.FR", "\"q\"@x.fr"));
	SS_CHECK(key_is("a@[IPv6:::1]", "a@[ipv6:::1]"));

	/* Refusals and their codes. */
	SS_CHECK(st_of("") == SS_EMAIL_E_EMPTY);
	SS_CHECK(st_of("   ") == SS_EMAIL_E_EMPTY);
	SS_CHECK(st_of("a@b.fr\n") == SS_EMAIL_E_LINE_BREAK);
	SS_CHECK(ss_email_normalize(nul_inside, sizeof(nul_inside) - 1, NULL, &n) == SS_EMAIL_E_NUL);
	SS_CHECK(ss_email_filter_valid(nul_inside, sizeof(nul_inside) - 1) == 1); /* what filter_var says */
	SS_CHECK(st_of("jean@exemple") == SS_EMAIL_E_DOMAIN_INCOMPLETE);
	SS_CHECK(st_of("mailto:a@b.fr") == SS_EMAIL_E_MAILTO);
	SS_CHECK(st_of("a@b.fr, c@d.fr") == SS_EMAIL_E_MULTIPLE);
	SS_CHECK(st_of("J <a@b.fr>") == SS_EMAIL_E_ANGLE_BRACKET);
	SS_CHECK(st_of("\"<a>\"@b.fr") == SS_EMAIL_E_ANGLE_BRACKET);
	SS_CHECK(st_of("a.b.fr") == SS_EMAIL_E_MISSING_AT);
	SS_CHECK(st_of("a b@c.fr") == SS_EMAIL_E_SPACE);
	SS_CHECK(st_of("a@m\xC3\xBCnchen.de") == SS_EMAIL_E_NOT_ASCII);
	SS_CHECK(st_of("a@m\xFCnchen.de") == SS_EMAIL_E_INVALID_UTF8);
	SS_CHECK(st_of("a..b@c.fr") == SS_EMAIL_E_LOCAL_SYNTAX);
	SS_CHECK(st_of("a@b..fr") == SS_EMAIL_E_DOMAIN_SYNTAX);
	SS_CHECK(st_of("a@b.1fr") == SS_EMAIL_E_DOMAIN_SYNTAX);
	SS_CHECK(st_of("\"a\".\"b\".\"c\".\"d\".\"e\".\"f\".j@x.fr") == SS_EMAIL_E_QUOTED_TOO_COMPLEX);
	SS_CHECK(st_of("\"a\".\"b\".\"c\".\"d\".\"e\".j@x.fr") == SS_EMAIL_OK);

	/* Limits: 64 units before '@', labels of 63, 254 in all, SS_MAX_EMAIL_LEN. */
	big = malloc(SS_MAX_EMAIL_LEN + 64);
	memset(big, 'a', 64);
	strcpy(big + 64, "@b.fr");
	SS_CHECK(st_of(big) == SS_EMAIL_OK);
	memset(big, 'a', 65);
	strcpy(big + 65, "@b.fr");
	SS_CHECK(st_of(big) == SS_EMAIL_E_LOCAL_TOO_LONG);
	strcpy(big, "a@");
	memset(big + 2, 'd', 63);
	strcpy(big + 65, ".fr");
	SS_CHECK(st_of(big) == SS_EMAIL_OK);
	big[2 + 63] = 'd';
	strcpy(big + 66, ".fr");
	SS_CHECK(st_of(big) == SS_EMAIL_E_LABEL_TOO_LONG);
	/* 254 characters: "a@" + 4 labels of 60 + "." each + 9 more + ".fr" */
	strcpy(big, "a@");
	n = 2;
	for (i = 0; i < 4; i++) { memset(big + n, 'd', 60); n += 60; big[n++] = '.'; }
	memset(big + n, 'e', 5); n += 5;
	strcpy(big + n, ".fr"); n += 3;
	SS_CHECK(n == 254 && st_of(big) == SS_EMAIL_OK);
	big[n - 3] = 'e';
	strcpy(big + n - 2, ".fr");
	SS_CHECK(strlen(big) == 255 && st_of(big) == SS_EMAIL_E_TOO_LONG);
	memset(big, 'a', SS_MAX_EMAIL_LEN + 1);
	big[SS_MAX_EMAIL_LEN + 1] = '\0';
	SS_CHECK(st_of(big) == SS_EMAIL_E_TOO_LONG);
	free(big);

	/* Messages and codes: stable and complete. */
	SS_CHECK(strcmp(ss_email_status_code(SS_EMAIL_OK), "ok") == 0);
	SS_CHECK(strcmp(ss_email_status_code(SS_EMAIL_E_DOMAIN_DENIED), "domain_denied") == 0);
	SS_CHECK(strcmp(ss_email_status_code(SS_EMAIL_E_QUOTED_TOO_COMPLEX), "quoted_too_complex") == 0);
	SS_CHECK(strcmp(ss_email_status_code(SS_EMAIL__COUNT), "unknown") == 0);
	for (i = 0; i < SS_EMAIL__COUNT; i++) {
		SS_CHECK(ss_email_status_message((ss_email_status)i)[0] != '\0');
	}

	/* Domain policy (email_is_not_allowed). */
	SS_CHECK(pol("a@exemple.fr", "exemple.fr", NULL) == SS_EMAIL_OK);
	SS_CHECK(pol("a@x.exemple.fr", "exemple.fr", NULL) == SS_EMAIL_E_DOMAIN_NOT_ALLOWED);
	SS_CHECK(pol("a@x.exemple.fr", ".exemple.fr", NULL) == SS_EMAIL_OK);
	SS_CHECK(pol("a@exemple.fr", ".exemple.fr", NULL) == SS_EMAIL_E_DOMAIN_NOT_ALLOWED);
	SS_CHECK(pol("a@EXEMPLE.fr", "autre.fr  Exemple.FR", NULL) == SS_EMAIL_OK);
	SS_CHECK(pol("a@exemple.fr", "0", "exemple.fr") == SS_EMAIL_E_DOMAIN_DENIED);
	SS_CHECK(pol("a@exemple.fr", " 0 ", NULL) == SS_EMAIL_E_DOMAIN_NOT_ALLOWED);
	SS_CHECK(pol("a@exemple.fr", "\texemple.fr\t", NULL) == SS_EMAIL_OK);
	SS_CHECK(pol("a@exemple.fr", NULL, "autre.fr") == SS_EMAIL_OK);
	SS_CHECK(pol("a@exemple.fr", "", "") == SS_EMAIL_OK);

	/* Alias keys: Gmail ignores dots, everyone drops the +tag. */
	SS_CHECK(alias_is("j.dupont+x@gmail.com", "jdupont@gmail.com"));
	SS_CHECK(alias_is("j.dupont@googlemail.com", "jdupont@gmail.com"));
	SS_CHECK(alias_is("j.dupont+x@exemple.fr", "j.dupont@exemple.fr"));
	SS_CHECK(alias_is("+x@exemple.fr", "+x@exemple.fr"));
	SS_CHECK(alias_is("\"a+b\"@exemple.fr", "\"a+b\"@exemple.fr"));

	/* Plain addresses: the one-pass path decides as the general filter. */
	SS_CHECK(key_is("Jean-Marc.O'Neil+x@Sub-1.Exemple.FR", "jean-marc.o'neil+x@sub-1.exemple.fr"));
	SS_CHECK(key_is("a@b--c.xn--p1ai", "a@b--c.xn--p1ai"));
	SS_CHECK(st_of(".a@b.fr") == SS_EMAIL_E_LOCAL_SYNTAX);
	SS_CHECK(st_of("a.@b.fr") == SS_EMAIL_E_LOCAL_SYNTAX);
	SS_CHECK(st_of("@b.fr") == SS_EMAIL_E_LOCAL_SYNTAX);
	SS_CHECK(st_of("a@-b.fr") == SS_EMAIL_E_DOMAIN_SYNTAX);
	SS_CHECK(st_of("a@b-.fr") == SS_EMAIL_E_DOMAIN_SYNTAX);
	SS_CHECK(st_of("a@b.fr-") == SS_EMAIL_E_DOMAIN_SYNTAX);
	SS_CHECK(st_of("a@b.f_r") == SS_EMAIL_E_DOMAIN_SYNTAX);
	SS_CHECK(st_of("a@b.fr.") == SS_EMAIL_E_DOMAIN_SYNTAX);
	SS_CHECK(st_of("a@b@c.fr") != SS_EMAIL_OK);
	SS_CHECK(st_of("a\x7f@b.fr") == SS_EMAIL_E_LOCAL_SYNTAX);
	SS_CHECK(simple_vs_filter(200000) == 0);
	SS_CHECK(simple16_vs_filter(300000) == 0);

	/* Random inputs: no crash, no over-read (ASan), invariants hold. */
	SS_CHECK(stress(200000) == 0);

	SS_TEST_END("core email");
}
