/*
 * libFuzzer harness (requires: ss_email.h): email normalisation, ss_email_trim(),
 * ss_email_normalize(), ss_email_filter_valid(), ss_email_policy_check(),
 * ss_email_alias_key().
 *
 * Properties (the exact verdict against PHP's filter_var() itself is checked by
 * the PHP harness fuzz/session_fuzz.php, which has PHP at hand):
 * - trim: the span equals the one a reference trimmer finds (its own UTF-8
 *   decoder and the White_Space list of ss_email.h: CR and LF are not trimmed);
 * - normalize: accepted iff the span is non-empty, has no NUL, CR, LF, '<' or
 *   '>', is at most SS_MAX_EMAIL_LEN bytes and ss_email_filter_valid() accepts
 *   it (the reference rule: Moodle's validate_email() on the trimmed string;
 *   ss_email_filter_valid() never takes the one-pass path for plain addresses,
 *   so this also holds that path to the general one);
 *   the match key is the span ASCII-lower-cased, byte for byte; no key byte
 *   outside 0x01..0x7F, no upper-case letter, no CR/LF/NUL/'<'/'>'; one '@' at
 *   least with at most 64 bytes before the last one unless the local part is
 *   quoted (an escape pair is one of the 64 units); validating without an
 *   output buffer gives the same status; normalising a key gives the key back;
 * - a refusal has a stable code and message, and says nothing is written;
 * - alias_key of a key is no longer than the key, keeps the domain (but
 *   googlemail.com, which becomes gmail.com), and is
 *   idempotent; policy_check returns one of its three statuses.
 */
#include "fuzz_common.h"
#include "ss_email.h"

