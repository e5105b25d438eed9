/* shop_setup core: allocation hooks, byte buffers, UTF-8 validation. */
#include "ss_common.h"

#include <stdlib.h>
#include <string.h>

static ss_alloc_hooks ss_hooks = {malloc, realloc, free, NULL, NULL};

void ss_set_alloc_hooks(const ss_alloc_hooks *hooks)
{
	static const ss_alloc_hooks def = {malloc, realloc, free, NULL, NULL};
	ss_hooks = hooks ? *hooks : def;
	if (!ss_hooks.big_alloc_fn || !ss_hooks.big_free_fn) {
		ss_hooks.big_alloc_fn = NULL;
		ss_hooks.big_free_fn = NULL;
	}
}

void *ss_malloc(size_t size) { return ss_hooks.malloc_fn(size ? size : 1); }
void *ss_malloc_n(size_t n, size_t size) { return size && n > SIZE_MAX / size ? NULL : ss_malloc(n * size); }
void *ss_realloc(void *ptr, size_t size) { return ss_hooks.realloc_fn(ptr, size ? size : 1); }
void ss_free(void *ptr) { if (ptr) ss_hooks.free_fn(ptr); }

void *ss_big_alloc(size_t size)
{
	void *p;
	if (size >= SS_BIG_MIN && ss_hooks.big_alloc_fn) {
		return ss_hooks.big_alloc_fn(size);
	}
	p = ss_malloc(size);
	if (p) memset(p, 0, size ? size : 1);
	return p;
}

void ss_big_free(void *ptr, size_t size)
{
	if (!ptr) return;
	if (size >= SS_BIG_MIN && ss_hooks.big_free_fn) {
		ss_hooks.big_free_fn(ptr, size);
	} else {
		ss_free(ptr);
	}
}

void *ss_block_alloc(size_t size)
{
	return size >= SS_BIG_MIN ? ss_big_alloc(size) : ss_malloc(size);
}

void *ss_flat_alloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size) return NULL;
	return ss_block_alloc(n * size);
}

void ss_flat_free(void *ptr, size_t n, size_t size)
{
	ss_big_free(ptr, n * size);
}

int ss_buf_grow(ss_buf *b, size_t extra)
{
	size_t need, cap;
	char *np;

	if (extra > SIZE_MAX - b->len - 1) {
		return -1;
	}
	need = b->len + extra + 1;
	if (need <= b->cap) {
		return 0;
	}
	cap = b->cap ? b->cap : 64;
	while (cap < need) {
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	}
	np = ss_realloc(b->p, cap);
	if (!np) {
		return -1;
	}
	b->p = np;
	b->cap = cap;
	return 0;
}

void ss_buf_free(ss_buf *b)
{
	ss_free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

/*
 * Offset of the first byte that starts an ill-formed sequence, or (nul) is
 * NUL; len when none. Inline with a constant nul, so that each of the two
 * functions below gets its own loop.
 */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline size_t ss_utf8_scan(const char *str, size_t len, int nul)
{
	const unsigned char *s = (const unsigned char *)str;
	const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		if (c < 0x80) {
			/* ASCII fast path: eight bytes at a time while eight are left; the
			 * rest in one word ending at len when that word lies within this
			 * run (or in two of four bytes), else byte by byte. With nul, the
			 * word test is ss_plain_ascii()'s (SS_ASCII_BAD), which also
			 * flags NUL. */
			uint64_t w;
			uint32_t w1, w2;
			size_t run = i;
			while (i + 8 <= len) {
				memcpy(&w, s + i, 8);
				if (nul ? SS_ASCII_BAD(w, ones, highs) : w & highs) {
					break;
				}
				i += 8;
			}
			if (len - i < 8) {
				if (len - run >= 8) {
					memcpy(&w, s + len - 8, 8);
					if (!(nul ? SS_ASCII_BAD(w, ones, highs) : w & highs)) return len;
				} else if (len - i >= 4) {
					memcpy(&w1, s + i, 4);
					memcpy(&w2, s + len - 4, 4);
					if (!(nul ? SS_ASCII_BAD(w1, UINT32_C(0x01010101), UINT32_C(0x80808080))
							| SS_ASCII_BAD(w2, UINT32_C(0x01010101), UINT32_C(0x80808080))
						: (w1 | w2) & UINT32_C(0x80808080))) return len;
				}
			}
			while (i < len && (nul ? (unsigned char)(s[i] - 1) < 0x7F : s[i] < 0x80)) {
				i++;
			}
			if (nul && i < len && s[i] == 0) return i;
			continue;
		}
		/* Continuation bytes are 0x80 and up: never NUL. */
		if (c >= 0xC2 && c <= 0xDF) {
			if (i + 1 >= len || (s[i + 1] & 0xC0) != 0x80) return i;
			i += 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
			if (i + 2 >= len || s[i + 1] < lo || s[i + 1] > hi || (s[i + 2] & 0xC0) != 0x80) return i;
			i += 3;
		} else if (c >= 0xF0 && c <= 0xF4) {
			unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
			if (i + 3 >= len || s[i + 1] < lo || s[i + 1] > hi || (s[i + 2] & 0xC0) != 0x80
				|| (s[i + 3] & 0xC0) != 0x80) return i;
			i += 4;
		} else {
			return i;
		}
	}
	return len;
}

size_t ss_utf8_check(const char *str, size_t len)
{
	return ss_utf8_scan(str, len, 0);
}

int ss_utf8_text(const char *str, size_t len)
{
	return ss_utf8_scan(str, len, 1) == len;
}
