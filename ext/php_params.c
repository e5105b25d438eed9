/* shop_setup: PHP binding for the handler parameter string and the enrolment window. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "zend_exceptions.h"
#include "zend_sort.h"
#include "shop_setup_binding.h"
#include "core/ss_params.h"
#include "core/ss_window.h"
#include "core/ss_handlerparams.h"

/*
 * Quotes s for a message: at most max bytes, never cut inside a character,
 * bytes of ill-formed UTF-8 and control characters as \xNN, so that the
 * message itself is valid UTF-8.
 */
static void shop_setup_params_quote(smart_str *msg, const char *s, size_t len, size_t max)
{
	size_t i = 0, n = len > max ? max : len;

	if (n < len) {
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
	}
	while (i < n) {
		size_t ok = ss_utf8_check(s + i, n - i);
		shop_setup_quote(msg, s + i, ok, ok);
		i += ok;
		if (i < n) {
			/* One byte of an ill-formed sequence. */
			static const char hex[] = "0123456789ABCDEF";
			unsigned char c = (unsigned char)s[i++];
			smart_str_appendl(msg, "\\x", 2);
			smart_str_appendc(msg, hex[c >> 4]);
			smart_str_appendc(msg, hex[c & 15]);
		}
	}
	if (n < len) {
		smart_str_appendl(msg, "...", 3);
	}
}

/* ------------------------------------------------------------------ parse */

/* The known keys as permanent interned strings: no allocation and no hashing for them per call. */
static zend_string *shop_setup_known_keys[SS_HP_K_COUNT];

void shop_setup_params_minit(void)
{
	uint32_t i;
	for (i = 0; i < SS_HP_K_COUNT; i++) {
		shop_setup_known_keys[i] = zend_string_init_interned(ss_hp_keys[i].name, ss_hp_keys[i].name_len, 1);
	}
}

static int shop_setup_params_to_array(void *ctx, const ss_params_pair *pair)
{
	const ss_hp_key *known = ss_hp_find(pair->key, pair->key_len);
	zval v;
	/* One-byte values ("1", "0") and "" come from the interned single-character table. */
	if (pair->value_len <= 1) {
		if (pair->value_len == 0) {
			ZVAL_EMPTY_STRING(&v);
		} else {
			ZVAL_CHAR(&v, (unsigned char)pair->value[0]);
		}
	} else {
		ZVAL_STRINGL_FAST(&v, pair->value, pair->value_len);
	}
	if (known && shop_setup_known_keys[known->id]) {
		zend_hash_update((HashTable *)ctx, shop_setup_known_keys[known->id], &v);
	} else {
		/* Numeric-string keys become integer keys, as in every PHP array. */
		zend_symtable_str_update((HashTable *)ctx, pair->key, pair->key_len, &v);
	}
	return 0;
}

/*
 * Describes a lexical error: 'a malformed percent escape "%zz" at byte 6 in the
 * value of key "k"'. With article for ValueError ("has ..."), capitalised for check.
 */
static void shop_setup_params_describe(smart_str *msg, const char *s, size_t len, const ss_params_error *err, int sentence)
{
	const char *what;

	switch (err->status) {
	case SS_PARAMS_E_ESCAPE: what = sentence ? "Malformed percent escape" : "a malformed percent escape"; break;
	case SS_PARAMS_E_NUL: what = sentence ? "NUL byte" : "a NUL byte"; break;
	case SS_PARAMS_E_UTF8: what = sentence ? "Invalid UTF-8" : "invalid UTF-8"; break;
	case SS_PARAMS_E_EMPTY_KEY: what = sentence ? "Empty key" : "an empty key"; break;
	case SS_PARAMS_E_TOO_LONG:
		smart_str_appends(msg, sentence ? "The parameter string is longer than " : "is longer than ");
		smart_str_append_unsigned(msg, SS_MAX_PARAMS_LEN);
		smart_str_appends(msg, " bytes");
		return;
	default:
		what = ss_params_status_message(err->status);
		break;
	}
	smart_str_appends(msg, what);
	if ((err->status == SS_PARAMS_E_ESCAPE || err->status == SS_PARAMS_E_NUL) && err->offset < len) {
		/* The escape as written: '%' and up to two following bytes short of a separator, or the raw NUL. */
		size_t n = 1;
		if (s[err->offset] == '%') {
			while (n < 3 && err->offset + n < len && !strchr("%&= \t\r\n", s[err->offset + n])) n++;
		}
		smart_str_appends(msg, " \"");
		shop_setup_params_quote(msg, s + err->offset, n, 3);
		smart_str_appendc(msg, '"');
	}
	smart_str_appends(msg, " at byte ");
	smart_str_append_unsigned(msg, err->offset);
	if (err->status == SS_PARAMS_E_EMPTY_KEY) {
		return;
	}
	if (err->in_value) {
		smart_str_appends(msg, " in the value of key \"");
	} else if (err->key_len > 0) {
		smart_str_appends(msg, " in the key beginning \"");
	} else {
		smart_str_appends(msg, " in a key");
		return;
	}
	shop_setup_params_quote(msg, err->key, err->key_len, 64);
	smart_str_appendc(msg, '"');
}

