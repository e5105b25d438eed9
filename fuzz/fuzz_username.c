/*
 * libFuzzer harness (requires: ss_username.h): usernames for new accounts, made
 * from names buyers type (ss_username_base) and made unique (ss_username_pool).
 *
 * Input: two length bytes, then firstname, lastname, fallback (an email key),
 * then names already taken, separated by '\n'. Names that are not UTF-8 are
 * skipped (the binding refuses them before the core sees them).
 * Properties:
 * - a base is 1..SS_USERNAME_BASE_MAX bytes of [a-z0-9_.@-] (what Moodle's
 *   PARAM_USERNAME keeps, so user_create_user() takes it unchanged), and is
 *   the same when computed twice;
 * - the pool hands out the base or base<N>, never a taken name, never the same
 *   name twice, at most SS_USERNAME_MAX bytes, lower case; it ends (no loop)
 *   even when base, base1, base2... are all taken;
 * - a batch (ss_username_batch) hands out the same names as one pool (the
 *   batch compares 64-bit hashes only: two names with one hash, which no run
 *   has met, would show here as a difference; tests/core/test_username_collide.c
 *   checks the batch's rules under forced collisions).
 */
#include "fuzz_common.h"
#include "ss_username.h"

static int allowed(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '@' || c == '-';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ss_buf b1 = SS_BUF_INIT, b2 = SS_BUF_INIT;
	ss_username_pool pool;
	size_t fl, ll, rest, i, start, ngiven = 0;
	const char *f, *l, *fb, *names;
	char given[16][SS_USERNAME_MAX + 1];
	size_t glen[16];

	if (size < 2 || size > 4096) return 0;
	rest = size - 2;
	fl = data[0] % (rest + 1);
	ll = data[1] % (rest - fl + 1);
	f = (const char *)data + 2;
	l = f + fl;
	fb = l + ll;
	/* The fallback is the next line; names after it are taken. */
	{
		const char *nl = memchr(fb, '\n', rest - fl - ll);
		size_t fblen = nl ? (size_t)(nl - fb) : rest - fl - ll;
		names = nl ? nl + 1 : fb + fblen;
		if (fuzz_ref_utf8((const unsigned char *)f, fl) != fl || fuzz_ref_utf8((const unsigned char *)l, ll) != ll) return 0;

		FUZZ_ASSERT(ss_username_base(f, fl, l, ll, fb, fblen, &b1) == 0, "base: out of memory");
		FUZZ_ASSERT(ss_username_base(f, fl, l, ll, fb, fblen, &b2) == 0, "base: out of memory");
		FUZZ_ASSERT(b1.len == b2.len && (b1.len == 0 || memcmp(b1.p, b2.p, b1.len) == 0), "base not deterministic");
		FUZZ_ASSERT(b1.len >= 1 && b1.len <= SS_USERNAME_BASE_MAX, "base of %zu bytes", b1.len);
		for (i = 0; i < b1.len; i++) {
			FUZZ_ASSERT(allowed((unsigned char)b1.p[i]), "base byte %zu is 0x%02x: %.*s", i, (unsigned char)b1.p[i], (int)b1.len, b1.p);
		}
	}

	FUZZ_ASSERT(ss_username_pool_init(&pool, 8) == 0, "pool init");
	/* Taken: the listed names, and sometimes base, base1..base40 so the suffix search is long. */
	start = 0;
	rest = size - (size_t)((const uint8_t *)names - data);
	for (i = 0; i <= rest; i++) {
		if (i == rest || names[i] == '\n') {
			if (i > start) FUZZ_ASSERT(ss_username_pool_take(&pool, names + start, i - start) == 0, "take");
			start = i + 1;
		}
	}
	if (data[0] & 1) {
		char tmp[SS_USERNAME_MAX + 8];
		FUZZ_ASSERT(ss_username_pool_take(&pool, b1.p, b1.len) == 0, "take base");
		for (i = 1; i <= 40; i++) {
			int n = snprintf(tmp, sizeof tmp, "%.*s%zu", (int)b1.len, b1.p, i);
			FUZZ_ASSERT(ss_username_pool_take(&pool, tmp, (size_t)n) == 0, "take base%zu", i);
		}
	}
	for (ngiven = 0; ngiven < 16; ngiven++) {
		size_t len = 0, k;
		const char *u = ss_username_pool_unique(&pool, b1.p, b1.len, &len);
		FUZZ_ASSERT(u != NULL, "unique: out of memory");
		FUZZ_ASSERT(len >= b1.len && len <= SS_USERNAME_MAX && memcmp(u, b1.p, b1.len) == 0, "\"%s\" is not base+suffix of \"%.*s\"", u, (int)b1.len, b1.p);
		for (k = b1.len; k < len; k++) FUZZ_ASSERT(u[k] >= '0' && u[k] <= '9', "suffix of \"%s\" is not a number", u);
		for (k = 0; k < ngiven; k++) FUZZ_ASSERT(glen[k] != len || memcmp(given[k], u, len) != 0, "\"%s\" handed out twice", u);
		memcpy(given[ngiven], u, len);
		glen[ngiven] = len;
		FUZZ_ASSERT(ss_username_pool_is_taken(&pool, u, len), "\"%s\" not marked taken", u);
	}
	/* None of the names handed out was taken beforehand: re-check against the input list. */
	start = 0;
	for (i = 0; i <= rest; i++) {
		if (i == rest || names[i] == '\n') {
			size_t k, n = i - start;
			for (k = 0; k < ngiven; k++) {
				size_t m;
				int same = glen[k] == n;
				for (m = 0; same && m < n; m++) {
					unsigned char a = (unsigned char)names[start + m];
					if (a >= 'A' && a <= 'Z') a = (unsigned char)(a + 32);
					same = a == (unsigned char)given[k][m];
				}
				FUZZ_ASSERT(!same, "\"%.*s\" was taken, yet handed out", (int)n, names + start);
			}
			start = i + 1;
		}
	}
	ss_username_pool_free(&pool);

	/* The batch hands out what one pool does: the listed names taken, then b1
	 * and bases sharing its stem asked for in turn (built with tiny
	 * partitions, see fuzz/run.sh). */
	{
		ss_username_pool ref;
		ss_username_batch batch;
		char bufs[12][SS_USERNAME_BASE_MAX + 2 + SS_USERNAME_SUFFIX_MAX];
		size_t blen[12], got[12], k, stem = b1.len;
		while (stem > 0 && b1.p[stem - 1] >= '0' && b1.p[stem - 1] <= '9') stem--;
		FUZZ_ASSERT(ss_username_pool_init(&ref, 8) == 0, "pool init");
		FUZZ_ASSERT(ss_username_batch_init(&batch, rest + 1, 12) == 0, "batch init");
		start = 0;
		for (i = 0; i <= rest; i++) {
			if (i == rest || names[i] == '\n') {
				if (i > start) {
					FUZZ_ASSERT(ss_username_pool_take(&ref, names + start, i - start) == 0, "take");
					FUZZ_ASSERT(ss_username_batch_site(&batch, names + start, i - start) == 0, "batch site");
				}
				start = i + 1;
			}
		}
		for (k = 0; k < 12; k++) {
			size_t m = k % 3 == 2 && stem ? stem : b1.len;
			memcpy(bufs[k], b1.p, m);
			if (k % 3 == 1) bufs[k][m++] = (char)('0' + k % 10);
			if (k % 3 == 2) bufs[k][m++] = '1';
			blen[k] = m;
			FUZZ_ASSERT(ss_username_batch_base(&batch, bufs[k], m, &got[k]) == 0, "batch base");
		}
		FUZZ_ASSERT(ss_username_batch_run(&batch) == 0, "batch run");
		for (k = 0; k < 12; k++) {
			size_t len = 0;
			const char *u = ss_username_pool_unique(&ref, bufs[k], blen[k], &len);
			FUZZ_ASSERT(u != NULL, "unique: out of memory");
			FUZZ_ASSERT(len == got[k] && memcmp(u, bufs[k], len) == 0 && bufs[k][len] == '\0',
				"base %zu: the pool gives \"%s\", the batch \"%.*s\"", k, u, (int)got[k], bufs[k]);
		}
		ss_username_batch_free(&batch);
		ss_username_pool_free(&ref);
	}
	ss_buf_free(&b1);
	ss_buf_free(&b2);
	return 0;
}
