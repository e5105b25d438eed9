/* shop_setup core: arena and open-addressing hash tables (see ss_hash.h). */
#include "ss_hash.h"

#include <string.h>

static uint64_t ss_fmix64(uint64_t h)
{
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h;
}

/*
 * Eight bytes at a time: each word is mixed in with a multiply and a rotate,
 * the tail is read as one partial word, and the murmur3 finaliser spreads the
 * result. Deterministic across platforms (little-endian reads), since product
 * references derive from it.
 */
static uint64_t ss_read64le(const unsigned char *s)
{
	return (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 | (uint64_t)s[3] << 24
		| (uint64_t)s[4] << 32 | (uint64_t)s[5] << 40 | (uint64_t)s[6] << 48 | (uint64_t)s[7] << 56;
}

static uint64_t ss_read32le(const unsigned char *s)
{
	return (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 | (uint64_t)s[3] << 24;
}

uint64_t ss_hash_bytes(const void *p, size_t len)
{
	const unsigned char *s = p;
	uint64_t h = UINT64_C(0xcbf29ce484222325) ^ ((uint64_t)len * UINT64_C(0x9e3779b97f4a7c15));
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		h ^= ss_read64le(s + i) * UINT64_C(0x87c37b91114253d5);
		h = (h << 31) | (h >> 33);
		h *= UINT64_C(0x4cf5ad432745937f);
	}
	if (i < len) {
		/* The tail's r bytes, zero-padded: from the word ending at len when
		 * there is one (no byte loop for the usual key of 9 to 40 bytes). */
		size_t r = len - i, k;
		uint64_t w = 0;
		if (len >= 8) {
			w = ss_read64le(s + len - 8) >> (8 * (8 - r));
		} else if (r >= 4) {
			/* Bytes 0-3 and r-4..r-1: where they overlap, the same byte lands
			 * in the same place, so the or is the byte-wise word. */
			w = ss_read32le(s) | ss_read32le(s + r - 4) << (8 * (r - 4));
		} else {
			/* 1 to 3 bytes: the first, the middle and the last cover them. */
			k = r >> 1;
			w = (uint64_t)s[0] | (uint64_t)s[k] << (8 * k) | (uint64_t)s[r - 1] << (8 * (r - 1));
		}
		h ^= w * UINT64_C(0x87c37b91114253d5);
		h = (h << 31) | (h >> 33);
		h *= UINT64_C(0x4cf5ad432745937f);
	}
	h = ss_fmix64(h);
	return h ? h : 1;
}

uint64_t ss_hash_u64(uint64_t x)
{
	uint64_t h = ss_fmix64(x + UINT64_C(0x9e3779b97f4a7c15));
	return h ? h : 1;
}

struct ss_arena_chunk {
	ss_arena_chunk *next;
	size_t cap;
	/* data follows */
};

#define SS_ARENA_CHUNK ((size_t)64 * 1024)
#define SS_ARENA_CHUNK_MAX ((size_t)8 << 20)

void *ss_arena_alloc(ss_arena *a, size_t n)
{
	char *p;
	n = (n + 7) & ~(size_t)7;
	if (!a->head || a->cap - a->used < n) {
		/* Chunks double up to 8 MiB: a big order's strings then sit in a few
		 * ss_big_alloc() blocks (huge pages) instead of hundreds of 64 KiB ones. */
		size_t cap = !a->head ? SS_ARENA_CHUNK
			: a->head->cap < SS_ARENA_CHUNK_MAX ? a->head->cap * 2 : SS_ARENA_CHUNK_MAX;
		ss_arena_chunk *c;
		if (cap < n) cap = n;
		if (cap > SIZE_MAX - sizeof(ss_arena_chunk)) {
			return NULL;
		}
		/* Not zeroed: every caller writes what it takes. */
		c = ss_block_alloc(sizeof(ss_arena_chunk) + cap);
		if (!c) {
			return NULL;
		}
		c->next = a->head;
		c->cap = cap;
		a->head = c;
		a->used = 0;
		a->cap = cap;
	}
	p = (char *)(a->head + 1) + a->used;
	a->used += n;
	return p;
}

char *ss_arena_dup(ss_arena *a, const char *p, size_t len)
{
	char *d;
	if (len == SIZE_MAX) {
		return NULL;
	}
	d = ss_arena_alloc(a, len + 1);
	if (!d) {
		return NULL;
	}
	if (len) {
		memcpy(d, p, len);
	}
	d[len] = '\0';
	return d;
}

void ss_arena_free(ss_arena *a)
{
	ss_arena_chunk *c = a->head;
	while (c) {
		ss_arena_chunk *n = c->next;
		ss_big_free(c, sizeof(ss_arena_chunk) + c->cap);
		c = n;
	}
	a->head = NULL;
	a->used = a->cap = 0;
}

/* ---- block arrays ---- */

#define SS_BLOCK_BYTES ((size_t)1 << 20)

/*
 * Blocks hold a power of two of elements: enough for expected, at most 1 MiB,
 * or all of them in one block when that is over SS_BIG_MIN (ss_big_alloc():
 * huge pages under PHP; pages never touched cost nothing).
 */
static int ss_blocks_setup(ss_blocks *b, size_t elem, size_t expected)
{
	size_t per = 1, limit = SS_BLOCK_BYTES;
	unsigned shift = 0;
	memset(b, 0, sizeof *b);
	if (elem == 0 || elem > SS_BLOCK_BYTES) return -1;
	if (expected >= SS_BIG_MIN / elem && expected <= (SIZE_MAX / 4) / elem) {
		limit = expected * elem * 2;
	}
	while (per < expected && per * 2 * elem <= limit) {
		per *= 2;
		shift++;
	}
	b->elem = elem;
	b->shift = shift;
	b->mask = per - 1;
	return 0;
}

static int ss_blocks_grow(ss_blocks *b, int zero)
{
	size_t bytes = (b->mask + 1) * b->elem;
	char **nb = ss_realloc(b->blk, (b->nblk + 1) * sizeof(char *));
	if (!nb) return -1;
	b->blk = nb;
	/* ss_big_alloc() zeroes: for free when the pages are fresh, with a memset below SS_BIG_MIN. */
	b->blk[b->nblk] = zero ? ss_big_alloc(bytes) : ss_block_alloc(bytes);
	if (!b->blk[b->nblk]) return -1;
	b->nblk++;
	return 0;
}

int ss_blocks_init(ss_blocks *b, size_t elem, size_t count, size_t expected, int zero)
{
	if (ss_blocks_setup(b, elem, count > expected ? count : expected) != 0) return -1;
	while (b->nblk * (b->mask + 1) < count) {
		if (ss_blocks_grow(b, zero) != 0) return -1;
	}
	b->count = count;
	return 0;
}

void *ss_blocks_push_raw(ss_blocks *b)
{
	if (!b->elem) return NULL;
	if (b->count == b->nblk * (b->mask + 1) && ss_blocks_grow(b, 0) != 0) return NULL;
	return ss_blocks_at(b, b->count++);
}

void *ss_blocks_push(ss_blocks *b)
{
	void *e;
	if (!b->elem) return NULL;
	if (b->count == b->nblk * (b->mask + 1) && ss_blocks_grow(b, 0) != 0) return NULL;
	e = ss_blocks_at(b, b->count);
	memset(e, 0, b->elem);
	b->count++;
	return e;
}

void ss_blocks_free(ss_blocks *b)
{
	size_t i;
	for (i = 0; i < b->nblk; i++) ss_big_free(b->blk[i], (b->mask + 1) * b->elem);
	ss_free(b->blk);
	b->blk = NULL;
	b->nblk = b->count = 0;
}

/* Capacity for a load of at most 0.7: a fresh table costs its size in page faults. */
#define SS_FULL(count, cap) ((count) * 10 > (cap) * 7)

static size_t ss_cap_for(size_t expected)
{
	size_t cap = 16;
	while (SS_FULL(expected + 1, cap)) {
		if (cap > SIZE_MAX / 4) {
			return 0;
		}
		cap <<= 1;
	}
	return cap;
}

/* Number of partitions (a power of two) and the shift that selects one. */
static size_t ss_nparts_for(size_t expected, unsigned *shift)
{
	size_t per = SS_PART_SLOTS * 7 / 10, n = 1;
	unsigned bits = 0;
	while (n * per < expected && bits < 16) {
		n <<= 1;
		bits++;
	}
	*shift = 64 - bits;
	return n;
}

#define SS_PART_OF(m, h) ((m)->shift >= 64 ? 0 : (size_t)((h) >> (m)->shift))

/* ---- string map ---- */

/*
 * The slots of every partition come from one zeroed block (ss_big_alloc());
 * a partition that outgrows its share gets a block of its own (own = 1).
 */
static void *ss_parts_block(size_t nparts, size_t cap, size_t slot, size_t *bytes)
{
	if (!cap || cap > SIZE_MAX / slot / nparts) return NULL;
	*bytes = nparts * cap * slot;
	return ss_big_alloc(*bytes);
}

/*
 * What both maps' init share: the number of partitions (and the shift that
 * picks one), the array of nparts partition records of part_size bytes, the
 * slots per partition, and the one zeroed block all their slots start in.
 * 0, or -1 on OOM with nothing kept.
 */
static int ss_parts_init(size_t expected, size_t part_size, size_t slot_size, unsigned *shift, size_t *nparts,
	void **parts, char **block, size_t *block_bytes, size_t *cap)
{
	*nparts = ss_nparts_for(expected, shift);
	*parts = ss_malloc(*nparts * part_size);
	if (!*parts) {
		*nparts = 0;
		return -1;
	}
	*cap = ss_cap_for(expected / *nparts + 1);
	*block = ss_parts_block(*nparts, *cap, slot_size, block_bytes);
	if (!*block) {
		ss_free(*parts);
		*parts = NULL;
		*nparts = 0;
		return -1;
	}
	return 0;
}

int ss_smap_init(ss_smap *m, size_t expected)
{
	size_t i, cap;
	char *block;
	void *parts;
	m->collisions = 0;
	m->grown = 0;
	m->count = 0;
	m->block = NULL;
	m->parts = NULL;
	if (ss_parts_init(expected, sizeof(ss_smap_part), sizeof(ss_smap_slot), &m->shift, &m->nparts,
			&parts, &block, &m->block_bytes, &cap) != 0) {
		return -1;
	}
	m->parts = parts;
	m->block = block;
	for (i = 0; i < m->nparts; i++) {
		ss_smap_part *p = &m->parts[i];
		p->count = 0;
		p->own = 0;
		p->slots = (ss_smap_slot *)(block + i * cap * sizeof(ss_smap_slot));
		p->cap = cap;
	}
	return 0;
}

/*
 * Whether the n bytes at a and b are equal, a word at a time from each end:
 * a slot whose 64-bit hash matches is almost always the key, and a call to
 * memcmp() for 10 to 40 bytes cost more than the comparison.
 */
static inline int ss_same_bytes(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	uint32_t u, v, w, z;
	size_t i;
	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8) {
			memcpy(&x, a + i, 8);
			memcpy(&y, b + i, 8);
			if (x != y) return 0;
		}
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		return x == y;
	}
	if (n >= 4) {
		memcpy(&u, a, 4);
		memcpy(&v, b, 4);
		memcpy(&w, a + n - 4, 4);
		memcpy(&z, b + n - 4, 4);
		return u == v && w == z;
	}
	for (i = 0; i < n; i++) {
		if (a[i] != b[i]) return 0;
	}
	return 1;
}

