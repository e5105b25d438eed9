/* C unit tests of ss_common.h's text checks: ss_plain_ascii(), ss_utf8_check()
 * and ss_utf8_text() against byte-by-byte references. */
#include "ss_common.h"
#include "ss_test.h"

#include <stdlib.h>

static int reference(const unsigned char *s, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++) {
		if (s[i] == 0 || s[i] >= 0x80) return 0;
	}
	return 1;
}

/* Offset of the first ill-formed sequence of s (len when none): RFC 3629, byte by byte. */
static size_t utf8_reference(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = s[i], lo = 0x80, hi = 0xBF;
		size_t w = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0, k;
		if (w == 0 || w > len - i) return i;
		if (c == 0xE0) lo = 0xA0;
		if (c == 0xED) hi = 0x9F;
		if (c == 0xF0) lo = 0x90;
		if (c == 0xF4) hi = 0x8F;
		for (k = 1; k < w; k++) {
			if (s[i + k] < (k == 1 ? lo : 0x80) || s[i + k] > (k == 1 ? hi : 0xBF)) return i;
		}
		i += w;
	}
	return len;
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
	/* ss_utf8_check(): every length up to three words, every start offset,
	 * one byte of every value, or a well-formed "\xC3\xA9", at every place
	 * among ASCII letters (the word loop, the word ending at len, the two
	 * 4-byte words and the byte loop all meet a non-ASCII byte somewhere). */
	for (off = 0; off < 8; off++) {
		for (len = 0; len <= 24; len++) {
			int agree = 1;
			char *exact;
			for (pos = 0; pos < len; pos++) {
				for (v = 0; v <= 256; v++) {
					memset(buf, 'a', sizeof buf);
					if (v < 256) {
						buf[off + pos] = (unsigned char)v;
					} else {
						buf[off + pos] = 0xC3;
						buf[off + pos + 1] = 0xA9;
					}
					/* In a block of its own exact size: under ASan, no read past it. */
					exact = malloc(len ? len : 1);
					if (!exact) return 1;
					memcpy(exact, buf + off, len);
					if (ss_utf8_check(exact, len) != utf8_reference(buf + off, len)) agree = 0;
					free(exact);
				}
			}
			SS_CHECK(agree);
		}
	}
	/* ss_utf8_text(): 1 exactly when there is no NUL and the reference finds
	 * no ill-formed sequence. Every length up to three words, every start
	 * offset, among ASCII letters or after an "\xC3\xB6" (a name with an
	 * accent, the case it is for): one byte of every value (NUL among them,
	 * after the accent too), or a well-formed 2-, 3- or 4-byte character, at
	 * every place. */
	SS_CHECK(ss_utf8_text("", 0) == 1);
	SS_CHECK(ss_utf8_text("Dup\xc3\xb6nt", 7) == 1);
	SS_CHECK(ss_utf8_text("Dup\xc3\xb6nt\0", 8) == 0);
	SS_CHECK(ss_utf8_text("\xc3\xb6\0abcdefghijklmnop", 19) == 0);
	SS_CHECK(ss_utf8_text("\xc3", 1) == 0);
	for (off = 0; off < 8; off++) {
		for (len = 0; len <= 24; len++) {
			int agree = 1, lead;
			char *exact;
			for (lead = 0; lead < 2; lead++) {
				for (pos = 0; pos < len; pos++) {
					for (v = 0; v <= 258; v++) {
						static const char *const wide[3] = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
						size_t w = 0, k;
						int want, nul = 0;
						memset(buf, 'a', sizeof buf);
						if (lead && len >= 2) {
							buf[off] = 0xC3;
							buf[off + 1] = 0xB6;
						}
						if (v < 256) {
							buf[off + pos] = (unsigned char)v;
						} else {
							w = strlen(wide[v - 256]);
							memcpy(buf + off + pos, wide[v - 256], w);
						}
						for (k = 0; k < len; k++) nul |= buf[off + k] == 0;
						want = !nul && utf8_reference(buf + off, len) == len;
						exact = malloc(len ? len : 1);
						if (!exact) return 1;
						memcpy(exact, buf + off, len);
						if (ss_utf8_text(exact, len) != want) agree = 0;
						free(exact);
					}
				}
			}
			SS_CHECK(agree);
		}
	}
	SS_TEST_END("core util");
}
