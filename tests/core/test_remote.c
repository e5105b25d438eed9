/* Unit tests of the Zend-free remote provisioning policy (ext/core/ss_remote.c). */
#include "ss_remote.h"
#include "ss_test.h"

#include <stdlib.h>

static void test_escape(void)
{
	ss_buf b = SS_BUF_INIT;
	SS_CHECK(ss_url_escape(&b, "a-Z_0.~ +&=[]%\xC3\xA9", 16) == 0);
	SS_CHECK(strcmp(b.p, "a-Z_0.~%20%2B%26%3D%5B%5D%25%C3%A9") == 0);
	ss_buf_free(&b);

	/* NUL bytes survive (the binding rejects them before, the encoder never truncates). */
	SS_CHECK(ss_url_escape(&b, "a\0b", 3) == 0);
	SS_CHECK(strcmp(b.p, "a%00b") == 0);
	ss_buf_free(&b);
}

static void test_form(void)
{
	ss_form f = SS_FORM_INIT;
	char key[64];
	size_t kl;

	kl = ss_form_key(key, sizeof key, "users", 0, "email");
	SS_CHECK(kl == 15 && strcmp(key, "users[0][email]") == 0);
	SS_CHECK(ss_form_add(&f, key, kl, "Jean.Dupont@exemple.fr", 22) == 0);
	kl = ss_form_key(key, sizeof key, "values", 12, NULL);
	SS_CHECK(strcmp(key, "values[12]") == 0);
	SS_CHECK(ss_form_add_int(&f, key, kl, -42) == 0);
	SS_CHECK(ss_form_add(&f, "wsfunction", 10, "core_user_create_users", 22) == 0);
	SS_CHECK(f.vars == 3);
	SS_CHECK(strcmp(f.buf.p, "users%5B0%5D%5Bemail%5D=Jean.Dupont%40exemple.fr&values%5B12%5D=-42"
		"&wsfunction=core_user_create_users") == 0);
	ss_form_free(&f);

	/* Too small a key buffer: 0, never a truncated key. */
	SS_CHECK(ss_form_key(key, 8, "enrolments", 1000, "timestart") == 0);
	SS_CHECK(key[0] == '\0');
}

static size_t drain(ss_batch *b, ss_range *out, size_t max)
{
	size_t n = 0;
	while (n < max && ss_batch_next(b, &out[n])) {
		n++;
	}
	return n;
}

static void test_chunking(void)
{
	uint32_t vars[10] = {6, 6, 6, 6, 6, 6, 7, 7, 7, 7};
	ss_range r[16];
	ss_batch b;
	size_t n;

	/* Budget 20 variables: 3 users of 6, then 3 of 6, then 2 of 7 ... */
	SS_CHECK(ss_batch_init(&b, vars, 10, 20, 0) == 0);
	n = drain(&b, r, 16);
	SS_CHECK(n == 4);
	SS_CHECK(r[0].lo == 0 && r[0].hi == 3);
	SS_CHECK(r[1].lo == 3 && r[1].hi == 6);
	SS_CHECK(r[2].lo == 6 && r[2].hi == 8);
	SS_CHECK(r[3].lo == 8 && r[3].hi == 10);
	SS_CHECK(ss_batch_count(&b, SS_ITEM_SENT) == 10);
	ss_batch_free(&b);

	/* max_items caps a chunk before the budget does. */
	SS_CHECK(ss_batch_init(&b, NULL, 10, 1000, 4) == 0);
	n = drain(&b, r, 16);
	SS_CHECK(n == 3 && r[2].lo == 8 && r[2].hi == 10);
	ss_batch_free(&b);

	/* An item over budget alone still makes a chunk of one (never an empty request). */
	{
		uint32_t big[3] = {1, 50, 1};
		SS_CHECK(ss_batch_init(&b, big, 3, 10, 0) == 0);
		n = drain(&b, r, 16);
		SS_CHECK(n == 3 && r[1].lo == 1 && r[1].hi == 2);
		ss_batch_free(&b);
	}

	/* Nothing to do: no range. */
	SS_CHECK(ss_batch_init(&b, NULL, 0, 10, 0) == 0);
	SS_CHECK(drain(&b, r, 16) == 0);
	ss_batch_free(&b);
}