static ss_smap_slot *ss_smap_probe(const ss_smap *m, const ss_smap_part *p, uint64_t h, const char *key, size_t len)
{
	size_t mask = p->cap - 1, i = (size_t)h & mask;
	for (;;) {
		ss_smap_slot *s = &p->slots[i];
		if (s->hash == 0) {
			return s;
		}
		if (s->hash == h) {
			if (s->len == len && ss_same_bytes(s->key, key, len)) {
				return s;
			}
			((ss_smap *)m)->collisions++;   /* two keys, one 64-bit hash */
		}
		i = (i + 1) & mask;
	}
}

ss_smap_slot *ss_smap_find(const ss_smap *m, const char *key, size_t len)
{
	return ss_smap_find_h(m, key, len, ss_hash_bytes(key, len));
}

ss_smap_slot *ss_smap_find_h(const ss_smap *m, const char *key, size_t len, uint64_t h)
{
	ss_smap_slot *s;
	if (!m->nparts) {
		return NULL;
	}
	s = ss_smap_probe(m, &m->parts[SS_PART_OF(m, h)], h, key, len);
	return s->hash ? s : NULL;
}

void ss_smap_prefetch(const ss_smap *m, uint64_t h)
{
	if (m->nparts) {
		const ss_smap_part *p = &m->parts[SS_PART_OF(m, h)];
#if defined(__GNUC__) || defined(__clang__)
		__builtin_prefetch(&p->slots[(size_t)h & (p->cap - 1)]);
#else
		(void)p;
#endif
	}
}

