/*
 * Helpers shared by the libFuzzer harnesses (fuzz/fuzz_*.c).
 *
 * - FUZZ_ASSERT: a failed property aborts with a message, which libFuzzer turns
 *   into a crash artefact (fuzz/run.sh prints it).
 * - A reference UTF-8 validator written from the Unicode definition (table 3-7),
 *   deliberately not sharing code with ss_utf8_check(), so that the two check
 *   each other.
 * - Allocation failure injection: fuzz_alloc_fail_at(n) makes the n-th core
 *   allocation from now on return NULL, so every harness can check that an
 *   out-of-memory path reports NOMEM and frees what it took (LeakSanitizer
 *   runs after every input).
 */
#ifndef SS_FUZZ_COMMON_H
#define SS_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ss_common.h"

#define FUZZ_ASSERT(cond, ...) do { \
	if (!(cond)) { \
		fprintf(stderr, "property failed at %s:%d: %s\n  ", __FILE__, __LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__); \
		fputc('\n', stderr); \
		abort(); \
	} \
} while (0)

static inline int fuzz_is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static inline int fuzz_hex(unsigned char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

/* Offset of the first byte of the first ill-formed sequence, or len. */
static inline size_t fuzz_ref_utf8(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i], n, k;
		uint32_t cp, min;
		if (c < 0x80) { i++; continue; }
		if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; min = 0x80; }
		else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; min = 0x800; }
		else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; min = 0x10000; }
		else return i;
		if (len - i < n) return i;
		for (k = 1; k < n; k++) {
			if ((s[i + k] & 0xC0) != 0x80) return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
		i += n;
	}
	return len;
}

/* Allocation hooks with failure injection and a live-allocation count. */
static long fuzz_alloc_countdown = -1; /* -1: never fail */
static long fuzz_alloc_live;
static long fuzz_alloc_calls;

static void *fuzz_malloc(size_t n)
{
	fuzz_alloc_calls++;
	if (fuzz_alloc_countdown == 0) { fuzz_alloc_countdown = -1; return NULL; }
	if (fuzz_alloc_countdown > 0) fuzz_alloc_countdown--;
	void *p = malloc(n);
	if (p) fuzz_alloc_live++;
	return p;
}

static void *fuzz_realloc(void *p, size_t n)
{
	fuzz_alloc_calls++;
	if (fuzz_alloc_countdown == 0) { fuzz_alloc_countdown = -1; return NULL; }
	if (fuzz_alloc_countdown > 0) fuzz_alloc_countdown--;
	void *q = realloc(p, n);
	if (q && !p) fuzz_alloc_live++;
	return q;
}

static void fuzz_free(void *p)
{
	if (p) fuzz_alloc_live--;
	free(p);
}

static inline void fuzz_alloc_install(void)
{
	static const ss_alloc_hooks hooks = {fuzz_malloc, fuzz_realloc, fuzz_free};
	ss_set_alloc_hooks(&hooks);
}

/* The n-th allocation from now on fails (n = 0: the next one); -1 disables. */
static inline void fuzz_alloc_fail_at(long n)
{
	fuzz_alloc_countdown = n;
	fuzz_alloc_calls = 0;
}

/* FNV-1a: derives harness choices (where to stop, which allocation fails) from the input. */
static inline uint32_t fuzz_hash(const uint8_t *d, size_t n)
{
	uint32_t h = 2166136261u;
	while (n--) h = (h ^ *d++) * 16777619u;
	return h;
}

#endif