/* Simulates Moodle: a batch containing a bad item is rejected whole. */
static void test_bisection(void)
{
	enum { N = 64 };
	int bad[N] = {0};
	ss_batch b;
	ss_range r;
	size_t requests = 0, culprits = 0;

	bad[5] = bad[40] = bad[41] = 1;
	SS_CHECK(ss_batch_init(&b, NULL, N, 1000, 0) == 0);
	while (ss_batch_next(&b, &r)) {
		size_t i;
		int rejected = 0;
		requests++;
		for (i = r.lo; i < r.hi; i++) {
			rejected |= bad[i];
		}
		if (rejected) {
			int rc = ss_batch_reject(&b, r);
			SS_CHECK(rc >= 0);
			if (rc == 1) {
				culprits++;
				SS_CHECK(bad[r.lo]);
			}
		} else {
			ss_batch_mark(&b, r, SS_ITEM_DONE);
		}
		SS_CHECK(requests < 1000);
	}
	SS_CHECK(culprits == 3);
	SS_CHECK(ss_batch_count(&b, SS_ITEM_FAILED) == 3);
	SS_CHECK(ss_batch_count(&b, SS_ITEM_DONE) == N - 3);
	SS_CHECK(b.state[5] == SS_ITEM_FAILED && b.state[40] == SS_ITEM_FAILED && b.state[41] == SS_ITEM_FAILED);
	/* Logarithmic: far fewer requests than one per item. */
	SS_CHECK(requests <= 1 + 3 * 2 * 6);
	ss_batch_free(&b);
}

static void test_requeue(void)
{
	ss_batch b;
	ss_range r, r2[8];
	size_t n;

	SS_CHECK(ss_batch_init(&b, NULL, 10, 100, 0) == 0);
	SS_CHECK(ss_batch_next(&b, &r) && r.lo == 0 && r.hi == 10);
	/* Truncated answer: the first 6 went through; resend the rest in halves. */
	ss_batch_mark(&b, (ss_range){0, 6, 0}, SS_ITEM_DONE);
	ss_batch_mark(&b, (ss_range){6, 10, 0}, SS_ITEM_PENDING);
	b.budget = 2;
	SS_CHECK(ss_batch_requeue_pending(&b, r) == 0);
	n = drain(&b, r2, 8);
	SS_CHECK(n == 2 && r2[0].lo == 6 && r2[0].hi == 8 && r2[1].lo == 8 && r2[1].hi == 10);

	/* Verified after an unknown outcome: 6 and 8 exist, 7 and 9 are missing. */
	ss_batch_mark(&b, (ss_range){6, 10, 0}, SS_ITEM_DONE);
	b.state[7] = b.state[9] = SS_ITEM_PENDING;
	b.budget = 100;
	SS_CHECK(ss_batch_requeue_pending(&b, (ss_range){0, 10, 0}) == 0);
	n = drain(&b, r2, 8);
	SS_CHECK(n == 2 && r2[0].lo == 7 && r2[0].hi == 8 && r2[1].lo == 9 && r2[1].hi == 10);

	/* A transport retry keeps the attempt count. */
	r.lo = 3; r.hi = 5; r.attempt = 2;
	SS_CHECK(ss_batch_retry(&b, r) == 0);
	SS_CHECK(ss_batch_next(&b, &r) && r.attempt == 2 && r.lo == 3);
	ss_batch_free(&b);

	/* The queue grows past its first allocation and keeps FIFO order. */
	SS_CHECK(ss_batch_init(&b, NULL, 100, 1, 0) == 0);
	{
		size_t i;
		int order = 1;
		for (i = 0; i < 100; i++) {
			order &= ss_batch_next(&b, &r) && r.lo == i;
		}
		SS_CHECK(order);
		SS_CHECK(!ss_batch_next(&b, &r));
	}
	ss_batch_free(&b);
}

