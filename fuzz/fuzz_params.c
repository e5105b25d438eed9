/*
 * libFuzzer harness: ss_params_parse(), the handler parameter lexer.
 *
 * Properties checked on every input, against a reference decoder written here
 * from the documented rules (ext/core/ss_params.h) with none of the lexer's code:
 * - the status is the one the reference finds, at the same byte offset, and the
 *   offset lies within the input;
 * - every reported pair (key, value, offset, has_equals) equals the reference's,
 *   in order; keys are non-empty; keys and values are well-formed UTF-8 without
 *   NUL (checked with the harness's own UTF-8 validator);
 * - an error names the right side (key or value) and the key, cut at 200 bytes;
 * - a callback that stops at pair k yields SS_PARAMS_E_CALLBACK at that pair;
 * - a failed allocation gives SS_PARAMS_E_NOMEM and leaks nothing.
 */
#include "fuzz_common.h"
#include "ss_params.h"

#define REF_MAX_PAIRS 4096

typedef struct {
	size_t key_off, key_len, val_off, val_len; /* into ref.buf */
	size_t offset;
	int has_equals;
} ref_pair;

typedef struct {
	unsigned char *buf; /* decoded keys and values, back to back */
	size_t used;
	ref_pair pairs[REF_MAX_PAIRS];
	size_t npairs;
	int overflow;       /* more pairs than REF_MAX_PAIRS: pair checks stop there */
	ss_params_status status;
	size_t err_offset;
	int err_in_value;
	size_t err_key_off, err_key_len;
} ref_result;

/* Decodes raw [a, e) into ref->buf; map[i] receives the input offset of decoded byte i. */
static size_t ref_decode(const unsigned char *in, size_t a, size_t e, ref_result *ref, size_t *map)
{
	size_t n = 0, i = a;
	while (i < e) {
		unsigned char c = in[i];
		map[n] = i;
		if (c == '+') { ref->buf[ref->used + n++] = ' '; i++; }
		else if (c == '%') { ref->buf[ref->used + n++] = (unsigned char)(fuzz_hex(in[i + 1]) * 16 + fuzz_hex(in[i + 2])); i += 3; }
		else { ref->buf[ref->used + n++] = c; i++; }
	}
	return n;
}

static void ref_parse(const unsigned char *in, size_t len, ref_result *ref, size_t *map)
{
	size_t pos = 0;
	ref->status = SS_PARAMS_OK;
	for (;;) {
		size_t e = pos, a, i, eq, ke, vs, ve, klen, vlen, bad;
		while (e < len && in[e] != '&') e++;
		a = pos;
		while (a < e && fuzz_is_ws(in[a])) a++;
		eq = a;
		while (eq < e && in[eq] != '=') eq++;
		/* 1. Escapes and NUL bytes, left to right. */
		for (i = a; i < e; i++) {
			if (in[i] == 0) {
				ref->status = SS_PARAMS_E_NUL; ref->err_offset = i; ref->err_in_value = i > eq;
				goto key_so_far;
			}
			if (in[i] == '%') {
				if (i + 2 >= e || fuzz_hex(in[i + 1]) < 0 || fuzz_hex(in[i + 2]) < 0) {
					ref->status = SS_PARAMS_E_ESCAPE; ref->err_offset = i; ref->err_in_value = i > eq;
					goto key_so_far;
				}
				if (in[i + 1] == '0' && in[i + 2] == '0') {
					ref->status = SS_PARAMS_E_NUL; ref->err_offset = i; ref->err_in_value = i > eq;
					goto key_so_far;
				}
				i += 2;
			}
		}
		/* 2. Trim raw white space around key and value; skip empty pairs. */
		ke = eq;
		while (ke > a && fuzz_is_ws(in[ke - 1])) ke--;
		if (eq < e) {
			vs = eq + 1;
			while (vs < e && fuzz_is_ws(in[vs])) vs++;
			ve = e;
			while (ve > vs && fuzz_is_ws(in[ve - 1])) ve--;
		} else {
			vs = ve = e;
		}
		if (ke == a) {
			if (eq < e) {
				ref->status = SS_PARAMS_E_EMPTY_KEY; ref->err_offset = a; ref->err_in_value = 0;
				ref->err_key_off = ref->used; ref->err_key_len = 0;
				return;
			}
			goto next;
		}
		/* 3. Decode; the key, then the value, must be well-formed UTF-8. */
		klen = ref_decode(in, a, ke, ref, map);
		bad = fuzz_ref_utf8(ref->buf + ref->used, klen);
		if (bad != klen) {
			ref->status = SS_PARAMS_E_UTF8; ref->err_offset = map[bad]; ref->err_in_value = 0;
			ref->err_key_off = ref->used; ref->err_key_len = bad;
			return;
		}
		ref->used += klen;
		vlen = ref_decode(in, vs, ve, ref, map);
		bad = fuzz_ref_utf8(ref->buf + ref->used, vlen);
		if (bad != vlen) {
			ref->status = SS_PARAMS_E_UTF8; ref->err_offset = map[bad]; ref->err_in_value = 1;
			ref->err_key_off = ref->used - klen; ref->err_key_len = klen;
			return;
		}
		if (ref->npairs < REF_MAX_PAIRS) {
			ref_pair *p = &ref->pairs[ref->npairs];
			p->key_off = ref->used - klen; p->key_len = klen;
			p->val_off = ref->used; p->val_len = vlen;
			p->offset = a;
			p->has_equals = eq < e;
		} else {
			ref->overflow = 1;
		}
		ref->npairs++;
		ref->used += vlen;
	next:
		if (e >= len) return;
		pos = e + 1;
		continue;
	key_so_far:
		/* The key of the faulty pair: the trimmed key when the fault is in the value. */
		if (ref->err_in_value) {
			ke = eq;
			while (ke > a && fuzz_is_ws(in[ke - 1])) ke--;
			ref->err_key_off = ref->used;
			ref->err_key_len = ref_decode(in, a, ke, ref, map);
		} else {
			ref->err_key_len = (size_t)-1; /* the decoded prefix: not compared */
		}
		return;
	}
}

