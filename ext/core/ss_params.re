/* shop_setup core: handler parameter lexer (re2c). Generated C is not committed. */
#include "ss_params.h"

#include <string.h>

typedef unsigned char uchar;

static int ss_is_ws(uchar c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static int ss_hexval(uchar c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	return c - 'A' + 10;
}

/* Maps the offset of a decoded byte back to the input (slow path, errors only). */
static size_t ss_params_walk(const uchar *start, const uchar *lim, size_t decoded)
{
	const uchar *p = start;
	size_t n = 0;
	/* Escapes before the fault were already validated, so '%' always spans three bytes. */
	while (p < lim && n < decoded) {
		p += (*p == '%' && lim - p >= 3) ? 3 : 1;
		n++;
	}
	return (size_t)(p - start);
}

size_t ss_params_input_offset(const char *s, size_t len, size_t raw, size_t n)
{
	if (raw > len) return len;
	return raw + ss_params_walk((const uchar *)s + raw, (const uchar *)s + len, n);
}

const char *ss_params_status_message(ss_params_status st)
{
	switch (st) {
	case SS_PARAMS_OK: return "ok";
	case SS_PARAMS_E_ESCAPE: return "malformed percent escape";
	case SS_PARAMS_E_NUL: return "NUL byte";
	case SS_PARAMS_E_UTF8: return "invalid UTF-8";
	case SS_PARAMS_E_EMPTY_KEY: return "empty key";
	case SS_PARAMS_E_TOO_LONG: return "parameter string too long";
	case SS_PARAMS_E_NOMEM: return "out of memory";
	case SS_PARAMS_E_CALLBACK: return "stopped";
	}
	return "unknown";
}

static ss_params_status ss_params_run(const char *str, size_t len, ss_params_cb cb, void *ctx,
	ss_params_err_cb ecb, void *ectx, ss_params_error *err)
{
	ss_params_status first = SS_PARAMS_OK;
	const uchar *cur = (const uchar *)str, *lim = cur + len, *mar = NULL, *tok;
	const uchar *pair_start, *val_start = NULL;
	const char *ekey = NULL;
	size_t ekey_len = 0;
	uchar *out, *o;
	size_t keep, key_len = 0;
	int in_value = 0, has_eq = 0, high = 0;
	ss_params_status st = SS_PARAMS_OK;
	ss_params_pair pair;

	memset(err, 0, sizeof(*err));
	if (len > SS_MAX_PARAMS_LEN) {
		if (ecb) {
			err->status = SS_PARAMS_E_TOO_LONG;
			err->offset = SS_MAX_PARAMS_LEN;
			ecb(ectx, err);
		}
		err->status = SS_PARAMS_E_TOO_LONG;
		err->offset = SS_MAX_PARAMS_LEN;
		return SS_PARAMS_E_TOO_LONG;
	}
	/* Decoding only shrinks: one scratch buffer holds the key then the value. */
	out = ss_malloc(len + 1);
	if (!out) {
		err->status = SS_PARAMS_E_NOMEM;
		return SS_PARAMS_E_NOMEM;
	}

#define SS_FAIL(code, at) do { st = (code); err->offset = (size_t)((at) - (const uchar *)str); goto fail; } while (0)

next_pair:
	ekey = NULL;
	while (cur < lim && ss_is_ws(*cur)) cur++;
	pair_start = cur;
	o = out;
	keep = 0;
	in_value = 0;
	has_eq = 0;
	high = 0;
	key_len = 0;

	for (;;) {
		tok = cur;
	/*!re2c
		re2c:define:YYCTYPE = "uchar";
		re2c:yyfill:enable = 0;
		re2c:api = custom;
		re2c:api:style = free-form;
		re2c:define:YYPEEK = "(cur < lim ? *cur : 0)";
		re2c:define:YYSKIP = "++cur;";
		re2c:define:YYBACKUP = "mar = cur;";
		re2c:define:YYRESTORE = "cur = mar;";

		hex = [0-9a-fA-F];

		"%" hex hex {
			uchar c = (uchar)(ss_hexval(tok[1]) * 16 + ss_hexval(tok[2]));
			if (c == 0) SS_FAIL(SS_PARAMS_E_NUL, tok);
			high |= c >> 7;
			*o++ = c;
			keep = (size_t)(o - out);
			continue;
		}
		"%" { SS_FAIL(SS_PARAMS_E_ESCAPE, tok); }
		"+" { *o++ = ' '; keep = (size_t)(o - out); continue; }
		"=" {
			if (!in_value) {
				key_len = keep;
				in_value = 1;
				has_eq = 1;
				val_start = cur;
				while (cur < lim && ss_is_ws(*cur)) cur++;
				val_start = cur;
				o = out + key_len;
				keep = key_len;
			} else {
				*o++ = '=';
				keep = (size_t)(o - out);
			}
			continue;
		}
		"&" { goto end_pair; }
		[\x00] {
			if (tok >= lim) { cur = lim; goto end_pair; }
			SS_FAIL(SS_PARAMS_E_NUL, tok);
		}
		[^%+=&\x00\x80-\xff]+ {
			size_t n = (size_t)(cur - tok), t = n;
			memcpy(o, tok, n);
			o += n;
			while (t > 0 && ss_is_ws(tok[t - 1])) t--;
			if (t > 0) keep = (size_t)(o - out) - (n - t);
			continue;
		}
		[\x80-\xff]+ {
			/* Only pairs with bytes above 0x7F need the UTF-8 check. */
			size_t n = (size_t)(cur - tok);
			memcpy(o, tok, n);
			o += n;
			keep = (size_t)(o - out);
			high = 1;
			continue;
		}
	*/
	}

end_pair:
	if (!in_value) {
		key_len = keep;
	}
	if (key_len == 0) {
		if (!has_eq) {
			/* An empty pair: "&&", a trailing '&', or white space only. */
			if (tok >= lim) goto done;
			goto next_pair;
		}
		ekey = (const char *)out;
		ekey_len = 0;
		SS_FAIL(SS_PARAMS_E_EMPTY_KEY, pair_start);
	}
	{
		size_t vlen = in_value ? keep - key_len : 0, bad;
		bad = high ? ss_utf8_check((const char *)out, key_len) : key_len;
		if (bad != key_len) {
			ekey = (const char *)out;
			ekey_len = bad;
			SS_FAIL(SS_PARAMS_E_UTF8, pair_start + ss_params_walk(pair_start, lim, bad));
		}
		bad = high ? ss_utf8_check((const char *)out + key_len, vlen) : vlen;
		if (bad != vlen) {
			ekey = (const char *)out;
			ekey_len = key_len;
			err->in_value = 1;
			SS_FAIL(SS_PARAMS_E_UTF8, val_start + ss_params_walk(val_start, lim, bad));
		}
		pair.key = (const char *)out;
		pair.key_len = key_len;
		pair.value = (const char *)out + key_len;
		pair.value_len = vlen;
		pair.offset = (size_t)(pair_start - (const uchar *)str);
		pair.value_offset = (size_t)((in_value ? val_start : tok) - (const uchar *)str);
		pair.has_equals = has_eq;
		if (cb && cb(ctx, &pair) != 0) {
			st = SS_PARAMS_E_CALLBACK;
			err->offset = pair.offset;
			goto fail;
		}
	}
	if (tok < lim) goto next_pair;

done:
	ss_free(out);
	if (ecb && first != SS_PARAMS_OK) {
		/* Leave the first error's status; the details were all reported. */
		err->status = first;
		return first;
	}
	return SS_PARAMS_OK;

fail:
	if (!ekey) {
		ekey = (const char *)out;
		ekey_len = in_value ? key_len : (size_t)(o - out);
		err->in_value = in_value;
	}
	err->status = st;
	err->key_len = ekey_len > SS_PARAMS_ERR_KEY_MAX ? SS_PARAMS_ERR_KEY_MAX : ekey_len;
	memcpy(err->key, ekey, err->key_len);
	err->key[err->key_len] = '\0';
	if (ecb && st != SS_PARAMS_E_CALLBACK && st != SS_PARAMS_E_NOMEM) {
		const uchar *amp;
		if (first == SS_PARAMS_OK) first = st;
		if (ecb(ectx, err) != 0) {
			st = SS_PARAMS_E_CALLBACK;
			ss_free(out);
			return st;
		}
		/* Resume after the next raw '&' at or after the fault. */
		amp = tok < lim ? memchr(tok, '&', (size_t)(lim - tok)) : NULL;
		if (!amp) goto done;
		cur = amp + 1;
		memset(err, 0, sizeof(*err));
		st = SS_PARAMS_OK;
		goto next_pair;
	}
	ss_free(out);
	return st;
#undef SS_FAIL
}

ss_params_status ss_params_parse(const char *s, size_t len, ss_params_cb cb, void *ctx, ss_params_error *err)
{
	return ss_params_run(s, len, cb, ctx, NULL, NULL, err);
}

ss_params_status ss_params_scan(const char *s, size_t len, ss_params_cb cb, void *ctx,
	ss_params_err_cb ecb, void *ectx, ss_params_error *err)
{
	return ss_params_run(s, len, cb, ctx, ecb, ectx, err);
}
