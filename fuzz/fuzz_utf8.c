/*
 * libFuzzer harness: ss_utf8_check(), which every lexer and binding relies on
 * to keep ill-formed UTF-8 out of PHP strings. Property: the offset it returns
 * equals the reference validator's (fuzz_common.h, written from Unicode's
 * table 3-7 with no shared code), on the input and on every suffix start the
 * ASCII fast path could misalign. ss_utf8_text() (the same check and no
 * NUL, in one pass) is 1 exactly when the reference finds nothing and no
 * byte is NUL.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t skip;
	for (skip = 0; skip < 8 && skip <= size; skip++) {
		const unsigned char *s = data + skip;
		size_t n = size - skip;
		size_t got = ss_utf8_check((const char *)s, n), want = fuzz_ref_utf8(s, n);
		FUZZ_ASSERT(got == want, "skip %zu: ss_utf8_check %zu, reference %zu (of %zu bytes)", skip, got, want, n);
		FUZZ_ASSERT(ss_utf8_text((const char *)s, n) == (want == n && !memchr(s, 0, n)),
			"skip %zu: ss_utf8_text %d, reference %zu of %zu bytes, NUL %s", skip, ss_utf8_text((const char *)s, n),
			want, n, memchr(s, 0, n) ? "yes" : "no");
	}
	return 0;
}