static void test_set_budget(void)
{
	uint32_t vars[8] = {4, 4, 4, 4, 4, 4, 4, 4};
	ss_batch b;
	ss_range r[16];
	size_t n;

	SS_CHECK(ss_batch_init(&b, vars, 8, 16, 0) == 0); /* two chunks of 4 */
	SS_CHECK(ss_batch_next(&b, &r[0]) && r[0].lo == 0 && r[0].hi == 4);
	/* The site keeps fewer variables: the chunk still queued is cut again. */
	SS_CHECK(ss_batch_set_budget(&b, 8) == 0);
	n = drain(&b, r, 16);
	SS_CHECK(n == 2 && r[0].lo == 4 && r[0].hi == 6 && r[1].lo == 6 && r[1].hi == 8);
	SS_CHECK(ss_batch_set_budget(&b, 0) == 0 && b.budget == 1); /* never 0 */
	ss_batch_free(&b);
}

static void test_policy(void)
{
	unsigned a;
	SS_CHECK(ss_remote_classify(SS_T_CONNECT, 0, 0) == SS_O_RETRY);
	SS_CHECK(ss_remote_classify(SS_T_TIMEOUT, 0, 0) == SS_O_UNKNOWN);
	SS_CHECK(ss_remote_classify(SS_T_DROPPED, 200, 0) == SS_O_UNKNOWN);
	SS_CHECK(ss_remote_classify(SS_T_FATAL, 0, 0) == SS_O_FAIL);
	SS_CHECK(ss_remote_classify(SS_T_OK, 200, 1) == SS_O_ANSWER);
	SS_CHECK(ss_remote_classify(SS_T_OK, 200, 0) == SS_O_UNKNOWN);
	SS_CHECK(ss_remote_classify(SS_T_OK, 500, 1) == SS_O_UNKNOWN);
	SS_CHECK(ss_remote_classify(SS_T_OK, 503, 0) == SS_O_UNKNOWN);
	SS_CHECK(ss_remote_classify(SS_T_OK, 429, 0) == SS_O_RETRY);
	SS_CHECK(ss_remote_classify(SS_T_OK, 404, 0) == SS_O_FAIL);
	SS_CHECK(ss_remote_classify(SS_T_OK, 301, 0) == SS_O_FAIL);

	for (a = 1; a < 12; a++) {
		uint32_t lo = ss_backoff_ms(a, 100, 5000, 0);
		uint32_t hi = ss_backoff_ms(a, 100, 5000, UINT32_MAX - 1);
		uint32_t full = a >= 7 ? 5000 : (uint32_t)(100u << (a - 1));
		SS_CHECK(lo == full / 2);
		SS_CHECK(hi >= lo && hi <= full);
	}
	/* Jitter spreads the delays. */
	SS_CHECK(ss_backoff_ms(3, 100, 5000, 17) != ss_backoff_ms(3, 100, 5000, 123));
	/* Huge attempt counts do not overflow. */
	SS_CHECK(ss_backoff_ms(4000000000u, 100, 5000, 7) <= 5000);

	SS_CHECK(ss_remote_error_class("invalidtoken", 12) == SS_E_SITE);
	SS_CHECK(ss_remote_error_class("accessexception", 15) == SS_E_SITE);
	SS_CHECK(ss_remote_error_class("invalidparameter", 16) == SS_E_RECORD);
	SS_CHECK(ss_remote_error_class("invalidtoke", 11) == SS_E_RECORD);
}

int main(void)
{
	test_escape();
	test_form();
	test_chunking();
	test_bisection();
	test_requeue();
	test_set_budget();
	test_policy();
	SS_TEST_END("core remote");
}
