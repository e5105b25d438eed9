/*
 * shop_setup: Zend-free core, common definitions.
 *
 * Everything under ext/core/ compiles without PHP headers: the fuzzers and the
 * C unit tests link it alone (see ext/core/Makefile). Memory comes from the
 * hooks below, which the PHP binding points at emalloc() so that a hostile
 * order counts against memory_limit; standalone builds use malloc().
 */
#ifndef SS_COMMON_H
#define SS_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ss_alloc_hooks {
	void *(*malloc_fn)(size_t size);
	void *(*realloc_fn)(void *ptr, size_t size);
	void (*free_fn)(void *ptr);
	/* Optional: zeroed blocks of at least SS_BIG_MIN bytes (the planner's tables
	 * and arrays for big orders), freed with their size. NULL: malloc_fn + memset. */
	void *(*big_alloc_fn)(size_t size);
	void (*big_free_fn)(void *ptr, size_t size);
} ss_alloc_hooks;

/* Replaces the allocator (NULL restores malloc/realloc/free). Call once, at start-up. */
void ss_set_alloc_hooks(const ss_alloc_hooks *hooks);
void *ss_malloc(size_t size);
/* An array of n items of size bytes (n may be 0); NULL when n * size overflows. */
void *ss_malloc_n(size_t n, size_t size);
void *ss_realloc(void *ptr, size_t size);
void ss_free(void *ptr);

/*
 * Zeroed memory for one large block. From SS_BIG_MIN bytes up it goes to
 * big_alloc_fn (the PHP binding maps such blocks with transparent huge pages:
 * on a virtual machine a fresh 4 KiB page costs ~12 us to fault in); below
 * that, or without the hook, it is ss_malloc() + memset. Free it with
 * ss_big_free() and the same size.
 */
#define SS_BIG_MIN ((size_t)2 << 20)
void *ss_big_alloc(size_t size);
void ss_big_free(void *ptr, size_t size);
/*
 * A block whose caller writes all it uses, so needs no zeroing: from
 * SS_BIG_MIN bytes up an ss_big_alloc() (its huge pages; zeroed anyway),
 * below that ss_malloc(). Free it with ss_big_free() and the same size.
 */
void *ss_block_alloc(size_t size);
/*
 * An array of n items of size bytes in one ss_block_alloc() block, indexed
 * directly. NULL on OOM or when n * size overflows. Free it with
 * ss_flat_free() and the same n and size.
 */
void *ss_flat_alloc(size_t n, size_t size);
void ss_flat_free(void *ptr, size_t n, size_t size);

/* A growable byte buffer; always NUL-terminated once it holds anything. */
typedef struct ss_buf {
	char *p;
	size_t len;
	size_t cap;
} ss_buf;

#define SS_BUF_INIT {NULL, 0, 0}

int ss_buf_grow(ss_buf *b, size_t extra);             /* ss_buf_reserve() when b must grow */
/* Room for extra more bytes and a NUL: 0 on success, -1 on overflow/OOM. Inline
 * while the room is there (names and lines are built from many short appends). */
static inline int ss_buf_reserve(ss_buf *b, size_t extra)
{
	return b->cap > b->len && extra < b->cap - b->len ? 0 : ss_buf_grow(b, extra);
}
/* Appends s[0..n) and keeps b NUL-terminated: 0 on success. */
static inline int ss_buf_append(ss_buf *b, const char *s, size_t n)
{
	if (ss_buf_reserve(b, n) != 0) {
		return -1;
	}
	if (n) {
		memcpy(b->p + b->len, s, n);
	}
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}
static inline int ss_buf_putc(ss_buf *b, char c)
{
	return ss_buf_append(b, &c, 1);
}
void ss_buf_free(ss_buf *b);

/*
 * Returns len when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF), otherwise the offset of the first byte of the first
 * ill-formed sequence.
 */
size_t ss_utf8_check(const char *s, size_t len);
/*
 * 1 when s[0..len) is well-formed UTF-8 with no NUL byte, 0 otherwise: the
 * NUL scan and ss_utf8_check() in one pass, for the strings that are not
 * plain ASCII (names with accents). It says neither where nor why: on 0 the
 * caller runs those exact checks for its message.
 */
int ss_utf8_text(const char *s, size_t len);
/* The high bit of each byte of w that is >= 0x80 or zero (the classic has-zero
 * test); ones and highs are 0x01 and 0x80 in every byte of w's width. Also
 * ss_utf8_text()'s test. */
#define SS_ASCII_BAD(w, ones, highs) (((w) | (((w) - (ones)) & ~(w))) & (highs))
/*
 * 1 when every byte of s[0..len) is in 0x01..0x7F (so NUL-free, well-formed
 * UTF-8): the common case, checked eight bytes at a time; 0 otherwise (the
 * caller then runs the exact checks, which say where and why). Inline: the
 * binding checks every string field of an order with it.
 */
static inline int ss_plain_ascii(const char *s, size_t len)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
	uint64_t bad = 0, w;
	size_t i = 0;
	if (len < 8) {
		if (len >= 4) {
			/* The first and the last four bytes (overlapping), the same test on 32 bits. */
			uint32_t a, b;
			memcpy(&a, s, 4);
			memcpy(&b, s + len - 4, 4);
			return (SS_ASCII_BAD(a, UINT32_C(0x01010101), UINT32_C(0x80808080))
				| SS_ASCII_BAD(b, UINT32_C(0x01010101), UINT32_C(0x80808080))) == 0;
		}
		for (; i < len; i++) {
			unsigned char c = (unsigned char)s[i];
			if (c == 0 || c >= 0x80) return 0;
		}
		return 1;
	}
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		bad |= SS_ASCII_BAD(w, ones, highs);
	}
	if (i < len) {
		memcpy(&w, s + len - 8, 8);   /* the last eight bytes, overlapping: a fixed-size load */
		bad |= SS_ASCII_BAD(w, ones, highs);
	}
	return bad == 0;
}

/* Resource limits that every entry point enforces (documented in README). */
#define SS_MAX_PARAMS_LEN     ((size_t)16 * 1024 * 1024) /* handler parameter string */
#define SS_MAX_EMAIL_LEN      ((size_t)1024)             /* longer cannot be valid: 64 + 1 + 255 */
#define SS_MAX_PARTICIPANTS   ((size_t)1000000)          /* per order */
#define SS_MAX_FIELD_LEN      ((size_t)4096)             /* names, city, institution, phone */

#ifdef __cplusplus
}
#endif
#endif