typedef struct {
	const ref_result *ref;
	const uint8_t *in;
	size_t len;
	size_t seen;
	size_t stop_at;     /* stop after this many pairs (SIZE_MAX: never) */
} check_ctx;

static int check_pair(void *vctx, const ss_params_pair *p)
{
	check_ctx *c = vctx;
	const ref_result *ref = c->ref;
	size_t k = c->seen++;

	FUZZ_ASSERT(p->key_len > 0, "empty key reported at offset %zu", p->offset);
	FUZZ_ASSERT(fuzz_ref_utf8((const unsigned char *)p->key, p->key_len) == p->key_len, "key not UTF-8");
	FUZZ_ASSERT(fuzz_ref_utf8((const unsigned char *)p->value, p->value_len) == p->value_len, "value not UTF-8");
	FUZZ_ASSERT(memchr(p->key, 0, p->key_len) == NULL, "NUL in key");
	FUZZ_ASSERT(p->value_len == 0 || memchr(p->value, 0, p->value_len) == NULL, "NUL in value");
	FUZZ_ASSERT(p->offset < c->len, "pair offset %zu outside input of %zu bytes", p->offset, c->len);
	FUZZ_ASSERT(k < ref->npairs, "pair %zu reported, reference has %zu", k, ref->npairs);
	if (k < REF_MAX_PAIRS) {
		const ref_pair *r = &ref->pairs[k];
		FUZZ_ASSERT(p->key_len == r->key_len && memcmp(p->key, ref->buf + r->key_off, r->key_len) == 0,
			"pair %zu: key differs from reference (%zu vs %zu bytes)", k, p->key_len, r->key_len);
		FUZZ_ASSERT(p->value_len == r->val_len && memcmp(p->value, ref->buf + r->val_off, r->val_len) == 0,
			"pair %zu: value differs from reference (%zu vs %zu bytes)", k, p->value_len, r->val_len);
		FUZZ_ASSERT(p->offset == r->offset, "pair %zu: offset %zu, reference %zu", k, p->offset, r->offset);
		FUZZ_ASSERT(p->has_equals == r->has_equals, "pair %zu: has_equals %d", k, p->has_equals);
	}
	return c->seen > c->stop_at;
}