static int ws_cp(uint32_t c)
{
	return c == 0x09 || c == 0x0B || c == 0x0C || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
		|| (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
		|| c == 0x3000 || c == 0x200B || c == 0xFEFF;
}

/* Length of the well-formed code point at s (0 when ill-formed), its value in *cp. */
static size_t cp_at(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
	if (len == 0 || len > n || fuzz_ref_utf8(s, len) != len) return 0;
	*cp = len == 1 ? s[0] : len == 2 ? (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F)
		: len == 3 ? (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F)
		: (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 | (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
	return len;
}

static void ref_trim(const unsigned char *s, size_t n, size_t *start, size_t *tlen)
{
	size_t i = 0, end = 0, first = n;
	int seen = 0;
	/* Walk units (a code point, or one byte of an ill-formed sequence); remember the
	   first non-space unit and the end of the last one. */
	while (i < n) {
		uint32_t cp = 0;
		size_t l = cp_at(s + i, n - i, &cp);
		int sp = l > 0 && ws_cp(cp);
		if (l == 0) l = 1;
		if (!sp) {
			if (!seen) { first = i; seen = 1; }
			end = i + l;
		}
		i += l;
	}
	if (!seen) { *start = n; *tlen = 0; return; }
	*start = first;
	*tlen = end - first;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	size_t st0, tl, rst, rtl, klen = 12345, klen2, i, at = SIZE_MAX;
	ss_email_status s, s2;
	char *key, *key2;
	int clean = 1;

	if (size > 4 * SS_MAX_EMAIL_LEN) return 0;
	ss_email_trim(in, size, &st0, &tl);
	ref_trim(data, size, &rst, &rtl);
	FUZZ_ASSERT(st0 <= size && tl <= size - st0, "span [%zu, +%zu) outside %zu bytes", st0, tl, size);
	if (rtl > 0 || tl > 0) {
		FUZZ_ASSERT(st0 == rst && tl == rtl, "trim span [%zu, +%zu), reference [%zu, +%zu)", st0, tl, rst, rtl);
	}

	key = malloc(size + 1);
	key2 = malloc(size + 1);
	s = ss_email_normalize(in, size, key, &klen);
	FUZZ_ASSERT(s >= SS_EMAIL_OK && s < SS_EMAIL__COUNT && s != SS_EMAIL_E_DOMAIN_NOT_ALLOWED && s != SS_EMAIL_E_DOMAIN_DENIED, "status %d", s);
	FUZZ_ASSERT(ss_email_status_code(s) != NULL && ss_email_status_message(s) != NULL, "code and message of %d", s);
	s2 = ss_email_normalize(in, size, NULL, &klen2);
	FUZZ_ASSERT(s2 == s, "validate-only status %d, with output %d", s2, s);

	for (i = 0; i < tl; i++) {
		unsigned char c = data[st0 + i];
		if (c == 0 || c == '\r' || c == '\n' || c == '<' || c == '>') clean = 0;
	}
	if (tl == 0 || tl > SS_MAX_EMAIL_LEN) clean = 0;
	for (i = 0; i < size; i++) {
		if (data[i] == 0 || data[i] == '\r' || data[i] == '\n') clean = 0;
	}
	{
		int want = clean && ss_email_filter_valid(in + st0, tl);
		FUZZ_ASSERT((s == SS_EMAIL_OK) == want, "verdict %s, reference rule %d", ss_email_status_code(s), want);
	}

	if (s == SS_EMAIL_OK) {
		FUZZ_ASSERT(klen == tl, "key of %zu bytes, trimmed input %zu", klen, tl);
		for (i = 0; i < klen; i++) {
			unsigned char c = data[st0 + i], k = (unsigned char)key[i];
			unsigned char low = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
			FUZZ_ASSERT(k == low, "key byte %zu is 0x%02x, lower-cased input 0x%02x", i, k, low);
			FUZZ_ASSERT(k >= 0x01 && k <= 0x7F && k != '\r' && k != '\n' && k != '<' && k != '>' && !(k >= 'A' && k <= 'Z'),
				"key byte %zu 0x%02x outside the allowed set", i, k);
			if (k == '@') at = i;
		}
		FUZZ_ASSERT(at != SIZE_MAX && (at <= 64 || memchr(key, '"', at) != NULL), "last '@' at %zu", at);
		/* The key is a fixed point. */
		s2 = ss_email_normalize(key, klen, key2, &klen2);
		FUZZ_ASSERT(s2 == SS_EMAIL_OK && klen2 == klen && memcmp(key, key2, klen) == 0, "normalising the key: %s", ss_email_status_code(s2));
		/* Alias key: shorter or equal, same domain, idempotent. */
		{
			size_t a1 = ss_email_alias_key(key, klen, key2), a2;
			char *tmp = malloc(klen + 1);
			int gm = klen - at == 15 && memcmp(key + at, "@googlemail.com", 15) == 0;
			const char *dom = gm ? "@gmail.com" : key + at;
			size_t dl = gm ? 10 : klen - at;
			FUZZ_ASSERT(a1 <= klen, "alias key longer than the key");
			/* googlemail.com becomes gmail.com, except where the local part is left
			 * as typed (a quoted one): then the key keeps its own domain. */
			FUZZ_ASSERT((a1 >= dl && memcmp(key2 + a1 - dl, dom, dl) == 0)
				|| (gm && a1 == klen && memcmp(key2, key, klen) == 0), "alias key keeps the domain");
			a2 = ss_email_alias_key(key2, a1, tmp);
			FUZZ_ASSERT(a2 == a1 && memcmp(tmp, key2, a1) == 0, "alias key is idempotent");
			free(tmp);
		}
		/* Domain policy: patterns taken from the input itself. */
		{
			const char *dom = key + at + 1;
			size_t dl = klen - at - 1;
			ss_email_status p = ss_email_policy_check(key, klen, dom, dl, NULL, 0);
			FUZZ_ASSERT(p == SS_EMAIL_OK, "allow list of its own domain refuses it: %s", ss_email_status_code(p));
			p = ss_email_policy_check(key, klen, NULL, 0, dom, dl);
			FUZZ_ASSERT(p == SS_EMAIL_E_DOMAIN_DENIED || dl == 0 || (dl == 1 && dom[0] == '0'), "deny list of its own domain lets it through: %s", ss_email_status_code(p));
			p = ss_email_policy_check(key, klen, in, size > 64 ? 64 : size, in, size > 64 ? 64 : size);
			FUZZ_ASSERT(p == SS_EMAIL_OK || p == SS_EMAIL_E_DOMAIN_NOT_ALLOWED || p == SS_EMAIL_E_DOMAIN_DENIED, "policy status %d", p);
		}
	} else {
		FUZZ_ASSERT(klen == 0, "refused, yet a key of %zu bytes", klen);
	}
	/* The bulk callers' shortcut: what normalising gives, for the addresses it takes. */
	{
		int up = -1;
		if (ss_email_plain_key(in, size, key2, &up)) {
			FUZZ_ASSERT(s == SS_EMAIL_OK && klen == size && memcmp(key2, key, size) == 0
				&& up == (memcmp(in, key, size) != 0), "plain key of %zu bytes, status %s, upper %d", size,
				ss_email_status_code(s), up);
			/* The session binding skips its NUL and UTF-8 scan for such an address. */
			for (i = 0; i < size; i++) {
				FUZZ_ASSERT(in[i] != '\0' && (unsigned char)in[i] < 0x80, "plain key takes byte 0x%02x at %zu",
					(unsigned)(unsigned char)in[i], i);
			}
		}
	}
	free(key);
	free(key2);
	return 0;
}
