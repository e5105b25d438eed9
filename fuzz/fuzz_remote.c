/*
 * libFuzzer harness: the Zend-free policy of remote provisioning (ss_remote.c).
 * requires: ss_remote.h
 *
 * Properties:
 * - ss_url_escape(): only RFC 3986 unreserved bytes stay, everything else is
 *   %XX with upper-case hex, and decoding gives the input back byte for byte;
 *   ss_form_add() counts one variable per pair.
 * - the batch queue, driven by a simulated Moodle whose batches are all or
 *   nothing (a bad item rejects its whole range) and which sometimes keeps only
 *   a prefix of a batch: every range is non-empty, inside [0, n), made of
 *   items that were pending, under the variable budget and the item cap
 *   (except a single item over budget); the run terminates within a bound;
 *   at the end the bad items are FAILED, every other item DONE.
 * - an allocation failure during ss_batch_init() is reported (-1) and
 *   ss_batch_free() then leaves nothing allocated.
 */
#include "fuzz_common.h"
#include "ss_remote.h"

static int unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
		|| c == '-' || c == '.' || c == '_' || c == '~';
}

static void check_escape(const uint8_t *s, size_t n)
{
	ss_buf b = SS_BUF_INIT;
	size_t i = 0, j = 0, escaped = 0;
	FUZZ_ASSERT(ss_url_escape(&b, (const char *)s, n) == 0, "escape failed");
	for (i = 0; i < n; i++) escaped += !unreserved(s[i]);
	FUZZ_ASSERT(b.len == n + 2 * escaped, "length %zu for %zu bytes with %zu escaped", b.len, n, escaped);
	for (i = 0; i < b.len; i++, j++) {
		unsigned char c = (unsigned char)b.p[i];
		if (c == '%') {
			int hi, lo;
			FUZZ_ASSERT(i + 2 < b.len, "truncated escape at %zu", i);
			hi = fuzz_hex((unsigned char)b.p[i + 1]);
			lo = fuzz_hex((unsigned char)b.p[i + 2]);
			FUZZ_ASSERT(hi >= 0 && lo >= 0 && !(b.p[i + 1] >= 'a' && b.p[i + 1] <= 'f') && !(b.p[i + 2] >= 'a' && b.p[i + 2] <= 'f'),
				"bad escape at %zu", i);
			FUZZ_ASSERT(j < n && s[j] == (unsigned)(hi * 16 + lo) && !unreserved(s[j]), "escape at %zu decodes wrong", i);
			i += 2;
		} else {
			FUZZ_ASSERT(unreserved(c) && j < n && s[j] == c, "byte %zu kept but not unreserved or not the input", i);
		}
	}
	FUZZ_ASSERT(j == n, "decoded %zu of %zu bytes", j, n);
	ss_buf_free(&b);
}

static void check_form(const uint8_t *s, size_t n)
{
	ss_form f = SS_FORM_INIT;
	size_t half = n / 2, amps = 0, i;
	FUZZ_ASSERT(ss_form_add(&f, (const char *)s, half, (const char *)s + half, n - half) == 0, "form add");
	FUZZ_ASSERT(ss_form_add_int(&f, "k", 1, (long long)fuzz_hash(s, n) - 2147483647LL) == 0, "form add int");
	FUZZ_ASSERT(f.vars == 2, "vars %zu", f.vars);
	for (i = 0; i < f.buf.len; i++) amps += f.buf.p[i] == '&';
	FUZZ_ASSERT(amps == 1, "%zu separators: an escaped '&' leaked", amps);
	ss_form_free(&f);
}

static void check_batch(const uint8_t *d, size_t size)
{
	enum { MAXN = 512 };
	uint32_t vars[MAXN];
	unsigned char bad[MAXN], done_once[MAXN];
	size_t n, budget, max_items, i, steps = 0, bound;
	ss_batch b;
	ss_range r;

	if (size < 4) return;
	budget = 1 + d[0] % 64;
	max_items = d[1] % 17;
	n = (size - 3) < MAXN ? size - 3 : MAXN;
	for (i = 0; i < n; i++) {
		vars[i] = 1 + d[3 + i] % 12;
		bad[i] = (d[3 + i] & 0xE0) == 0xE0; /* about one in eight */
		done_once[i] = 0;
	}
	FUZZ_ASSERT(ss_batch_init(&b, vars, n, budget, max_items) == 0, "init");
	bound = 8 * n + 64;
	while (ss_batch_next(&b, &r)) {
		size_t sum = 0, any_bad = 0;
		FUZZ_ASSERT(++steps <= bound, "no termination after %zu requests for %zu items", steps, n);
		FUZZ_ASSERT(r.lo < r.hi && r.hi <= n, "range [%zu, %zu) of %zu", r.lo, r.hi, n);
		for (i = r.lo; i < r.hi; i++) {
			FUZZ_ASSERT(b.state[i] == SS_ITEM_SENT, "item %zu sent in state %d", i, b.state[i]);
			sum += vars[i];
			any_bad |= bad[i];
		}
		FUZZ_ASSERT(r.hi - r.lo == 1 || sum <= b.budget, "range of %zu vars over budget %zu", sum, b.budget);
		FUZZ_ASSERT(b.max_items == 0 || r.hi - r.lo <= b.max_items, "range of %zu items over cap %zu", r.hi - r.lo, b.max_items);
		if (any_bad) {
			int rc = ss_batch_reject(&b, r);
			FUZZ_ASSERT(rc == (r.hi - r.lo == 1), "reject returned %d for %zu items", rc, r.hi - r.lo);
		} else if (r.hi - r.lo > 1 && (d[2] & 1) && ((steps ^ d[2]) & 6) == 0) {
			/* The site kept only the first half: mark it, halve the budget, requeue the rest. */
			size_t keep = (r.hi - r.lo) / 2;
			for (i = r.lo; i < r.lo + keep; i++) { b.state[i] = SS_ITEM_DONE; FUZZ_ASSERT(!done_once[i]++, "item %zu done twice", i); }
			for (; i < r.hi; i++) b.state[i] = SS_ITEM_PENDING;
			FUZZ_ASSERT(ss_batch_set_budget(&b, b.budget / 2) == 0, "set budget");
			FUZZ_ASSERT(ss_batch_requeue_pending(&b, r) == 0, "requeue");
		} else {
			for (i = r.lo; i < r.hi; i++) FUZZ_ASSERT(!done_once[i]++, "item %zu done twice", i);
			ss_batch_mark(&b, r, SS_ITEM_DONE);
		}
	}
	for (i = 0; i < n; i++) {
		FUZZ_ASSERT(b.state[i] == (bad[i] ? SS_ITEM_FAILED : SS_ITEM_DONE), "item %zu ends in state %d (bad %d)", i, b.state[i], bad[i]);
	}
	ss_batch_free(&b);

	/* Out of memory while queueing the first chunks. */
	fuzz_alloc_fail_at(fuzz_hash(d, size) % 4);
	if (ss_batch_init(&b, vars, n, budget, max_items) != 0) {
		ss_batch_free(&b);
		FUZZ_ASSERT(fuzz_alloc_live == 0, "%ld allocations left after a failed init", fuzz_alloc_live);
	} else {
		ss_batch_free(&b);
	}
	fuzz_alloc_fail_at(-1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_alloc_install();
	check_escape(data, size);
	check_form(data, size);
	check_batch(data, size);
	FUZZ_ASSERT(fuzz_alloc_live == 0, "%ld allocations leaked", fuzz_alloc_live);
	return 0;
}
