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

uint64_t ss_hash_bytes(const void *p, size_t len)
{
	const unsigned char *s = p;
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	size_t i;
	for (i = 0; i < len; i++) {
		h ^= s[i];
		h *= UINT64_C(0x100000001b3);
	}
	h = ss_fmix64(h ^ len);
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

void *ss_arena_alloc(ss_arena *a, size_t n)
{
	char *p;
	n = (n + 7) & ~(size_t)7;
	if (!a->head || a->cap - a->used < n) {
		size_t cap = n > SS_ARENA_CHUNK ? n : SS_ARENA_CHUNK;
		ss_arena_chunk *c;
		if (cap > SIZE_MAX - sizeof(ss_arena_chunk)) {
			return NULL;
		}
		c = ss_malloc(sizeof(ss_arena_chunk) + cap);
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
		ss_free(c);
		c = n;
	}
	a->head = NULL;
	a->used = a->cap = 0;
}

static size_t ss_cap_for(size_t expected)
{
	size_t cap = 16;
	while (cap < expected * 2 + 2) {
		if (cap > SIZE_MAX / 4) {
			return 0;
		}
		cap <<= 1;
	}
	return cap;
}

/* ---- string map ---- */

int ss_smap_init(ss_smap *m, size_t expected)
{
	size_t cap = ss_cap_for(expected);
	m->count = 0;
	m->cap = 0;
	m->slots = NULL;
	if (!cap || cap > SIZE_MAX / sizeof(ss_smap_slot)) {
		return -1;
	}
	m->slots = ss_malloc(cap * sizeof(ss_smap_slot));
	if (!m->slots) {
		return -1;
	}
	memset(m->slots, 0, cap * sizeof(ss_smap_slot));
	m->cap = cap;
	return 0;
}

static ss_smap_slot *ss_smap_probe(const ss_smap *m, uint64_t h, const char *key, size_t len)
{
	size_t mask = m->cap - 1, i = (size_t)h & mask;
	for (;;) {
		ss_smap_slot *s = &m->slots[i];
		if (s->hash == 0) {
			return s;
		}
		if (s->hash == h && s->len == len && (len == 0 || memcmp(s->key, key, len) == 0)) {
			return s;
		}
		i = (i + 1) & mask;
	}
}

ss_smap_slot *ss_smap_find(const ss_smap *m, const char *key, size_t len)
{
	ss_smap_slot *s;
	if (!m->cap) {
		return NULL;
	}
	s = ss_smap_probe(m, ss_hash_bytes(key, len), key, len);
	return s->hash ? s : NULL;
}

static int ss_smap_grow(ss_smap *m)
{
	ss_smap n;
	size_t i;
	if (ss_smap_init(&n, m->cap) != 0) {
		return -1;
	}
	for (i = 0; i < m->cap; i++) {
		if (m->slots[i].hash) {
			*ss_smap_probe(&n, m->slots[i].hash, m->slots[i].key, m->slots[i].len) = m->slots[i];
		}
	}
	n.count = m->count;
	ss_free(m->slots);
	*m = n;
	return 0;
}

ss_smap_slot *ss_smap_put(ss_smap *m, const char *key, size_t len, int *created)
{
	uint64_t h = ss_hash_bytes(key, len);
	ss_smap_slot *s;
	if (!m->cap && ss_smap_init(m, 8) != 0) {
		return NULL;
	}
	s = ss_smap_probe(m, h, key, len);
	if (s->hash) {
		if (created) *created = 0;
		return s;
	}
	if ((m->count + 1) * 2 > m->cap) {
		if (ss_smap_grow(m) != 0) {
			return NULL;
		}
		s = ss_smap_probe(m, h, key, len);
	}
	s->hash = h;
	s->key = key;
	s->len = len;
	s->val = 0;
	m->count++;
	if (created) *created = 1;
	return s;
}

void ss_smap_free(ss_smap *m)
{
	ss_free(m->slots);
	m->slots = NULL;
	m->cap = m->count = 0;
}

/* ---- integer-triple map ---- */

static uint64_t ss_imap_hash(int64_t a, int64_t b, int64_t c)
{
	uint64_t h = ss_hash_u64((uint64_t)a);
	h = ss_hash_u64(h ^ (uint64_t)b);
	h = ss_hash_u64(h ^ (uint64_t)c);
	return h;
}

int ss_imap_init(ss_imap *m, size_t expected)
{
	size_t cap = ss_cap_for(expected);
	m->count = 0;
	m->cap = 0;
	m->slots = NULL;
	if (!cap || cap > SIZE_MAX / sizeof(ss_imap_slot)) {
		return -1;
	}
	m->slots = ss_malloc(cap * sizeof(ss_imap_slot));
	if (!m->slots) {
		return -1;
	}
	memset(m->slots, 0, cap * sizeof(ss_imap_slot));
	m->cap = cap;
	return 0;
}

static ss_imap_slot *ss_imap_probe(const ss_imap *m, uint64_t h, int64_t a, int64_t b, int64_t c)
{
	size_t mask = m->cap - 1, i = (size_t)h & mask;
	for (;;) {
		ss_imap_slot *s = &m->slots[i];
		if (s->hash == 0 || (s->hash == h && s->a == a && s->b == b && s->c == c)) {
			return s;
		}
		i = (i + 1) & mask;
	}
}

ss_imap_slot *ss_imap_find(const ss_imap *m, int64_t a, int64_t b, int64_t c)
{
	ss_imap_slot *s;
	if (!m->cap) {
		return NULL;
	}
	s = ss_imap_probe(m, ss_imap_hash(a, b, c), a, b, c);
	return s->hash ? s : NULL;
}

static int ss_imap_grow(ss_imap *m)
{
	ss_imap n;
	size_t i;
	if (ss_imap_init(&n, m->cap) != 0) {
		return -1;
	}
	for (i = 0; i < m->cap; i++) {
		ss_imap_slot *s = &m->slots[i];
		if (s->hash) {
			*ss_imap_probe(&n, s->hash, s->a, s->b, s->c) = *s;
		}
	}
	n.count = m->count;
	ss_free(m->slots);
	*m = n;
	return 0;
}

ss_imap_slot *ss_imap_put(ss_imap *m, int64_t a, int64_t b, int64_t c, int *created)
{
	uint64_t h = ss_imap_hash(a, b, c);
	ss_imap_slot *s;
	if (!m->cap && ss_imap_init(m, 8) != 0) {
		return NULL;
	}
	s = ss_imap_probe(m, h, a, b, c);
	if (s->hash) {
		if (created) *created = 0;
		return s;
	}
	if ((m->count + 1) * 2 > m->cap) {
		if (ss_imap_grow(m) != 0) {
			return NULL;
		}
		s = ss_imap_probe(m, h, a, b, c);
	}
	s->hash = h;
	s->a = a;
	s->b = b;
	s->c = c;
	s->val = 0;
	m->count++;
	if (created) *created = 1;
	return s;
}

void ss_imap_free(ss_imap *m)
{
	ss_free(m->slots);
	m->slots = NULL;
	m->cap = m->count = 0;
}