static int ss_smap_grow(ss_smap *m, ss_smap_part *p)
{
	size_t i, cap = p->cap * 2;
	ss_smap_slot *slots;
	ss_smap_part np;
	if (cap > SIZE_MAX / sizeof(ss_smap_slot)) return -1;
	slots = ss_big_alloc(cap * sizeof(ss_smap_slot));
	if (!slots) return -1;
	np.slots = slots;
	np.cap = cap;
	np.count = p->count;
	np.own = 1;
	for (i = 0; i < p->cap; i++) {
		if (p->slots[i].hash) {
			*ss_smap_probe(m, &np, p->slots[i].hash, p->slots[i].key, p->slots[i].len) = p->slots[i];
		}
	}
	if (p->own) ss_big_free(p->slots, p->cap * sizeof(ss_smap_slot));
	*p = np;
	m->grown++;
	return 0;
}

ss_smap_slot *ss_smap_put(ss_smap *m, const char *key, size_t len, int *created)
{
	return ss_smap_put_h(m, key, len, ss_hash_bytes(key, len), created);
}

ss_smap_slot *ss_smap_put_h(ss_smap *m, const char *key, size_t len, uint64_t h, int *created)
{
	ss_smap_part *p;
	ss_smap_slot *s;
	if (!m->nparts && ss_smap_init(m, 8) != 0) {
		return NULL;
	}
	p = &m->parts[SS_PART_OF(m, h)];
	s = ss_smap_probe(m, p, h, key, len);
	if (s->hash) {
		if (created) *created = 0;
		return s;
	}
	if (SS_FULL(p->count + 1, p->cap)) {
		if (ss_smap_grow(m, p) != 0) {
			return NULL;
		}
		s = ss_smap_probe(m, p, h, key, len);
	}
	s->hash = h;
	s->key = key;
	s->len = len;
	s->val = 0;
	p->count++;
	m->count++;
	if (created) *created = 1;
	return s;
}