static unsigned char *ref_buf;
static size_t *ref_map;
static ref_result *ref_res;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ss_params_error err;
	ss_params_status st;
	check_ctx ctx;
	uint32_t h = fuzz_hash(data, size);

	if (size > SS_MAX_PARAMS_LEN) return 0;
	if (!ref_res) {
		fuzz_alloc_install();
		ref_res = malloc(sizeof(*ref_res));
	}
	/* Decoded output is never longer than the input. */
	ref_buf = realloc(ref_buf, size + 1);
	ref_map = realloc(ref_map, (size + 1) * sizeof(*ref_map));
	memset(ref_res, 0, sizeof(*ref_res));
	ref_res->buf = ref_buf;
	ref_parse(data, size, ref_res, ref_map);

	/* The full run. */
	memset(&ctx, 0, sizeof(ctx));
	ctx.ref = ref_res; ctx.in = data; ctx.len = size; ctx.stop_at = SIZE_MAX;
	st = ss_params_parse((const char *)data, size, check_pair, &ctx, &err);
	FUZZ_ASSERT(st == ref_res->status, "status %d (%s), reference %d (%s) at %zu",
		st, ss_params_status_message(st), ref_res->status, ss_params_status_message(ref_res->status), ref_res->err_offset);
	FUZZ_ASSERT(err.status == st, "err.status %d, returned %d", err.status, st);
	if (st == SS_PARAMS_OK) {
		FUZZ_ASSERT(ctx.seen == ref_res->npairs, "%zu pairs, reference %zu", ctx.seen, ref_res->npairs);
	} else {
		FUZZ_ASSERT(err.offset < size, "error offset %zu outside input of %zu bytes", err.offset, size);
		FUZZ_ASSERT(err.offset == ref_res->err_offset, "error offset %zu, reference %zu (%s)",
			err.offset, ref_res->err_offset, ss_params_status_message(st));
		FUZZ_ASSERT(err.in_value == ref_res->err_in_value, "in_value %d, reference %d", err.in_value, ref_res->err_in_value);
		FUZZ_ASSERT(err.key_len <= SS_PARAMS_ERR_KEY_MAX && err.key[err.key_len] == '\0', "error key not cut/terminated");
		if (ref_res->err_key_len != (size_t)-1) {
			size_t want = ref_res->err_key_len > SS_PARAMS_ERR_KEY_MAX ? SS_PARAMS_ERR_KEY_MAX : ref_res->err_key_len;
			/* The documented contract: the decoded key, cut at exactly SS_PARAMS_ERR_KEY_MAX bytes. */
			FUZZ_ASSERT(err.key_len == want && memcmp(err.key, ref_buf + ref_res->err_key_off, want) == 0,
				"error key differs from reference (%zu vs %zu bytes)", err.key_len, want);
		}
		FUZZ_ASSERT(ctx.seen == ref_res->npairs, "%zu pairs before the error, reference %zu", ctx.seen, ref_res->npairs);
	}

	/* A callback that stops early. */
	if (ref_res->npairs > 0 && (h & 3) == 0) {
		size_t k = (h >> 2) % ref_res->npairs;
		memset(&ctx, 0, sizeof(ctx));
		ctx.ref = ref_res; ctx.in = data; ctx.len = size; ctx.stop_at = k;
		st = ss_params_parse((const char *)data, size, check_pair, &ctx, &err);
		FUZZ_ASSERT(st == SS_PARAMS_E_CALLBACK && ctx.seen == k + 1, "stop at pair %zu: status %d after %zu pairs", k, st, ctx.seen);
		if (k < REF_MAX_PAIRS) {
			FUZZ_ASSERT(err.offset == ref_res->pairs[k].offset, "stop offset %zu, pair at %zu", err.offset, ref_res->pairs[k].offset);
		}
	}

	/* Out of memory: the lexer's only allocation fails. */
	if ((h & 0x30) == 0) {
		long live = fuzz_alloc_live;
		fuzz_alloc_fail_at(0);
		st = ss_params_parse((const char *)data, size, NULL, NULL, &err);
		fuzz_alloc_fail_at(-1);
		FUZZ_ASSERT(st == SS_PARAMS_E_NOMEM, "failed allocation gave status %d", st);
		FUZZ_ASSERT(fuzz_alloc_live == live, "%ld allocations left after NOMEM", fuzz_alloc_live - live);
	}
	return 0;
}