/* Throws the ValueError for a parse failure of argument #argnum. */
static void shop_setup_params_throw(uint32_t argnum, const char *s, size_t len, const ss_params_error *err)
{
	smart_str msg = {0};

	if (err->status != SS_PARAMS_E_TOO_LONG) {
		smart_str_appends(&msg, "has ");
	}
	shop_setup_params_describe(&msg, s, len, err, 0);
	smart_str_0(&msg);
	zend_argument_value_error(argnum, "%s", ZSTR_VAL(msg.s));
	smart_str_free(&msg);
}

/*
 * The hash is sized from the length (a real pair takes about 20 bytes), so that
 * it is not grown while filling, without a pass to count the '&'. Past 64 it grows.
 */
static uint32_t shop_setup_params_guess(size_t len)
{
	return len >= 64 * 16 ? 64 : (uint32_t)(len / 16) + 1;
}

PHP_FUNCTION(shop_setup_parse_params)
{
	zend_string *params;
	ss_params_error err;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(params)
	ZEND_PARSE_PARAMETERS_END();

	if (ZSTR_LEN(params) == 0) {
		RETURN_EMPTY_ARRAY();
	}
	array_init_size(return_value, shop_setup_params_guess(ZSTR_LEN(params)));
	if (ss_params_parse(ZSTR_VAL(params), ZSTR_LEN(params), shop_setup_params_to_array, Z_ARRVAL_P(return_value), &err) != SS_PARAMS_OK) {
		zval_ptr_dtor(return_value);
		ZVAL_NULL(return_value);
		shop_setup_params_throw(1, ZSTR_VAL(params), ZSTR_LEN(params), &err);
		RETURN_THROWS();
	}
}

/* ------------------------------------------------------------------ build */

typedef struct {
	zend_string *key;   /* owned */
	zend_string *value; /* owned */
} shop_setup_kv;

static int shop_setup_kv_cmp(const void *a, const void *b)
{
	const zend_string *x = ((const shop_setup_kv *)a)->key, *y = ((const shop_setup_kv *)b)->key;
	size_t n = ZSTR_LEN(x) < ZSTR_LEN(y) ? ZSTR_LEN(x) : ZSTR_LEN(y);
	int c = memcmp(ZSTR_VAL(x), ZSTR_VAL(y), n);
	if (c != 0) return c;
	return ZSTR_LEN(x) < ZSTR_LEN(y) ? -1 : ZSTR_LEN(x) > ZSTR_LEN(y);
}

static void shop_setup_kv_swap(void *a, void *b)
{
	shop_setup_kv t = *(shop_setup_kv *)a;
	*(shop_setup_kv *)a = *(shop_setup_kv *)b;
	*(shop_setup_kv *)b = t;
}

