/* C unit tests: local_shop's username scheme and suffix allocation. */
#include "ss_username.h"
#include "ss_test.h"
#include <stdlib.h>

static int base_is(const char *first, const char *last, const char *fallback, const char *want)
{
	ss_buf b = SS_BUF_INIT;
	int ok;
	if (ss_username_base(first, strlen(first), last, strlen(last), fallback, fallback ? strlen(fallback) : 0, &b) != 0) {
		return 0;
	}
	ok = b.len == strlen(want) && memcmp(b.p, want, b.len) == 0;
	if (!ok) fprintf(stderr, "  base(%s, %s) = '%.*s', want '%s'\n", first, last, (int)b.len, b.p, want);
	ss_buf_free(&b);
	return ok;
}

static int unique_is(ss_username_pool *p, const char *base, const char *want)
{
	size_t len = 0;
	const char *u = ss_username_pool_unique(p, base, strlen(base), &len);
	int ok = u && len == strlen(want) && memcmp(u, want, len) == 0;
	if (!ok) fprintf(stderr, "  unique(%s) = '%.*s', want '%s'\n", base, u ? (int)len : 0, u ? u : "", want);
	return ok;
}

/* A name from few letters and digits, so that stems, bases and suffixes collide. */
static size_t rnd_name(char *out, int upper)
{
	static const char letters[] = "ab.";
	size_t n = 0, k = 1 + ss_test_rnd(3), i;
	for (i = 0; i < k; i++) {
		char c = letters[ss_test_rnd(3)];
		out[n++] = upper && ss_test_rnd(4) == 0 && c != '.' ? (char)(c - 32) : c;
	}
	k = ss_test_rnd(4);
	for (i = 0; i < k; i++) out[n++] = (char)('0' + ss_test_rnd(3));
	return n;
}

/*
 * The batch against one pool fed the same site names then asked for each
 * base in turn: the same name for every base, whatever the partitions.
 */
static int batch_matches_pool(size_t nsite, size_t nbase, int foreign)
{
	ss_username_pool pool;
	ss_username_batch batch;
	char (*site)[16] = malloc(nsite * sizeof *site);
	size_t *slen = malloc(nsite * sizeof *slen);
	char (*bufs)[16 + SS_USERNAME_SUFFIX_MAX] = malloc(nbase * sizeof *bufs);
	size_t *blen = malloc(nbase * sizeof *blen), *got = malloc(nbase * sizeof *got), i;
	int ok = site && slen && bufs && blen && got;

	/* Zeroed, so that the frees below are safe when a step before failed. */
	memset(&pool, 0, sizeof pool);
	memset(&batch, 0, sizeof batch);
	ok = ok && ss_username_pool_init(&pool, 16) == 0;
	ok = ok && ss_username_batch_init(&batch, nsite, nbase) == 0;
	for (i = 0; ok && i < nsite; i++) {
		slen[i] = rnd_name(site[i], 1);
		if (foreign && i % 2) {
			/* A stem no base has: the batch may leave such a name out. */
			memmove(site[i] + 1, site[i], slen[i]++);
			site[i][0] = 'z';
		}
		ok = ss_username_pool_take(&pool, site[i], slen[i]) == 0 && ss_username_batch_site(&batch, site[i], slen[i]) == 0;
	}
	for (i = 0; ok && i < nbase; i++) {
		blen[i] = rnd_name(bufs[i], 0);
		ok = ss_username_batch_base(&batch, bufs[i], blen[i], &got[i]) == 0;
	}
	ok = ok && ss_username_batch_run(&batch) == 0;
	for (i = 0; ok && i < nbase; i++) {
		size_t len = 0;
		const char *u = ss_username_pool_unique(&pool, bufs[i], blen[i], &len);
		/* bufs[i] now holds the batch's name; its base is its first blen[i] bytes. */
		if (!u || len != got[i] || memcmp(u, bufs[i], len) != 0 || bufs[i][len] != '\0') {
			fprintf(stderr, "  base %zu: pool '%.*s', batch '%.*s'\n", i, u ? (int)len : 0, u ? u : "", (int)got[i], bufs[i]);
			ok = 0;
		}
	}
	ss_username_batch_free(&batch);
	ss_username_pool_free(&pool);
	free(site);
	free(slen);
	free(bufs);
	free(blen);
	free(got);
	return ok;
}

