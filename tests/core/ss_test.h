/* Minimal C unit-test harness for the Zend-free core. */
#ifndef SS_TEST_H
#define SS_TEST_H
#include <stdio.h>
#include <string.h>

static int ss_t_passed, ss_t_failed;

#define SS_CHECK(cond) do { \
	if (cond) { ss_t_passed++; } \
	else { ss_t_failed++; fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

/* A small deterministic generator (xorshift), so that a test is the same on every run. */
static unsigned long long ss_test_rnd_state = 88172645463325252ULL;
static inline unsigned ss_test_rnd(unsigned n)
{
	ss_test_rnd_state ^= ss_test_rnd_state << 13;
	ss_test_rnd_state ^= ss_test_rnd_state >> 7;
	ss_test_rnd_state ^= ss_test_rnd_state << 17;
	return (unsigned)(ss_test_rnd_state % n);
}

#define SS_CHECK_MEM(a, alen, b, blen) SS_CHECK((alen) == (blen) && memcmp((a), (b), (alen)) == 0)

#define SS_TEST_END(name) do { \
	printf("%s: %d passed, %d failed\n", (name), ss_t_passed, ss_t_failed); \
	return ss_t_failed ? 1 : 0; \
} while (0)

#endif
