/*
 * libFuzzer harness: ss_utf8_check(), which every lexer and binding relies on
 * to keep ill-formed UTF-8 out of PHP strings. Property: the offset it returns
 * equals the reference validator's (fuzz_common.h, written from Unicode's
 * table 3-7 with no shared code), on the input and on every suffix start the
 * ASCII fast path could misalign.
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
	}
	return 0;
}