/* RFC 3986: unreserved characters pass, every other byte is %XX with upper-case hex. */
static const unsigned char shop_setup_unreserved[256] = {
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1,
	['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
	['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1,
	['9'] = 1, ['-'] = 1, ['.'] = 1, ['_'] = 1, ['~'] = 1,
};

static char *shop_setup_encode(char *o, const zend_string *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)ZSTR_VAL(s), *e = p + ZSTR_LEN(s);
	for (; p < e; p++) {
		if (shop_setup_unreserved[*p]) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	return o;
}

/* Validates a key or value of build(): valid UTF-8, no NUL; keys non-empty. Throws on failure. */
static int shop_setup_build_check(const zend_string *key, const zend_string *s, int is_key)
{
	size_t bad;
	const char *nul;
	smart_str msg = {0};
	const char *why = NULL;

	if (is_key && ZSTR_LEN(s) == 0) {
		zend_argument_value_error(1, "has an empty key");
		return FAILURE;
	}
	nul = memchr(ZSTR_VAL(s), '\0', ZSTR_LEN(s));
	bad = ss_utf8_check(ZSTR_VAL(s), nul ? (size_t)(nul - ZSTR_VAL(s)) : ZSTR_LEN(s));
	if (nul && bad == (size_t)(nul - ZSTR_VAL(s))) {
		why = "a NUL byte";
	} else if (bad != (nul ? (size_t)(nul - ZSTR_VAL(s)) : ZSTR_LEN(s))) {
		why = "invalid UTF-8";
	}
	if (!why) {
		return SUCCESS;
	}
	smart_str_appends(&msg, "has ");
	smart_str_appends(&msg, why);
	smart_str_appends(&msg, " at byte ");
	smart_str_append_unsigned(&msg, bad);
	smart_str_appends(&msg, is_key ? " of key \"" : " of the value of key \"");
	shop_setup_params_quote(&msg, ZSTR_VAL(key), ZSTR_LEN(key), 64);
	smart_str_appendc(&msg, '"');
	smart_str_0(&msg);
	zend_argument_value_error(1, "%s", ZSTR_VAL(msg.s));
	smart_str_free(&msg);
	return FAILURE;
}

PHP_FUNCTION(shop_setup_build_params)
{
	HashTable *ht;
	zend_ulong h;
	zend_string *k;
	zval *val;
	shop_setup_kv *kv;
	uint32_t n = 0, i;
	size_t total = 0;
	zend_string *out;
	char *o;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(ht)
	ZEND_PARSE_PARAMETERS_END();

	if (zend_hash_num_elements(ht) == 0) {
		RETURN_EMPTY_STRING();
	}
	kv = safe_emalloc(zend_hash_num_elements(ht), sizeof(*kv), 0);
	ZEND_HASH_FOREACH_KEY_VAL(ht, h, k, val) {
		zend_string *key = k ? zend_string_copy(k) : zend_long_to_str((zend_long)h);
		zend_string *v;

		ZVAL_DEREF(val);
		switch (Z_TYPE_P(val)) {
		case IS_STRING:
			v = zend_string_copy(Z_STR_P(val));
			break;
		case IS_LONG:
		case IS_DOUBLE:
		case IS_TRUE:
		case IS_FALSE:
		case IS_NULL:
			/* Exactly what (string) gives: floats as PHP prints them, true "1", false and null "". */
			v = zval_get_string(val);
			break;
		default: {
			smart_str msg = {0};
			smart_str_appends(&msg, "must contain only scalar or null values, ");
			smart_str_appends(&msg, zend_zval_type_name(val));
			smart_str_appends(&msg, " given for key \"");
			shop_setup_params_quote(&msg, ZSTR_VAL(key), ZSTR_LEN(key), 64);
			smart_str_appendc(&msg, '"');
			smart_str_0(&msg);
			zend_argument_type_error(1, "%s", ZSTR_VAL(msg.s));
			smart_str_free(&msg);
			zend_string_release(key);
			goto fail;
		}
		}
		if (shop_setup_build_check(key, key, 1) == FAILURE || shop_setup_build_check(key, v, 0) == FAILURE) {
			zend_string_release(key);
			zend_string_release(v);
			goto fail;
		}
		kv[n].key = key;
		kv[n].value = v;
		n++;
		/* Each byte takes at most 3 output bytes; '=' and '&' per pair. Bounded by memory_limit. */
		total += 3 * (ZSTR_LEN(key) + ZSTR_LEN(v)) + 2;
	} ZEND_HASH_FOREACH_END();

	zend_sort(kv, n, sizeof(*kv), (compare_func_t)shop_setup_kv_cmp, (swap_func_t)shop_setup_kv_swap);

	out = zend_string_safe_alloc(1, total, 0, 0);
	o = ZSTR_VAL(out);
	for (i = 0; i < n; i++) {
		if (i > 0) *o++ = '&';
		o = shop_setup_encode(o, kv[i].key);
		*o++ = '=';
		o = shop_setup_encode(o, kv[i].value);
		zend_string_release(kv[i].key);
		zend_string_release(kv[i].value);
	}
	efree(kv);
	*o = '\0';
	ZSTR_LEN(out) = (size_t)(o - ZSTR_VAL(out));
	/* Give back the slack of the 3x estimate. */
	RETURN_NEW_STR(zend_string_truncate(out, ZSTR_LEN(out), 0));

fail:
	for (i = 0; i < n; i++) {
		zend_string_release(kv[i].key);
		zend_string_release(kv[i].value);
	}
	efree(kv);
	RETURN_THROWS();
}

/* ------------------------------------------------------------------ check */

/* More issues than this are not listed: a hostile megabyte would otherwise exhaust memory_limit. */
#define SHOP_SETUP_CHECK_MAX_ISSUES 1000

/* What check_params remembers of a key: its last occurrence, and its first one for repeats. */
typedef struct {
	zend_string *value;  /* known keys only, else NULL */
	size_t offset;       /* key offset of the last occurrence */
	size_t value_offset; /* value offset of the last occurrence */
	size_t first;        /* key offset of the first occurrence */
} shop_setup_seen_rec;

typedef struct {
	const char *s;
	size_t len;
	int coursename_faulty; /* a coursename pair was there but did not decode */
	int capped;            /* SHOP_SETUP_CHECK_MAX_ISSUES reached */
	zval *issues;          /* list */
	HashTable seen;        /* decoded key => shop_setup_seen_rec */
} shop_setup_check_ctx;

static void shop_setup_seen_dtor(zval *zv)
{
	shop_setup_seen_rec *r = Z_PTR_P(zv);
	if (r->value) {
		zend_string_release(r->value);
	}
	efree(r);
}

/* Appends an issue (takes message); returns 1 once the list is full. */
static int shop_setup_issue(shop_setup_check_ctx *ctx, const char *level, const char *code, const char *key, size_t key_len,
	zend_long offset, zend_string *message)
{
	zval issue;

	if (ctx->capped) {
		zend_string_release(message);
		return 1;
	}
	if (zend_hash_num_elements(Z_ARRVAL_P(ctx->issues)) >= SHOP_SETUP_CHECK_MAX_ISSUES) {
		zend_string_release(message);
		ctx->capped = 1;
		message = zend_string_init("More than " ZEND_TOSTR(SHOP_SETUP_CHECK_MAX_ISSUES) " problems: the rest was not checked.",
			sizeof("More than " ZEND_TOSTR(SHOP_SETUP_CHECK_MAX_ISSUES) " problems: the rest was not checked.") - 1, 0);
		level = "error";
		code = "too_many_issues";
		key = NULL;
		offset = -1;
	}
	array_init_size(&issue, 5);
	add_assoc_string(&issue, "level", (char *)level);
	add_assoc_string(&issue, "code", (char *)code);
	if (key) {
		add_assoc_stringl(&issue, "key", (char *)key, key_len);
	} else {
		add_assoc_null(&issue, "key");
	}
	if (offset >= 0) {
		add_assoc_long(&issue, "offset", offset);
	} else {
		add_assoc_null(&issue, "offset");
	}
	add_assoc_str(&issue, "message", message);
	add_next_index_zval(ctx->issues, &issue);
	return ctx->capped;
}

static int shop_setup_check_lex_error(void *vctx, const ss_params_error *err)
{
	shop_setup_check_ctx *ctx = vctx;
	smart_str msg = {0};
	const char *code;

	switch (err->status) {
	case SS_PARAMS_E_ESCAPE: code = "malformed_escape"; break;
	case SS_PARAMS_E_NUL: code = "nul_byte"; break;
	case SS_PARAMS_E_UTF8: code = "invalid_utf8"; break;
	case SS_PARAMS_E_EMPTY_KEY: code = "empty_key"; break;
	case SS_PARAMS_E_TOO_LONG: code = "params_too_long"; break;
	default: code = "parse_error"; break;
	}
	shop_setup_params_describe(&msg, ctx->s, ctx->len, err, 1);
	smart_str_appendc(&msg, '.');
	smart_str_0(&msg);
	if (err->in_value && err->key_len == sizeof("coursename") - 1 && memcmp(err->key, "coursename", err->key_len) == 0) {
		ctx->coursename_faulty = 1;
	}
	/* The key is known only when the fault is in the value, and is given only when it is
	 * UTF-8: a fault in the value is found before the key's own UTF-8 check. */
	{
		/* A key cut at SS_PARAMS_ERR_KEY_MAX bytes may end inside a character: drop that part. */
		size_t klen = err->key_len, back = 0;
		while (klen == SS_PARAMS_ERR_KEY_MAX && back < 3 && back < klen
			&& ((unsigned char)err->key[klen - back - 1] & 0xC0) == 0x80) {
			back++;
		}
		if (back > 0 && back < klen && ((unsigned char)err->key[klen - back - 1] & 0xC0) == 0xC0) {
			unsigned char lead = (unsigned char)err->key[klen - back - 1];
			size_t need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
			if (back < need) klen -= back + 1; /* an incomplete last character goes, lead byte too */
		} else if (klen == SS_PARAMS_ERR_KEY_MAX && ((unsigned char)err->key[klen - 1] & 0xC0) == 0xC0) {
			klen--; /* cut right after a lead byte */
		}
		return shop_setup_issue(ctx, "error", code,
			err->in_value && ss_utf8_check(err->key, klen) == klen ? err->key : NULL, klen,
			(zend_long)err->offset, msg.s);
	}
}

static int shop_setup_check_pair(void *vctx, const ss_params_pair *pair)
{
	shop_setup_check_ctx *ctx = vctx;
	shop_setup_seen_rec *rec;
	const ss_hp_key *known = ss_hp_find(pair->key, pair->key_len);
	int capped = 0;

	rec = zend_hash_str_find_ptr(&ctx->seen, pair->key, pair->key_len);
	if (rec) {
		smart_str msg = {0};
		smart_str_appends(&msg, "Key \"");
		shop_setup_params_quote(&msg, pair->key, pair->key_len, 64);
		smart_str_appends(&msg, "\" is repeated (first at byte ");
		smart_str_append_unsigned(&msg, rec->first);
		smart_str_appends(&msg, "); the last value wins.");
		smart_str_0(&msg);
		capped = shop_setup_issue(ctx, "error", "duplicate_key", pair->key, pair->key_len, (zend_long)pair->offset, msg.s);
		/* The last value is the one parse_params returns, so it is the one checked. */
		if (rec->value) {
			zend_string_release(rec->value);
			rec->value = zend_string_init(pair->value, pair->value_len, 0);
		}
		rec->offset = pair->offset;
		rec->value_offset = pair->value_offset;
		return capped;
	}
	if (!known) {
		smart_str msg = {0};
		const ss_hp_key *near = ss_hp_suggest(pair->key, pair->key_len);
		smart_str_appends(&msg, "Key \"");
		shop_setup_params_quote(&msg, pair->key, pair->key_len, 64);
		smart_str_appends(&msg, "\" is not a parameter of std_setuponecoursesession");
		if (near) {
			smart_str_appends(&msg, near->name_len == pair->key_len
				&& zend_binary_strcasecmp(near->name, near->name_len, pair->key, pair->key_len) == 0
				? "; keys are case-sensitive: did you mean \"" : "; did you mean \"");
			smart_str_appends(&msg, near->name);
			smart_str_appends(&msg, "\"?");
		} else {
			smart_str_appends(&msg, "; it is ignored.");
		}
		smart_str_0(&msg);
		capped = shop_setup_issue(ctx, "warning", "unknown_key", pair->key, pair->key_len, (zend_long)pair->offset, msg.s);
	}
	rec = emalloc(sizeof(*rec));
	rec->value = known ? zend_string_init(pair->value, pair->value_len, 0) : NULL;
	rec->offset = rec->first = pair->offset;
	rec->value_offset = pair->value_offset;
	zend_hash_str_add_new_ptr(&ctx->seen, pair->key, pair->key_len, rec);
	return capped;
}

static const char *shop_setup_hp_code(ss_hp_check_code c, ss_hp_type t)
{
	switch (c) {
	case SS_HP_OK: return "ok";
	case SS_HP_E_EMPTY: return "empty_value";
	case SS_HP_E_TOO_LONG: return "value_too_long";
	case SS_HP_E_CONTROL: return "control_character";
	case SS_HP_E_TAGS: return "html_tags";
	case SS_HP_E_ROLE_CHARS: return "invalid_role";
	case SS_HP_E_FLAG: return "invalid_flag";
	case SS_HP_E_TIME: return "invalid_time";
	case SS_HP_E_DAYS: return "invalid_duration";
	case SS_HP_E_ATTACH: return "invalid_attach_mode";
	case SS_HP_E_LIST_EMPTY_ITEM: return "empty_list_item";
	case SS_HP_E_COURSE_ID: return "invalid_course_id";
	}
	(void)t;
	return "invalid_value";
}

/* What a key of type t accepts, for messages. */
static const char *shop_setup_hp_expects(const ss_hp_key *k)
{
	switch (k->type) {
	case SS_HP_COURSE_SHORTNAME: return "a Moodle course shortname (1 to 255 characters, no tags or control characters)";
	case SS_HP_COURSE_REF: return "a course shortname or a numeric course id";
	case SS_HP_ROLE: return "a role shortname (1 to 100 characters among a-z, 0-9, '_' and '-'; not \"0\")";
	case SS_HP_ROLE_OR_NONE: return "a role shortname (1 to 100 characters among a-z, 0-9, '_' and '-'; not \"0\"), or nothing for none";
	case SS_HP_ROLE_LIST: return "a comma list of role shortnames (at most 4096 bytes)";
	case SS_HP_FLAG: return "a flag: 1, 0, true, false, yes, no, on or off";
	case SS_HP_TIME: return ss_window_field_expects(SS_WINDOW_F_STARTTIME);
	case SS_HP_END_TIME: return ss_window_field_expects(SS_WINDOW_F_ENDTIME);
	case SS_HP_DAYS: return "a whole number of days";
	case SS_HP_TEXT: return "a display name of 1 to 254 characters, no tags or control characters";
	case SS_HP_ATTACH_MODE: return "never, owned or always";
	}
	return "";
}

static shop_setup_seen_rec *shop_setup_seen(shop_setup_check_ctx *ctx, ss_hp_key_id id)
{
	return zend_hash_str_find_ptr(&ctx->seen, ss_hp_keys[id].name, ss_hp_keys[id].name_len);
}

/* Value checks of the known keys, and the checks across keys. */
static void shop_setup_check_values(shop_setup_check_ctx *ctx)
{
	shop_setup_seen_rec *st, *et, *du;
	int64_t start = 0;
	int have_start = 0;
	uint32_t id;

	for (id = 0; id < SS_HP_K_COUNT; id++) {
		const ss_hp_key *k = &ss_hp_keys[id];
		shop_setup_seen_rec *rec = shop_setup_seen(ctx, (ss_hp_key_id)id);
		zend_string *v;
		size_t erroff = 0;
		ss_hp_check_code c;

		if (!rec) continue;
		v = rec->value;
		c = ss_hp_check(k, ZSTR_VAL(v), ZSTR_LEN(v), &erroff);
		if (c != SS_HP_OK) {
			smart_str msg = {0};
			smart_str_appends(&msg, "Value \"");
			shop_setup_params_quote(&msg, ZSTR_VAL(v), ZSTR_LEN(v), 64);
			smart_str_appends(&msg, "\" of ");
			smart_str_appends(&msg, k->name);
			smart_str_appendc(&msg, ' ');
			smart_str_appends(&msg, ss_hp_check_message(c));
			if (c == SS_HP_E_TIME && erroff > 0) {
				smart_str_appends(&msg, " at byte ");
				smart_str_append_unsigned(&msg, erroff);
				smart_str_appends(&msg, " of the value");
			}
			smart_str_appends(&msg, ": expected ");
			smart_str_appends(&msg, shop_setup_hp_expects(k));
			smart_str_appendc(&msg, '.');
			smart_str_0(&msg);
			shop_setup_issue(ctx, "error", shop_setup_hp_code(c, k->type), k->name, k->name_len,
				(zend_long)ss_params_input_offset(ctx->s, ctx->len, rec->value_offset, erroff), msg.s);
		} else if (k->type == SS_HP_ROLE_LIST) {
			size_t d = ss_hp_list_duplicate(ZSTR_VAL(v), ZSTR_LEN(v));
			if (d < ZSTR_LEN(v)) {
				smart_str msg = {0};
				smart_str_appends(&msg, "A role is listed twice in ");
				smart_str_appends(&msg, k->name);
				smart_str_appends(&msg, " (\"");
				shop_setup_params_quote(&msg, ZSTR_VAL(v), ZSTR_LEN(v), 64);
				smart_str_appends(&msg, "\").");
				smart_str_0(&msg);
				shop_setup_issue(ctx, "warning", "duplicate_list_item", k->name, k->name_len,
					(zend_long)ss_params_input_offset(ctx->s, ctx->len, rec->value_offset, d), msg.s);
			}
		}
	}

	if (!shop_setup_seen(ctx, SS_HP_K_COURSENAME) && !ctx->coursename_faulty) {
		shop_setup_issue(ctx, "error", "missing_key", "coursename", sizeof("coursename") - 1, -1,
			zend_string_init("Key \"coursename\" (the course shortname) is required.",
				sizeof("Key \"coursename\" (the course shortname) is required.") - 1, 0));
	}

	/* The window: an end that cannot be after the start is caught now, not at production. */
	st = shop_setup_seen(ctx, SS_HP_K_STARTTIME);
	et = shop_setup_seen(ctx, SS_HP_K_ENDTIME);
	du = shop_setup_seen(ctx, SS_HP_K_DURATION);
	if (st) {
		size_t off;
		if (ZSTR_LEN(st->value) > 0
			&& ss_window_parse_time(ZSTR_VAL(st->value), ZSTR_LEN(st->value), &start, &off) == SS_WINDOW_OK && start > 0) {
			have_start = 1;
		}
	}
	if (et) {
		ss_window_end end;
		size_t off;
		if (ss_window_parse_end(ZSTR_VAL(et->value), ZSTR_LEN(et->value), &end, &off) == SS_WINDOW_OK) {
			const char *why = NULL;
			if (end.kind == SS_WINDOW_END_RELATIVE && end.amount == 0) {
				why = "Key \"endtime\" is zero time after the start: the enrolment would end when it starts.";
			} else if (end.kind == SS_WINDOW_END_ABSOLUTE && ((have_start && end.time <= start) || end.time == 0)) {
				why = "Key \"endtime\" is not after \"starttime\": the enrolment would end before it starts.";
			}
			if (why) {
				shop_setup_issue(ctx, "error", "end_not_after_start", "endtime", sizeof("endtime") - 1,
					(zend_long)et->offset, zend_string_init(why, strlen(why), 0));
			}
			if (du && end.kind != SS_WINDOW_END_ABSENT && ZSTR_LEN(du->value) > 0) {
				const char *m = "Key \"duration\" is ignored: \"endtime\" is given and takes precedence.";
				shop_setup_issue(ctx, "warning", "duration_ignored", "duration", sizeof("duration") - 1,
					(zend_long)du->offset, zend_string_init(m, strlen(m), 0));
			}
		}
	}
}

/* Issues by offset in the input (issues without an offset last), ties in order of discovery. */
static int shop_setup_issue_cmp(Bucket *a, Bucket *b)
{
	zval *oa = zend_hash_str_find(Z_ARRVAL(a->val), "offset", sizeof("offset") - 1);
	zval *ob = zend_hash_str_find(Z_ARRVAL(b->val), "offset", sizeof("offset") - 1);
	int na = Z_TYPE_P(oa) != IS_LONG, nb = Z_TYPE_P(ob) != IS_LONG;

	if (na != nb) return na - nb;
	if (!na && Z_LVAL_P(oa) != Z_LVAL_P(ob)) return Z_LVAL_P(oa) < Z_LVAL_P(ob) ? -1 : 1;
	/* zend_hash_sort() stored each element's original position in Z_EXTRA. */
	return Z_EXTRA(a->val) < Z_EXTRA(b->val) ? -1 : Z_EXTRA(a->val) > Z_EXTRA(b->val);
}

PHP_FUNCTION(shop_setup_check_params)
{
	zend_string *params;
	shop_setup_check_ctx ctx;
	ss_params_error err;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(params)
	ZEND_PARSE_PARAMETERS_END();

	array_init(return_value);
	ctx.s = ZSTR_VAL(params);
	ctx.len = ZSTR_LEN(params);
	ctx.issues = return_value;
	ctx.coursename_faulty = 0;
	ctx.capped = 0;
	zend_hash_init(&ctx.seen, 16, NULL, shop_setup_seen_dtor, 0);
	ss_params_scan(ctx.s, ctx.len, shop_setup_check_pair, &ctx, shop_setup_check_lex_error, &ctx, &err);
	if (err.status == SS_PARAMS_E_NOMEM) {
		shop_setup_issue(&ctx, "error", "out_of_memory", NULL, 0, -1,
			zend_string_init("Out of memory.", sizeof("Out of memory.") - 1, 0));
	} else if (err.status != SS_PARAMS_E_TOO_LONG && !ctx.capped) {
		shop_setup_check_values(&ctx);
	}
	zend_hash_destroy(&ctx.seen);
	zend_hash_sort(Z_ARRVAL_P(return_value), shop_setup_issue_cmp, 1);
}

/* ------------------------------------------------------------------ window */

/* The raw string of a window key: string or int; null or absent = absent. Throws TypeError otherwise. */
static int shop_setup_window_field(HashTable *ht, const char *name, ss_window_str *out, zend_string **tmp)
{
	zval *v = zend_hash_str_find_deref(ht, name, strlen(name));

	out->ptr = NULL;
	out->len = 0;
	*tmp = NULL;
	if (!v || Z_TYPE_P(v) == IS_NULL) {
		return SUCCESS;
	}
	if (Z_TYPE_P(v) == IS_STRING) {
		out->ptr = Z_STRVAL_P(v);
		out->len = Z_STRLEN_P(v);
		return SUCCESS;
	}
	if (Z_TYPE_P(v) == IS_LONG) {
		*tmp = zend_long_to_str(Z_LVAL_P(v));
		out->ptr = ZSTR_VAL(*tmp);
		out->len = ZSTR_LEN(*tmp);
		return SUCCESS;
	}
	zend_argument_type_error(1, "must hold a string or int for key \"%s\", %s given", name, zend_zval_type_name(v));
	return FAILURE;
}

PHP_FUNCTION(shop_setup_enrol_window)
{
	HashTable *params;
	zend_long now, coursestart = 0;
	bool renewable = 0;
	ss_window_input in;
	ss_window w;
	ss_window_error err;
	zend_string *t1, *t2, *t3;
	ss_window_status st;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_ARRAY_HT(params)
		Z_PARAM_LONG(now)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(coursestart)
		Z_PARAM_BOOL(renewable)
	ZEND_PARSE_PARAMETERS_END();

	if (now < 0 || (int64_t)now > SS_WINDOW_MAX_TIME) {
		zend_argument_value_error(2, "must be between 0 and 253402300799 (9999-12-31T23:59:59Z)");
		RETURN_THROWS();
	}
	if ((int64_t)coursestart > SS_WINDOW_MAX_TIME) {
		zend_argument_value_error(3, "must be at most 253402300799 (9999-12-31T23:59:59Z)");
		RETURN_THROWS();
	}
	if (shop_setup_window_field(params, "starttime", &in.starttime, &t1) == FAILURE) RETURN_THROWS();
	if (shop_setup_window_field(params, "endtime", &in.endtime, &t2) == FAILURE) {
		if (t1) zend_string_release(t1);
		RETURN_THROWS();
	}
	if (shop_setup_window_field(params, "duration", &in.duration, &t3) == FAILURE) {
		if (t1) zend_string_release(t1);
		if (t2) zend_string_release(t2);
		RETURN_THROWS();
	}
	in.now = now;
	in.coursestart = coursestart;
	in.renewable = renewable;
	st = ss_window_compute(&in, &w, &err);
	if (st != SS_WINDOW_OK) {
		smart_str msg = {0};
		const ss_window_str *f = err.field == SS_WINDOW_F_STARTTIME ? &in.starttime
			: err.field == SS_WINDOW_F_ENDTIME ? &in.endtime : &in.duration;
		smart_str_appends(&msg, "has an invalid \"");
		smart_str_appends(&msg, ss_window_field_name(err.field));
		smart_str_appends(&msg, "\" (\"");
		if (f->ptr) {
			shop_setup_params_quote(&msg, f->ptr, f->len, 64);
		}
		smart_str_appends(&msg, "\"): ");
		if (st == SS_WINDOW_E_ORDER) {
			smart_str_appends(&msg, "the end (");
			smart_str_append_long(&msg, (zend_long)w.end);
			smart_str_appends(&msg, ") is not after the start (");
			smart_str_append_long(&msg, (zend_long)w.start);
			smart_str_appendc(&msg, ')');
		} else {
			smart_str_appends(&msg, st == SS_WINDOW_E_RANGE ? "out of range" : "not in an accepted form");
			smart_str_appends(&msg, " at byte ");
			smart_str_append_unsigned(&msg, err.offset);
			smart_str_appends(&msg, "; expected ");
			smart_str_appends(&msg, ss_window_field_expects(err.field));
		}
		smart_str_0(&msg);
		zend_argument_value_error(1, "%s", ZSTR_VAL(msg.s));
		smart_str_free(&msg);
	} else if ((int64_t)w.end > (int64_t)ZEND_LONG_MAX || (int64_t)w.start > (int64_t)ZEND_LONG_MAX) {
		/* Only where zend_long has 32 bits: a time after 2038 cannot be returned. */
		zend_argument_value_error(1, "gives a window ending after 2038, beyond this platform's integer range");
	} else {
		array_init_size(return_value, 2);
		add_next_index_long(return_value, (zend_long)w.start);
		add_next_index_long(return_value, (zend_long)w.end);
	}
	if (t1) zend_string_release(t1);
	if (t2) zend_string_release(t2);
	if (t3) zend_string_release(t3);
}
