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

typedef struct { int n; ss_params_status st[8]; size_t off[8]; char key[8][32]; int in_value[8]; } errors;

static int collect_err(void *ctx, const ss_params_error *e)
{
	errors *c = ctx;
	if (c->n < 8) {
		c->st[c->n] = e->status;
		c->off[c->n] = e->offset;
		c->in_value[c->n] = e->in_value;
		memcpy(c->key[c->n], e->key, e->key_len < 31 ? e->key_len : 31);
		c->key[c->n][e->key_len < 31 ? e->key_len : 31] = 0;
	}
	c->n++;
	return 0;
}

static size_t last_value_offset;
static int value_offset(void *ctx, const ss_params_pair *p)
{
	(void)ctx;
	last_value_offset = p->value_offset;
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


	/* Recovering mode reports every faulty pair and still delivers the good ones. */
	{
		errors er;
		static const char in[] = "a=%zz&b=1&=x&c=%FF&d%00=2&e=3&f=%";
		memset(&er, 0, sizeof(er));
		memset(&c, 0, sizeof(c));
		SS_CHECK(ss_params_scan(in, sizeof(in) - 1, collect, &c, collect_err, &er, &e) == SS_PARAMS_E_ESCAPE);
		SS_CHECK(er.n == 5);
		SS_CHECK(er.st[0] == SS_PARAMS_E_ESCAPE && er.off[0] == 2 && strcmp(er.key[0], "a") == 0 && er.in_value[0]);
		SS_CHECK(er.st[1] == SS_PARAMS_E_EMPTY_KEY && er.off[1] == 10);
		SS_CHECK(er.st[2] == SS_PARAMS_E_UTF8 && er.off[2] == 15 && strcmp(er.key[2], "c") == 0);
		SS_CHECK(er.st[3] == SS_PARAMS_E_NUL && er.off[3] == 20 && !er.in_value[3] && strcmp(er.key[3], "d") == 0);
		SS_CHECK(er.st[4] == SS_PARAMS_E_ESCAPE && er.off[4] == 32);
		SS_CHECK(c.n == 2 && strcmp(c.keys[0], "b") == 0 && strcmp(c.keys[1], "e") == 0);
		memset(&er, 0, sizeof(er));
		SS_CHECK(ss_params_scan("a=1&b=2", 7, NULL, NULL, collect_err, &er, &e) == SS_PARAMS_OK && er.n == 0);
	}
	/* Value offsets and their mapping back to the input. */
	SS_CHECK(ss_params_parse("k= %41%42x", 10, value_offset, NULL, &e) == SS_PARAMS_OK && last_value_offset == 3);
	SS_CHECK(ss_params_input_offset("k= %41%42x", 10, 3, 2) == 9);
	SS_CHECK(ss_params_parse("flag", 4, value_offset, NULL, &e) == SS_PARAMS_OK && last_value_offset == 4);
	/* A long faulty key is cut at SS_PARAMS_ERR_KEY_MAX bytes, as documented (the binding quotes it safely). */
	{
		char big[260];
		size_t i;
		big[0] = 'x';
		for (i = 1; i + 1 < 250; i += 2) { big[i] = (char)0xC3; big[i + 1] = (char)0xA9; }
		big[i] = '%';
		SS_CHECK(ss_params_parse(big, i + 1, NULL, NULL, &e) == SS_PARAMS_E_ESCAPE);
		SS_CHECK(e.key_len == SS_PARAMS_ERR_KEY_MAX && e.key[e.key_len] == '\0');
	}

	SS_TEST_END("core params");
}
