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

static int ss_t_u64cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
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

/* ss_hash_name(): the same value wherever the bytes lie, reading none past
 * them (each key in a block of its own exact size, for ASan and valgrind). */
static int name_reads_only_its_bytes(void)
{
	unsigned char src[8 + 96];
	size_t len, off, i;
	int ok = 1;
	for (i = 0; i < sizeof src; i++) src[i] = (unsigned char)(i * 37 + 11);
	for (len = 0; len <= 96 && ok; len++) {
		unsigned char *exact = malloc(len ? len : 1);
		uint64_t h;
		if (!exact) return 0;
		memcpy(exact, src, len);
		h = ss_hash_name(exact, len);
		ok = h != 0;
		for (off = 1; off < 8 && ok; off++) {
			memmove(src + off, src, len);
			ok = ss_hash_name(src + off, len) == h;
			memmove(src, src + off, len);
		}
		free(exact);
	}
	return ok;
}

/* Every bit of every byte counts, at every length up to 64 (a key read in
 * overlapping words must not drop one). */
static int name_sees_every_bit(void)
{
	unsigned char buf[64];
	size_t len, at, i;
	int bit;
	for (i = 0; i < sizeof buf; i++) buf[i] = (unsigned char)('a' + i % 26);
	for (len = 1; len <= sizeof buf; len++) {
		uint64_t h = ss_hash_name(buf, len);
		for (at = 0; at < len; at++) {
			for (bit = 0; bit < 8; bit++) {
				int same;
				buf[at] ^= (unsigned char)(1u << bit);
				same = ss_hash_name(buf, len) == h;
				buf[at] ^= (unsigned char)(1u << bit);
				if (same) {
					fprintf(stderr, "  ss_hash_name: length %zu ignores bit %d of byte %zu\n", len, bit, at);
					return 0;
				}
			}
		}
	}
	return 1;
}

/*
 * Table keys: NUL runs of every length differ (the length is hashed), and
 * 200,000 usernames give as many hashes, spread evenly over the top bits
 * (partitions) and the low bits (slots): each of 16 buckets within 5% of its share.
 */
static int name_spreads(void)
{
	static const unsigned char zeros[64];
	size_t n = 200000, i, j, top[16] = {0}, low[16] = {0}, dup = 0;
	uint64_t *hs = malloc(n * sizeof *hs);
	char name[64];
	if (!hs) return 0;
	for (i = 0; i <= sizeof zeros; i++) {
		for (j = 0; j < i; j++) {
			if (ss_hash_name(zeros, i) == ss_hash_name(zeros, j)) {
				free(hs);
				return 0;
			}
		}
	}
	for (i = 0; i < n; i++) {
		int len = snprintf(name, sizeof name, "jean%zu.dupont%zu", i % 97, i / 97);
		hs[i] = ss_hash_name(name, (size_t)len);
		top[hs[i] >> 60]++;
		low[hs[i] & 15]++;
	}
	for (i = 0; i < 16; i++) {
		if (top[i] < n / 16 * 95 / 100 || top[i] > n / 16 * 105 / 100) break;
		if (low[i] < n / 16 * 95 / 100 || low[i] > n / 16 * 105 / 100) break;
	}
	if (i < 16) {
		free(hs);
		return 0;
	}
	qsort(hs, n, sizeof *hs, ss_t_u64cmp);
	for (i = 1; i < n; i++) dup += hs[i] == hs[i - 1];
	free(hs);
	return dup == 0;
}

/*
 * Keys given one hash (as two keys with the same 64-bit hash would be) are
 * still told apart by their bytes: each length to 40, one bit flipped at
 * every place, each key in a block of its own exact size.
 */
static int smap_compares_every_byte(void)
{
	size_t len, at;
	int bit, ok = 1;
	for (len = 0; len <= 40 && ok; len++) {
		ss_smap m = SS_SMAP_INIT;
		char *a = malloc(len ? len : 1), *same = malloc(len ? len : 1), *other = malloc(len ? len : 1);
		int created;
		ok = a && same && other && ss_smap_init(&m, 4) == 0;
		for (at = 0; ok && at < len; at++) a[at] = (char)('a' + (at * 7 + len) % 26);
		if (ok) memcpy(same, a, len);
		ok = ok && ss_smap_put_h(&m, a, len, 42, &created) && created;
		ok = ok && ss_smap_find_h(&m, same, len, 42) && ss_smap_find_h(&m, same, len, 42)->key == a;
		for (at = 0; ok && at < len; at++) {
			for (bit = 0; ok && bit < 8; bit++) {
				memcpy(other, a, len);
				other[at] = (char)(other[at] ^ (1 << bit));
				ok = ss_smap_find_h(&m, other, len, 42) == NULL;
			}
		}
		/* A shorter key with the same hash and the same first bytes is another key. */
		ok = ok && (len == 0 || ss_smap_find_h(&m, a, len - 1, 42) == NULL);
		ss_smap_free(&m);
		free(a);
		free(same);
		free(other);
	}
	return ok;
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
	SS_CHECK(name_reads_only_its_bytes());
	SS_CHECK(name_sees_every_bit());
	SS_CHECK(name_spreads());
	SS_CHECK(smap_compares_every_byte());

	ss_arena_free(&a);
	free(keys);
	SS_TEST_END("hash");
}
