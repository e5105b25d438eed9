/* C unit tests of ss_common.h's text checks: ss_plain_ascii() against a byte-by-byte reference. */
#include "ss_common.h"
#include "ss_test.h"

static int reference(const unsigned char *s, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++) {
		if (s[i] == 0 || s[i] >= 0x80) return 0;
	}
	return 1;
}

int main(void)
{
	unsigned char buf[64];
	size_t len, pos, off;
	int v;

	SS_CHECK(ss_plain_ascii("", 0) == 1);
	SS_CHECK(ss_plain_ascii("learner1@client1.example", 24) == 1);
	SS_CHECK(ss_plain_ascii("Dup\xc3\xb6nt", 7) == 0);
	SS_CHECK(ss_plain_ascii("a\0b", 3) == 0);
	/* A NUL just past len is not looked at. */
	SS_CHECK(ss_plain_ascii("abc\0", 3) == 1);
	/* Every length up to three words, every start offset in a word, every
	 * position of one byte of every value among plain letters. */
	for (off = 0; off < 8; off++) {
		for (len = 0; len <= 24; len++) {
			int agree = 1, consistent = 1;
			for (pos = 0; pos < len; pos++) {
				for (v = 0; v < 256; v++) {
					int got;
					memset(buf, 'a', sizeof buf);
					buf[off + pos] = (unsigned char)v;
					got = ss_plain_ascii((const char *)buf + off, len);
					if (got != reference(buf + off, len)) agree = 0;
					/* Plain ASCII is always well-formed UTF-8. */
					if (got && ss_utf8_check((const char *)buf + off, len) != len) consistent = 0;
				}
			}
			SS_CHECK(agree);
			SS_CHECK(consistent);
		}
	}
	SS_TEST_END("core util");
}
