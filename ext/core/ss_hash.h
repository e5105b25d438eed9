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
} ss_smap;
#define SS_SMAP_INIT {NULL, NULL, 0, 64, 0, 0, 0}
int ss_smap_init(ss_smap *m, size_t expected);   /* 0, -1 on OOM */
/* Returns the slot holding key, or NULL. */
ss_smap_slot *ss_smap_find(const ss_smap *m, const char *key, size_t len);
/* Finds or inserts key (val 0 when new; *created says which). NULL on OOM. */
ss_smap_slot *ss_smap_put(ss_smap *m, const char *key, size_t len, int *created);
/* The same with h = ss_hash_bytes(key, len) computed by the caller, who may
 * have called ss_smap_prefetch(m, h) a few keys earlier: a big table's lookups
 * are cache misses, and prefetching lets several of them overlap. */
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