ss_smap_slot *ss_smap_each(const ss_smap *m, uint64_t *cursor)
{
	/* cursor: partition in the top 16 bits, slot below (at most 65536 partitions). */
	const uint64_t low = (UINT64_C(1) << 48) - 1;
	for (;;) {
		size_t part = (size_t)(*cursor >> 48), i = (size_t)(*cursor & low);
		if (part >= m->nparts) {
			return NULL;
		}
		if (i >= m->parts[part].cap) {
			*cursor = (uint64_t)(part + 1) << 48;
			continue;
		}
		(*cursor)++;
		if (m->parts[part].slots[i].hash) {
			return &m->parts[part].slots[i];
		}
	}
}

void ss_smap_free(ss_smap *m)
{
	size_t i;
	for (i = 0; i < m->nparts; i++) {
		if (m->parts[i].own) ss_big_free(m->parts[i].slots, m->parts[i].cap * sizeof(ss_smap_slot));
	}
	if (m->block) ss_big_free(m->block, m->block_bytes);
	m->block = NULL;
	ss_free(m->parts);
	m->parts = NULL;
	m->nparts = 0;
	m->count = 0;
}

/* ---- integer-triple map ---- */

/*
 * One finaliser over the three ids, each first multiplied by its own odd
 * constant (so that (a, b) and (b, a) differ): a table's hash, never stored,
 * so it can be this cheap.
 */
