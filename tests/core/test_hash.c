/* C unit tests: partitioned open-addressing tables and the arena. */
#include "ss_hash.h"
#include "ss_test.h"

#include <stdlib.h>

/*
 * The hash as first written (the tail read byte by byte): ss_hash_bytes must
 * give the same value for every length and alignment, whatever it reads at once.
 */
static uint64_t ref_hash(const unsigned char *s, size_t len)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325) ^ ((uint64_t)len * UINT64_C(0x9e3779b97f4a7c15));
	size_t i = 0, k;
	for (; i < len; i += 8) {
		uint64_t w = 0;
		for (k = 0; k < 8 && i + k < len; k++) w |= (uint64_t)s[i + k] << (8 * k);
		h ^= w * UINT64_C(0x87c37b91114253d5);
		h = (h << 31) | (h >> 33);
		h *= UINT64_C(0x4cf5ad432745937f);
	}
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h ? h : 1;
}

static int hash_matches_ref(void)
{
	unsigned char buf[8 + 200];
	uint32_t x = 2463534242u;
	size_t off, len, i;
	for (i = 0; i < sizeof buf; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf[i] = (unsigned char)x;
	}
	for (off = 0; off < 8; off++) {
		for (len = 0; len + off <= sizeof buf; len++) {
			if (ss_hash_bytes(buf + off, len) != ref_hash(buf + off, len)) return 0;
		}
	}
	return 1;
}

int main(void)
{
	ss_smap m = SS_SMAP_INIT;
	ss_imap im = SS_IMAP_INIT;
	ss_arena a = SS_ARENA_INIT;
	size_t i, n = 200000, seen = 0;
	uint64_t cur = 0;
	char **keys = malloc(n * sizeof(char *));
	int created, ok = 1;
	ss_smap_slot *s;

	/* Sized for 1,000 but given 200,000 keys: partitions grow, nothing is lost. */
	SS_CHECK(ss_smap_init(&m, 1000) == 0);
	SS_CHECK(m.nparts == 1);
	for (i = 0; i < n; i++) {
		char buf[32];
		int len = snprintf(buf, sizeof buf, "k%zu@x.example", i);
		keys[i] = ss_arena_dup(&a, buf, (size_t)len);
		s = ss_smap_put(&m, keys[i], (size_t)len, &created);
		ok &= s != NULL && created;
		if (s) s->val = i;
	}
	SS_CHECK(ok);
	SS_CHECK(m.count == n);
	ok = 1;
	for (i = 0; i < n; i++) {
		s = ss_smap_find(&m, keys[i], strlen(keys[i]));
		ok &= s != NULL && s->val == i;
		s = ss_smap_put(&m, keys[i], strlen(keys[i]), &created);
		ok &= s != NULL && !created;
	}
	SS_CHECK(ok);
	SS_CHECK(ss_smap_find(&m, "absent", 6) == NULL);
	SS_CHECK(ss_smap_find(&m, "", 0) == NULL);
	while ((s = ss_smap_each(&m, &cur))) seen++;
	SS_CHECK(seen == n);
	SS_CHECK(m.collisions == 0);
	ss_smap_free(&m);

	/* Sized for many: several partitions, each at most SS_PART_SLOTS slots. */
	SS_CHECK(ss_smap_init(&m, n) == 0);
	SS_CHECK(m.nparts > 1);
	for (i = 0; i < m.nparts; i++) ok &= m.parts[i].cap <= SS_PART_SLOTS;
	SS_CHECK(ok);
	for (i = 0; i < n; i++) ss_smap_put(&m, keys[i], strlen(keys[i]), NULL);
	seen = 0;
	cur = 0;
	while ((s = ss_smap_each(&m, &cur))) seen++;
	SS_CHECK(seen == n && m.count == n);
	ss_smap_free(&m);

	/* Integer triples. */
	SS_CHECK(ss_imap_init(&im, 10) == 0);
	ok = 1;
	for (i = 0; i < n; i++) {
		ss_imap_slot *t = ss_imap_put(&im, (int64_t)i % 7, (int64_t)i, -(int64_t)i, &created);
		ok &= t != NULL && created;
		if (t) t->val = i + 1;
	}
	SS_CHECK(ok);
	ok = 1;
	for (i = 0; i < n; i++) {
		ss_imap_slot *t = ss_imap_find(&im, (int64_t)i % 7, (int64_t)i, -(int64_t)i);
		ok &= t != NULL && t->val == i + 1;
	}
	SS_CHECK(ok);
	SS_CHECK(ss_imap_find(&im, 1, 1, 1) == NULL);
	SS_CHECK(ss_imap_find(&im, 0, 0, 0) != NULL);
	ss_imap_free(&im);

	/*
	 * Known answers: product references derive from this hash, so it must never
	 * change once deployed (a re-run after an upgrade would record every seat again).
	 */
	SS_CHECK(ss_hash_bytes("", 0) == UINT64_C(0xefd01f60ba992926));
	SS_CHECK(ss_hash_bytes("a", 1) == UINT64_C(0x47eae1328defad2b));
	SS_CHECK(ss_hash_bytes("jean.dupont@exemple.fr", 22) == UINT64_C(0xfe713aaf711e2c29));
	SS_CHECK(ss_hash_bytes("0123456789abcdef", 16) == UINT64_C(0x08c0dcaaecf6e2dd));
	SS_CHECK(hash_matches_ref());

	ss_arena_free(&a);
	free(keys);
	SS_TEST_END("hash");
}