/*
 * Every ASCII byte between two letters, against the rule written out: letters
 * (lowered), digits and - _ . @ are kept, white space joins with '-', the rest
 * is dropped.
 */
static int ascii_bytes(void)
{
	int c, bad = 0;
	for (c = 1; c < 128; c++) {
		char first[4] = {'a', (char)c, 'b', 0}, want[16];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '@') {
			snprintf(want, sizeof want, "a%cb.z", c);
		} else if (c >= 'A' && c <= 'Z') {
			snprintf(want, sizeof want, "a%cb.z", c - 'A' + 'a');
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') {
			snprintf(want, sizeof want, "a-b.z");
		} else {
			snprintf(want, sizeof want, "ab.z");
		}
		if (!base_is(first, "z", NULL, want)) bad++;
	}
	return bad;
}

/*
 * Every code point from U+0080 to U+3000 inside a first name, against the rule
 * written out: white space joins with '-', apostrophes vanish, anything else
 * is its fold (ss_username_fold_cp: "" for a letter outside the tables).
 * Returns the number of code points that differ.
 */
static int nonascii_cps(void)
{
	uint32_t cp;
	int bad = 0;
	for (cp = 0x80; cp <= 0x3000; cp++) {
		char first[8], want[16];
		ss_buf f = SS_BUF_INIT, b = SS_BUF_INIT;
		size_t n = 0;
		int space = cp == 0xA0 || cp == 0x202F || cp == 0x2007 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000;
		int apos = cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x00B4;
		if (cp >= 0xD800 && cp <= 0xDFFF) continue;
		first[n++] = 'a';
		if (cp < 0x800) {
			first[n++] = (char)(0xC0 | (cp >> 6));
		} else {
			first[n++] = (char)(0xE0 | (cp >> 12));
			first[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		}
		first[n++] = (char)(0x80 | (cp & 0x3F));
		first[n++] = 'b';
		if (ss_username_fold_cp(cp, &f) != 0) return -1;
		snprintf(want, sizeof want, "a%sb.c", space ? "-" : apos ? "" : f.len ? f.p : "");
		if (ss_username_base(first, n, "c", 1, NULL, 0, &b) != 0) return -1;
		if (b.len != strlen(want) || memcmp(b.p, want, b.len) != 0) {
			if (bad++ < 5) fprintf(stderr, "  U+%04X: '%.*s', want '%s'\n", (unsigned)cp, (int)b.len, b.p, want);
		}
		ss_buf_free(&f);
		ss_buf_free(&b);
	}
	return bad;
}

/*
 * A site name with one capital, at every place of every length from 1 to 40
 * (the batch looks for capitals eight bytes at a time, with overlapping reads
 * for the last bytes): it is taken in lower case, so the base spelt so gets
 * the suffix 1. Each name sits in a buffer of its own exact size (ASan: no
 * read past it).
 */
static int capitals_everywhere(void)
{
	static const char caps[] = "AMZ";
	size_t len, at, k;
	int bad = 0;
	for (len = 1; len <= 40; len++) {
		for (at = 0; at < len; at++) {
			for (k = 0; k < 3; k++) {
				ss_username_batch batch;
				char *site = malloc(len), buf[64];
				size_t got = 0;
				if (!site) return 1;
				memset(site, 'q', len);
				site[at] = caps[k];
				memset(buf, 'q', len);
				buf[at] = (char)(caps[k] | 0x20);
				if (ss_username_batch_init(&batch, 1, 1) != 0 || ss_username_batch_site(&batch, site, len) != 0
					|| ss_username_batch_base(&batch, buf, len, &got) != 0 || ss_username_batch_run(&batch) != 0
					|| got != len + 1 || buf[len] != '1') {
					bad++;
				}
				ss_username_batch_free(&batch);
				free(site);
			}
		}
	}
	return bad;
}

int main(void)
{
	ss_username_pool pool;
	char longname[300];

	/* local_shop's own cases. */
	SS_CHECK(ss_username_fold_max() == 2);   /* the name loop reserves 2 bytes + a dash per character */
	SS_CHECK(base_is("Jean", "Dupont", NULL, "jean.dupont"));
	SS_CHECK(ascii_bytes() == 0);
	SS_CHECK(nonascii_cps() == 0);
	SS_CHECK(base_is("Hélène", "Lefèvre", NULL, "helene.lefevre"));
	SS_CHECK(base_is("Jean Pierre", "D'Artagnan", NULL, "jean-pierre.dartagnan"));
	SS_CHECK(base_is("  Anne   Marie ", " O’Neil ", NULL, "anne-marie.oneil"));
	SS_CHECK(base_is("François", "Çelik", NULL, "francois.celik"));
	/* Every Latin script, not only French. */
	SS_CHECK(base_is("Jürgen", "Groß", NULL, "jurgen.gross"));
	SS_CHECK(base_is("Søren", "Kierkegård", NULL, "soren.kierkegard"));
	SS_CHECK(base_is("Łukasz", "Żółć", NULL, "lukasz.zolc"));
	SS_CHECK(base_is("Đorđe", "Đoković", NULL, "dorde.dokovic"));
	SS_CHECK(base_is("Æsa", "Þórsdóttir", NULL, "aesa.thorsdottir"));
	SS_CHECK(base_is("Œdipe", "Ångström", NULL, "oedipe.angstrom"));
	SS_CHECK(base_is("Nguyễn", "Thị Hương", NULL, "nguyen.thi-huong"));
	SS_CHECK(base_is("İsmail", "Ağaoğlu", NULL, "ismail.agaoglu"));
	SS_CHECK(base_is("Şerban", "Ţepeş", NULL, "serban.tepes"));
	SS_CHECK(base_is("Ǆemal", "ĲSSEL", NULL, "dzemal.ijssel"));
	SS_CHECK(base_is("ẞtefan", "Əliyev", NULL, "sstefan.eliyev"));
	/* Only what PARAM_USERNAME keeps: [a-z0-9_.@-]. */
	SS_CHECK(base_is("Ann+Lee", "Smith (2)", NULL, "annlee.smith-2"));
	SS_CHECK(base_is("J_R", "x@y.z", NULL, "j_r.x@y.z"));
	SS_CHECK(base_is("Zoë €", "Ünal !", NULL, "zoe.unal"));
	/* Nothing Latin: the address's local part, then "user". */
	SS_CHECK(base_is("Иван", "Петров", "ivan.petrov@example.ru", "ivan.petrov"));
	SS_CHECK(base_is("王", "伟", "wang+shop@example.cn", "wangshop"));
	SS_CHECK(base_is("王", "伟", "Иван@example.cn", "user"));
	SS_CHECK(base_is("王", "Li", NULL, "li"));
	SS_CHECK(base_is("Ana", "", NULL, "ana"));
	/* Length cap leaves room for a suffix in char(100). */
	memset(longname, 'a', 200);
	longname[200] = '\0';
	{
		ss_buf b = SS_BUF_INIT;
		SS_CHECK(ss_username_base(longname, 200, "b", 1, NULL, 0, &b) == 0 && b.len == SS_USERNAME_BASE_MAX);
		ss_buf_free(&b);
	}

	/* Suffixes: base, base1, base2..., against the site and the plan itself. */
	SS_CHECK(ss_username_pool_init(&pool, 4) == 0);
	SS_CHECK(ss_username_pool_take(&pool, "jean.dupont", 11) == 0);
	SS_CHECK(ss_username_pool_take(&pool, "Jean.Dupont2", 12) == 0);
	SS_CHECK(ss_username_pool_is_taken(&pool, "jean.dupont2", 12));
	SS_CHECK(unique_is(&pool, "jean.dupont", "jean.dupont1"));
	SS_CHECK(unique_is(&pool, "jean.dupont", "jean.dupont3"));
	SS_CHECK(unique_is(&pool, "marie.curie", "marie.curie"));
	SS_CHECK(unique_is(&pool, "marie.curie", "marie.curie1"));
	SS_CHECK(unique_is(&pool, "jean.dupont1", "jean.dupont11"));
	{
		/* Many equal names stay linear and distinct. */
		int i, ok = 1;
		char want[64];
		for (i = 2; i < 5000; i++) {
			snprintf(want, sizeof want, "marie.curie%d", i);
			ok &= unique_is(&pool, "marie.curie", want);
		}
		SS_CHECK(ok);
	}
	ss_username_pool_free(&pool);

	/* Site names past ASCII (extendedusernamechars) block their fold, as
	 * MySQL's accent-insensitive unique index does: pool and batch alike. */
	{
		static const char *const site[] = {"josé.dupont", "STRAßE.anna", "иван", "zoë1", "\xC3"};
		static const char *const bases[] = {"jose.dupont", "strasse.anna", "zoe", "ivan", "zoe1"};
		static const char *const want[] = {"jose.dupont1", "strasse.anna1", "zoe", "ivan", "zoe11"};
		ss_username_batch batch;
		char bufs[5][32 + SS_USERNAME_SUFFIX_MAX];
		size_t got[5], k;
		int ok = 1;
		SS_CHECK(ss_username_pool_init(&pool, 4) == 0);
		SS_CHECK(ss_username_batch_init(&batch, 5, 5) == 0);
		for (k = 0; k < 5; k++) {
			ok &= ss_username_pool_take(&pool, site[k], strlen(site[k])) == 0;
			ok &= ss_username_batch_site(&batch, site[k], strlen(site[k])) == 0;
		}
		SS_CHECK(ok);
		for (k = 0; k < 5; k++) {
			strcpy(bufs[k], bases[k]);
			ok &= ss_username_batch_base(&batch, bufs[k], strlen(bases[k]), &got[k]) == 0;
		}
		SS_CHECK(ok && ss_username_batch_run(&batch) == 0);
		for (k = 0; k < 5; k++) {
			if (!unique_is(&pool, bases[k], want[k]) || strcmp(bufs[k], want[k]) != 0 || got[k] != strlen(want[k])) {
				fprintf(stderr, "  %s: batch '%s', want '%s'\n", bases[k], bufs[k], want[k]);
				ok = 0;
			}
		}
		SS_CHECK(ok);
		ss_username_batch_free(&batch);
		ss_username_pool_free(&pool);
	}

	/* Batches: one partition, then many (over 4,096 names per partition). */
	SS_CHECK(batch_matches_pool(0, 0, 0));
	SS_CHECK(batch_matches_pool(3, 0, 0));
	SS_CHECK(batch_matches_pool(0, 50, 0));
	SS_CHECK(batch_matches_pool(200, 300, 0));
	SS_CHECK(batch_matches_pool(20000, 30000, 0));
	/* Half the site's names have stems no base has. */
	SS_CHECK(batch_matches_pool(200, 300, 1));
	SS_CHECK(batch_matches_pool(20000, 30000, 1));
	SS_CHECK(capitals_everywhere() == 0);
	{
		/* More names than announced: refused, not written past the end. */
		ss_username_batch batch;
		char buf[32] = "a";
		size_t len;
		SS_CHECK(ss_username_batch_init(&batch, 1, 1) == 0);
		SS_CHECK(ss_username_batch_site(&batch, "a", 1) == 0 && ss_username_batch_site(&batch, "b", 1) == -1);
		SS_CHECK(ss_username_batch_base(&batch, buf, 1, &len) == 0 && ss_username_batch_base(&batch, buf, 1, &len) == -1);
		SS_CHECK(ss_username_batch_run(&batch) == 0 && len == 2 && strcmp(buf, "a1") == 0);
		ss_username_batch_free(&batch);
	}

	SS_TEST_END("username");
}
