/*
 * C unit tests: the username batch when different names share a hash.
 *
 * The batch's tables keep only each name's 64-bit hash (ss_username.c). This
 * build keeps 10 bits of it (SS_BATCH_HASH_MASK), so that hundreds of names
 * collide, and checks what must hold whatever the hash: every name handed
 * out is its base or its base and a number, none was taken on the site, none
 * is handed out twice. The batch is compiled into this test with the mask
 * and with partitions of ~64 names (the library's own ss_username.o is then
 * not linked).
 */
#define SS_BATCH_HASH_MASK 0x3ff
#define SS_BATCH_PART ((size_t)64)
#include "ss_username.c"
#include "ss_test.h"
#include <stdlib.h>

/* Lower-case names from a few letters and digits: stems, bases and suffixes meet. */
static size_t rnd_name(char *out)
{
	static const char letters[] = "abc.";
	size_t n = 0, k = 1 + ss_test_rnd(3), i;
	for (i = 0; i < k; i++) out[n++] = letters[ss_test_rnd(4)];
	k = ss_test_rnd(3);
	for (i = 0; i < k; i++) out[n++] = (char)('0' + ss_test_rnd(4));
	return n;
}

/* nsite taken names, nbase bases: returns the number of bases whose name
 * differs from one pool's (the collisions' doing), or -1 when a rule broke. */
static long run(size_t nsite, size_t nbase)
{
	ss_username_pool pool;
	ss_username_batch batch;
	char (*site)[16] = malloc(nsite * sizeof *site);
	size_t *slen = malloc(nsite * sizeof *slen);
	char (*bufs)[16 + SS_USERNAME_SUFFIX_MAX] = malloc(nbase * sizeof *bufs);
	size_t *blen = malloc(nbase * sizeof *blen), *got = malloc(nbase * sizeof *got), i, j, k;
	long differ = 0;
	int ok = site && slen && bufs && blen && got;

	/* Zeroed, so that the frees below are safe when a step before failed. */
	memset(&pool, 0, sizeof pool);
	memset(&batch, 0, sizeof batch);
	ok = ok && ss_username_pool_init(&pool, 16) == 0 && ss_username_batch_init(&batch, nsite, nbase) == 0;
	for (i = 0; ok && i < nsite; i++) {
		slen[i] = rnd_name(site[i]);
		ok = ss_username_pool_take(&pool, site[i], slen[i]) == 0 && ss_username_batch_site(&batch, site[i], slen[i]) == 0;
	}
	for (i = 0; ok && i < nbase; i++) {
		blen[i] = rnd_name(bufs[i]);
		ok = ss_username_batch_base(&batch, bufs[i], blen[i], &got[i]) == 0;
	}
	ok = ok && ss_username_batch_run(&batch) == 0;
	for (i = 0; ok && i < nbase; i++) {
		size_t len = 0;
		const char *u = ss_username_pool_unique(&pool, bufs[i], blen[i], &len);
		/* The base, then digits only. */
		for (k = blen[i]; ok && k < got[i]; k++) ok = bufs[i][k] >= '0' && bufs[i][k] <= '9';
		ok = ok && got[i] >= blen[i] && bufs[i][got[i]] == '\0';
		/* Not taken on the site. */
		for (j = 0; ok && j < nsite; j++) ok = !(slen[j] == got[i] && memcmp(site[j], bufs[i], got[i]) == 0);
		/* Not handed out before. */
		for (j = 0; ok && j < i; j++) ok = !(got[j] == got[i] && memcmp(bufs[j], bufs[i], got[i]) == 0);
		if (!ok) fprintf(stderr, "  base %zu: batch gave '%.*s'\n", i, (int)got[i], bufs[i]);
		differ += u && !(len == got[i] && memcmp(u, bufs[i], len) == 0);
	}
	ss_username_batch_free(&batch);
	ss_username_pool_free(&pool);
	free(site);
	free(slen);
	free(bufs);
	free(blen);
	free(got);
	return ok ? differ : -1;
}

int main(void)
{
	long d;
	/* 500 names in partitions of ~64, over 1,024 hash values; then 5,000. */
	d = run(200, 300);
	SS_CHECK(d >= 0);
	SS_CHECK(d > 0);   /* collisions did happen: the rules above were tested under them */
	d = run(2000, 3000);
	SS_CHECK(d >= 0);
	SS_CHECK(d > 0);
	SS_TEST_END("username collisions");
}