static uint64_t ss_imap_hash(int64_t a, int64_t b, int64_t c)
{
	uint64_t h = ss_fmix64((uint64_t)a * UINT64_C(0x9e3779b97f4a7c15) ^ (uint64_t)b * UINT64_C(0xc2b2ae3d27d4eb4f)
		^ (uint64_t)c * UINT64_C(0x165667b19e3779f9));
	return h ? h : 1;
}

int ss_imap_init(ss_imap *m, size_t expected)
{
	size_t i, cap;
	char *block;
	void *parts;
	m->count = 0;
	m->block = NULL;
	m->parts = NULL;
	if (ss_parts_init(expected, sizeof(ss_imap_part), sizeof(ss_imap_slot), &m->shift, &m->nparts,
			&parts, &block, &m->block_bytes, &cap) != 0) {
		return -1;
	}
	m->parts = parts;
	m->block = block;
	for (i = 0; i < m->nparts; i++) {
		ss_imap_part *p = &m->parts[i];
		p->count = 0;
		p->own = 0;
		p->slots = (ss_imap_slot *)(block + i * cap * sizeof(ss_imap_slot));
		p->cap = cap;
	}
	return 0;
}

static ss_imap_slot *ss_imap_probe(const ss_imap_part *p, uint64_t h, int64_t a, int64_t b, int64_t c)
{
	size_t mask = p->cap - 1, i = (size_t)h & mask;
	for (;;) {
		ss_imap_slot *s = &p->slots[i];
		if (s->hash == 0 || (s->hash == h && s->a == a && s->b == b && s->c == c)) {
			return s;
		}
		i = (i + 1) & mask;
	}
}

ss_imap_slot *ss_imap_find(const ss_imap *m, int64_t a, int64_t b, int64_t c)
{
	uint64_t h;
	ss_imap_slot *s;
	if (!m->nparts) {
		return NULL;
	}
	h = ss_imap_hash(a, b, c);
	s = ss_imap_probe(&m->parts[SS_PART_OF(m, h)], h, a, b, c);
	return s->hash ? s : NULL;
}

static int ss_imap_grow(ss_imap_part *p)
{
	size_t i, cap = p->cap * 2;
	ss_imap_part np;
	if (cap > SIZE_MAX / sizeof(ss_imap_slot)) return -1;
	np.slots = ss_big_alloc(cap * sizeof(ss_imap_slot));
	if (!np.slots) return -1;
	np.cap = cap;
	np.count = p->count;
	np.own = 1;
	for (i = 0; i < p->cap; i++) {
		ss_imap_slot *s = &p->slots[i];
		if (s->hash) {
			*ss_imap_probe(&np, s->hash, s->a, s->b, s->c) = *s;
		}
	}
	if (p->own) ss_big_free(p->slots, p->cap * sizeof(ss_imap_slot));
	*p = np;
	return 0;
}

ss_imap_slot *ss_imap_put(ss_imap *m, int64_t a, int64_t b, int64_t c, int *created)
{
	uint64_t h = ss_imap_hash(a, b, c);
	ss_imap_part *p;
	ss_imap_slot *s;
	if (!m->nparts && ss_imap_init(m, 8) != 0) {
		return NULL;
	}
	p = &m->parts[SS_PART_OF(m, h)];
	s = ss_imap_probe(p, h, a, b, c);
	if (s->hash) {
		if (created) *created = 0;
		return s;
	}
	if (SS_FULL(p->count + 1, p->cap)) {
		if (ss_imap_grow(p) != 0) {
			return NULL;
		}
		s = ss_imap_probe(p, h, a, b, c);
	}
	s->hash = h;
	s->a = a;
	s->b = b;
	s->c = c;
	s->val = 0;
	p->count++;
	m->count++;
	if (created) *created = 1;
	return s;
}

void ss_imap_free(ss_imap *m)
{
	size_t i;
	for (i = 0; i < m->nparts; i++) {
		if (m->parts[i].own) ss_big_free(m->parts[i].slots, m->parts[i].cap * sizeof(ss_imap_slot));
	}
	if (m->block) ss_big_free(m->block, m->block_bytes);
	m->block = NULL;
	ss_free(m->parts);
	m->parts = NULL;
	m->nparts = 0;
	m->count = 0;
}
