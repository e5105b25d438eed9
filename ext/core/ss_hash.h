/*
 * shop_setup core: arena and open-addressing hash tables for the session
 * planner (linear probing, power-of-two capacity, load <= 0.7), so that every
 * lookup the planner makes is O(1) and a whole plan is O(n).
 */
#ifndef SS_HASH_H
#define SS_HASH_H

#include "ss_common.h"

/* 64-bit hash of a byte string (word-at-a-time multiply-rotate, murmur3 finaliser). */
uint64_t ss_hash_bytes(const void *p, size_t len);
uint64_t ss_hash_u64(uint64_t x);

/* Eight and four bytes at p, in the machine's byte order (one load each). */
static inline uint64_t ss_ld64(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

static inline uint64_t ss_ld32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

/*
 * 64-bit hash of a byte string for tables whose hashes never leave the
 * process: the username pool, whose results do not depend on the hash, and
 * the username batch, whose tables keep hashes only, so that two names with
 * one hash count as one there (a free name may get a suffix it did not
 * need; a taken name is never handed out: ss_username.c). Two
 * 64x64->128-bit multiplies for up to 16 bytes, one more per further 16,
 * after wyhash (Wang Yi, public domain): half the time of ss_hash_bytes() on
 * 15-byte usernames (1.8 against 3.9 ns in a loop), whose chain of a
 * multiply and a rotate per word plus the murmur3 finaliser cannot be
 * shortened without changing the product references derived from it.
 * Values may differ between platforms (ss_hash_bytes() where there is no
 * 128-bit product); never 0. As in wyhash, a word equal to one of the
 * constants zeroes a product, and such keys collide: in the pool more
 * probes, in the batch the needless suffix above; and the words that would
 * do it (bytes DB 28... and E3 C6...) are not UTF-8, which every name the
 * pool and the batch get is (checked by the binding).
 */
#if defined(__SIZEOF_INT128__) || (defined(_MSC_VER) && defined(_M_X64))
# if !defined(__SIZEOF_INT128__)
#  include <intrin.h>
# endif
# include <string.h>
static inline void ss_mul128(uint64_t a, uint64_t b, uint64_t *lo, uint64_t *hi)
{
# if defined(__SIZEOF_INT128__)
	__extension__ unsigned __int128 r = (unsigned __int128)a * b;
	*lo = (uint64_t)r;
	*hi = (uint64_t)(r >> 64);
# else
	*lo = _umul128(a, b, hi);
# endif
}

static inline uint64_t ss_mum(uint64_t a, uint64_t b)
{
	uint64_t lo, hi;
	ss_mul128(a, b, &lo, &hi);
	return lo ^ hi;
}

static inline uint64_t ss_hash_name(const void *key, size_t len)
{
	const uint64_t k0 = UINT64_C(0xa0761d6478bd642f), k1 = UINT64_C(0xe7037ed1a0b428db);
	const unsigned char *s = key;
	uint64_t a, b, h, seed = UINT64_C(0x8ebc6af09c88c6e3);
	if (len <= 16) {
		/* Every byte in a or b (two overlapping loads from each end). */
		if (len >= 8) {
			a = ss_ld64(s);
			b = ss_ld64(s + len - 8);
		} else if (len >= 4) {
			a = ss_ld32(s);
			b = ss_ld32(s + len - 4);
		} else if (len) {
			a = (uint64_t)s[0] << 16 | (uint64_t)s[len >> 1] << 8 | s[len - 1];
			b = 0;
		} else {
			a = b = 0;
		}
	} else {
		size_t i = len;
		for (; i > 16; i -= 16, s += 16) seed = ss_mum(ss_ld64(s) ^ k1, ss_ld64(s + 8) ^ seed);
		/* The last 16 bytes, overlapping the block before when i < 16. */
		a = ss_ld64(s + i - 16);
		b = ss_ld64(s + i - 8);
	}
	ss_mul128(a ^ k1, b ^ seed, &a, &b);
	h = ss_mum(a ^ k0 ^ (uint64_t)len, b ^ k1);
	return h ? h : 1;
}
#else
# define ss_hash_name ss_hash_bytes
#endif

/* Bump allocator: copies live until ss_arena_free(). */
typedef struct ss_arena_chunk ss_arena_chunk;
typedef struct ss_arena {
	ss_arena_chunk *head;
	size_t used, cap;
} ss_arena;
#define SS_ARENA_INIT {NULL, 0, 0}
/* n bytes, 8-aligned, not zeroed (NULL on OOM). */
void *ss_arena_alloc(ss_arena *a, size_t n);
/* NUL-terminated copy of p[0..len) (NULL on OOM). */
char *ss_arena_dup(ss_arena *a, const char *p, size_t len);
void ss_arena_free(ss_arena *a);

/*
 * An array of fixed-size elements kept in blocks of at most 1 MiB, for the
 * same reason as the table partitions below (no fresh mmap per call).
 */
typedef struct ss_blocks {
	char **blk;
	size_t nblk, elem, count;
	unsigned shift;        /* log2(elements per block) */
	size_t mask;
} ss_blocks;
#define SS_BLOCKS_INIT {NULL, 0, 0, 0, 0, 0}
/*
 * count elements of elem bytes (zeroed when zero is non-zero), in blocks sized
 * for max(count, expected) elements up to 1 MiB. 0, -1 on OOM.
 */
int ss_blocks_init(ss_blocks *b, size_t elem, size_t count, size_t expected, int zero);
/* Appends one zeroed element and returns it (NULL on OOM). */
void *ss_blocks_push(ss_blocks *b);
/* The same without zeroing: the caller sets every field. */
void *ss_blocks_push_raw(ss_blocks *b);
void ss_blocks_free(ss_blocks *b);
static inline void *ss_blocks_at(const ss_blocks *b, size_t i)
{
	return b->blk[i >> b->shift] + (i & b->mask) * b->elem;
}

/*
 * Tables are split into partitions chosen by the hash's top bits, each at most
 * SS_PART_SLOTS slots at first, so that a partition that fills up regrows
 * alone (~1 MiB) rather than the whole table; the partitions' slots start in
 * one zeroed ss_big_alloc() block.
 */
#define SS_PART_SLOTS ((size_t)32768)

/* String key -> uint64 value. Keys are not copied: they must outlive the map. */
typedef struct ss_smap_slot {
	uint64_t hash;   /* 0 = empty */
	const char *key;
	size_t len;
	uint64_t val;
} ss_smap_slot;
typedef struct ss_smap_part {
	ss_smap_slot *slots;
	size_t cap, count;
	int own;             /* slots allocated apart from the map's block (after growing) */
} ss_smap_part;
typedef struct ss_smap {
	ss_smap_part *parts;
	void *block;         /* the partitions' first slots, one ss_big_alloc() */
	size_t block_bytes;
	unsigned shift;      /* 64 - log2(number of partitions) (64: one partition) */
	size_t nparts;
	size_t count;
	size_t collisions;  /* probes that met another key with the same 64-bit hash */
	size_t grown;       /* times a partition grew: a slot found before may have moved */
} ss_smap;
#define SS_SMAP_INIT {NULL, NULL, 0, 64, 0, 0, 0, 0}
int ss_smap_init(ss_smap *m, size_t expected);   /* 0, -1 on OOM */
/* Returns the slot holding key, or NULL. */
ss_smap_slot *ss_smap_find(const ss_smap *m, const char *key, size_t len);
/* Finds or inserts key (val 0 when new; *created says which). NULL on OOM. */
ss_smap_slot *ss_smap_put(ss_smap *m, const char *key, size_t len, int *created);
/* The same with h = ss_hash_bytes(key, len) computed by the caller, who may
 * have called ss_smap_prefetch(m, h) a few keys earlier: a big table's lookups
 * are cache misses, and prefetching lets several of them overlap. A table
 * used only through these may hash its keys otherwise, the same way for all
 * of them (the username pool: ss_hash_name()). */
ss_smap_slot *ss_smap_find_h(const ss_smap *m, const char *key, size_t len, uint64_t h);
ss_smap_slot *ss_smap_put_h(ss_smap *m, const char *key, size_t len, uint64_t h, int *created);
void ss_smap_prefetch(const ss_smap *m, uint64_t h);
/* Occupied slots in table order: start with *cursor = 0; NULL at the end. */
ss_smap_slot *ss_smap_each(const ss_smap *m, uint64_t *cursor);
void ss_smap_free(ss_smap *m);

/* Key of up to three integers -> uint64 value. */
typedef struct ss_imap_slot {
	uint64_t hash;   /* 0 = empty */
	int64_t a, b, c;
	uint64_t val;
} ss_imap_slot;
typedef struct ss_imap_part {
	ss_imap_slot *slots;
	size_t cap, count;
	int own;
} ss_imap_part;
typedef struct ss_imap {
	ss_imap_part *parts;
	void *block;
	size_t block_bytes;
	unsigned shift;
	size_t nparts;
	size_t count;
} ss_imap;
#define SS_IMAP_INIT {NULL, NULL, 0, 64, 0, 0}
int ss_imap_init(ss_imap *m, size_t expected);
ss_imap_slot *ss_imap_find(const ss_imap *m, int64_t a, int64_t b, int64_t c);
ss_imap_slot *ss_imap_put(ss_imap *m, int64_t a, int64_t b, int64_t c, int *created);
void ss_imap_free(ss_imap *m);

#endif
