/* C unit tests of the handler parameter lexer, without PHP. */
#include "ss_params.h"
#include "ss_test.h"

typedef struct { int n; char keys[8][32]; char vals[8][64]; size_t vlens[8]; } collected;

static int collect(void *ctx, const ss_params_pair *p)
{
	collected *c = ctx;
	if (c->n < 8 && p->key_len < 32 && p->value_len < 64) {
		memcpy(c->keys[c->n], p->key, p->key_len);
		c->keys[c->n][p->key_len] = 0;
		memcpy(c->vals[c->n], p->value, p->value_len);
		c->vals[c->n][p->value_len] = 0;
		c->vlens[c->n] = p->value_len;
	}
	c->n++;
	return 0;
}

static ss_params_status run(const char *s, size_t len, collected *c, ss_params_error *e)
{
	memset(c, 0, sizeof(*c));
	return ss_params_parse(s, len, collect, c, e);
}

int main(void)
{
	collected c;
	ss_params_error e;
	static const char nul_in_middle[] = "a=1\0&b=2";

	SS_CHECK(run("a=1&b=%C3%A9+x", 14, &c, &e) == SS_PARAMS_OK);
	SS_CHECK(c.n == 2 && strcmp(c.keys[1], "b") == 0 && strcmp(c.vals[1], "\xC3\xA9 x") == 0);

	SS_CHECK(run(" a = x=y &\n c&&", 15, &c, &e) == SS_PARAMS_OK);
	SS_CHECK(c.n == 2 && strcmp(c.keys[0], "a") == 0 && strcmp(c.vals[0], "x=y") == 0);
	SS_CHECK(strcmp(c.keys[1], "c") == 0 && c.vlens[1] == 0);

	SS_CHECK(run("k=%2", 4, &c, &e) == SS_PARAMS_E_ESCAPE && e.offset == 2 && e.in_value && strcmp(e.key, "k") == 0);
	SS_CHECK(run("k=%zz", 5, &c, &e) == SS_PARAMS_E_ESCAPE && e.offset == 2);
	SS_CHECK(run("k=%00", 5, &c, &e) == SS_PARAMS_E_NUL && e.offset == 2);
	SS_CHECK(run(nul_in_middle, sizeof(nul_in_middle) - 1, &c, &e) == SS_PARAMS_E_NUL && e.offset == 3);
	SS_CHECK(run("a=1&=2", 6, &c, &e) == SS_PARAMS_E_EMPTY_KEY && e.offset == 4);
	SS_CHECK(run("a=1&k=ab%FF", 11, &c, &e) == SS_PARAMS_E_UTF8 && e.offset == 8 && strcmp(e.key, "k") == 0);
	SS_CHECK(run("", 0, &c, &e) == SS_PARAMS_OK && c.n == 0);
	SS_CHECK(run("a=%41%2b%3D%26", 14, &c, &e) == SS_PARAMS_OK && strcmp(c.vals[0], "A+=&") == 0);

	SS_TEST_END("core params");
}
