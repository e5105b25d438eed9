/*
 * shop_setup: PHP binding of the session planner (shop_setup_session()).
 *
 * Converts $order, $facts and $options (arrays or objects: local_shop stores
 * participants as stdClass, Moodle's $DB returns stdClass rows with string
 * values) into the Zend-free ss_session_in, runs ss_session_plan(), and builds
 * the plan as PHP arrays. Wrong types are a TypeError, values out of range a
 * ValueError; both name the path ($order['users']['student']['a@b.fr']['lastname']).
 * Input strings are not copied: the core holds views into the zend_strings,
 * which the caller's arrays keep alive for the whole call.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include <time.h>

#include "php.h"
#ifdef __linux__
# include <sys/mman.h>
#endif
#include "zend_smart_str.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "ext/standard/php_string.h"
#include "shop_setup_binding.h"
#include "ss_fields.h"
#include "core/ss_params.h"
#include "core/ss_planner.h"
#include "core/ss_email.h"

/* ---- interned keys, created once at start-up ---- */

#define SS_KEYS(X) \
	X(phase) X(ok) X(errors) X(warnings) X(params) X(lookups) X(emails) X(usernames) X(course) \
	X(supportcourse) X(roles) X(groupidnumber) X(operatorid) X(level) X(code) X(message) X(ref) \
	X(role) X(email) X(field) X(other) X(window) X(start) X(end) X(group) X(id) X(idnumber) X(name) \
	X(participants) X(roleid) X(matchkey) X(firstname) X(lastname) X(userid) X(username) X(action) \
	X(attach) X(status) X(messages) X(reference) X(operations) X(summary) X(seats) X(declared) \
	X(unassigned) X(created) X(reused) X(enrolments) X(skipped) X(op) X(user) X(city) X(institution) \
	X(phone2) X(auth) X(enrol) X(courseid) X(timestart) X(timeend) X(groupid) X(contextref) X(contextuserid) \
	X(startdate) X(enddate) X(catalogitemid) X(billitemid) X(customerid) X(transactionid) \
	X(handlerparams) X(quantity) X(operator) X(users) X(now) X(renewable) X(suspended) X(deleted) \
	X(privileged) X(roleassignments) X(products) X(members) X(partial) X(error) X(warning) \
	X(lookup) X(plan) X(reuse) X(create) X(none) X(manual) \
	X(format) X(columns) X(rows) X(flags) X(context) X(operatorroleid) X(mirrorroleid) X(optionalroles)

#define SS_KEY_ENUM(k) SSK_##k,
enum { SS_KEYS(SS_KEY_ENUM) SSK__COUNT };
#define SS_KEY_NAME(k) #k,
static const char *const ss_key_names[] = { SS_KEYS(SS_KEY_NAME) };
static zend_string *ss_keys[SSK__COUNT];
static zend_string *ss_opnames[SS_OP_KINDS];
#define K(k) (ss_keys[SSK_##k])

#if defined(__linux__) && defined(MADV_HUGEPAGE)
/* The administrator turned transparent huge pages off ("[never]"): ss_new_list() leaves them off. */
static int ss_thp_never;

static void ss_thp_read_setting(void)
{
	char buf[128];
	size_t len;
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	if (!f) return;
	len = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[len] = '\0';
	ss_thp_never = strstr(buf, "[never]") != NULL;
}
#endif

void shop_setup_session_minit(void)
{
	int i;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	ss_thp_read_setting();
#endif
	for (i = 0; i < SSK__COUNT; i++) {
		ss_keys[i] = zend_string_init_interned(ss_key_names[i], strlen(ss_key_names[i]), 1);
	}
	for (i = 0; i < SS_OP_KINDS; i++) {
		const char *nm = ss_op_kind_name((ss_op_kind)i);
		ss_opnames[i] = zend_string_init_interned(nm, strlen(nm), 1);
	}
}

/*
 * The binding's arrays of n values (room for one when n is 0): from the
 * call's scratch when it has one (a big order: no fresh pages per call), else
 * emalloc(). Freed with ss_free().
 */
static void *ss_arr(size_t n, size_t size)
{
	return ss_malloc(zend_safe_address_guarded(n ? n : 1, size, 0));
}

static void *ss_arr_zero(size_t n, size_t size)
{
	size_t bytes = zend_safe_address_guarded(n ? n : 1, size, 0);
	return memset(ss_malloc(bytes), 0, bytes);
}

/* The core ran out of memory: its tables count against memory_limit (ext/shop_setup.c). */
static void ss_throw_nomem(void)
{
	zend_throw_error(NULL, "shop_setup_session(): out of memory (the plan's tables count against memory_limit)");
}

/* ---- paths for error messages ---- */

typedef struct ss_seg {
	const char *s;       /* NULL: numeric index */
	size_t len;
	zend_ulong idx;
} ss_seg;

typedef struct ss_path {
	const char *root;
	int depth;
	ss_seg seg[6];
} ss_path;

static void ss_path_push(ss_path *p, const char *s, size_t len)
{
	p->seg[p->depth].s = s;
	p->seg[p->depth].len = len;
	p->depth++;
}

static void ss_path_push_key(ss_path *p, zend_string *key, zend_ulong idx)
{
	if (key) {
		ss_path_push(p, ZSTR_VAL(key), ZSTR_LEN(key));
	} else {
		p->seg[p->depth].s = NULL;
		p->seg[p->depth].idx = idx;
		p->depth++;
	}
}

#define SS_PUSH(p, lit) ss_path_push((p), (lit), sizeof(lit) - 1)
#define SS_POP(p) ((p)->depth--)

/* Like shop_setup_quote(), but bytes of ill-formed UTF-8 are escaped too. */
static void ss_quote(smart_str *b, const char *s, size_t len, size_t max)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i, n = len > max ? max : len;
	if (ss_utf8_check(s, len) == len) {
		while (n < len && n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;   /* cut on a character */
		shop_setup_quote(b, s, n, n);
		if (n < len) smart_str_appendl(b, "...", 3);
		return;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
			smart_str_appendc(b, (char)c);
		} else {
			smart_str_appendl(b, "\\x", 2);
			smart_str_appendc(b, hex[c >> 4]);
			smart_str_appendc(b, hex[c & 15]);
		}
	}
	if (len > max) smart_str_appendl(b, "...", 3);
}

static void ss_path_render(smart_str *b, const ss_path *p, const char *last)
{
	int i;
	smart_str_appends(b, "shop_setup_session(): ");
	smart_str_appends(b, p->root);
	for (i = 0; i < p->depth; i++) {
		if (p->seg[i].s) {
			smart_str_appends(b, "['");
			ss_quote(b, p->seg[i].s, p->seg[i].len, 80);
			smart_str_appends(b, "']");
		} else {
			smart_str_appendc(b, '[');
			smart_str_append_unsigned(b, p->seg[i].idx);
			smart_str_appendc(b, ']');
		}
	}
	if (last) {
		smart_str_appends(b, "['");
		smart_str_appends(b, last);
		smart_str_appends(b, "']");
	}
}

static void ss_type_error(const ss_path *p, const char *last, const char *want, const zval *given)
{
	smart_str b = {0};
	ss_path_render(&b, p, last);
	smart_str_append_printf(&b, " must be of type %s, %s given", want, given ? zend_zval_type_name(given) : "nothing");
	smart_str_0(&b);
	zend_type_error("%s", ZSTR_VAL(b.s));
	smart_str_free(&b);
}

static void ss_value_error(const ss_path *p, const char *last, const char *fmt, ...)
{
	smart_str b = {0};
	va_list ap;
	ss_path_render(&b, p, last);
	smart_str_appendc(&b, ' ');
	va_start(ap, fmt);
	{
		zend_string *m = zend_vstrpprintf(0, fmt, ap);
		smart_str_append(&b, m);
		zend_string_release(m);
	}
	va_end(ap);
	smart_str_0(&b);
	zend_value_error("%s", ZSTR_VAL(b.s));
	smart_str_free(&b);
}

/* ---- reading arrays and objects alike ---- */

static HashTable *ss_table(zval *zv)
{
	ZVAL_DEREF(zv);
	if (Z_TYPE_P(zv) == IS_ARRAY) {
		return Z_ARRVAL_P(zv);
	}
	if (Z_TYPE_P(zv) == IS_OBJECT) {
		return Z_OBJ_HT_P(zv)->get_properties(Z_OBJ_P(zv));
	}
	return NULL;
}

static zval *ss_get(HashTable *ht, const char *key, size_t len)
{
	return ss_found(zend_hash_str_find(ht, key, len));
}

#define SS_GET(ht, lit) ss_get((ht), (lit), sizeof(lit) - 1)

/* The same with an interned key (K(name)): its hash is known, and without
 * OPcache the keys of arrays written in PHP code are the same interned
 * strings, so a lookup is mostly a pointer comparison (with OPcache, a
 * comparison of the hash and the bytes: see ss_fields()). */
static zval *ss_getk(HashTable *ht, zend_string *key)
{
	return ss_found(zend_hash_find(ht, key));
}

#define SS_GETK(ht, name) ss_getk((ht), K(name))

static zval *ss_deref(zval *zv)
{
	if (Z_TYPE_P(zv) == IS_INDIRECT) zv = Z_INDIRECT_P(zv);
	ZVAL_DEREF(zv);
	return zv;
}

/* ss_read_str() past its common cases: a string that is not plain ASCII
 * (checked in one pass), or an error, whose message the exact checks give:
 * the type, the length, a NUL, then UTF-8, in that order. */
static zend_never_inline int ss_read_str_slow(const ss_path *p, const char *last, zval *zv, size_t max, ss_sv *out, zend_string **zs)
{
	const char *nul;
	if (Z_TYPE_P(zv) != IS_STRING) {
		ss_type_error(p, last, "string", zv);
		return -1;
	}
	if (Z_STRLEN_P(zv) > max) {
		ss_value_error(p, last, "is %zu bytes long, more than the limit of %zu", Z_STRLEN_P(zv), max);
		return -1;
	}
	if (ss_utf8_text(Z_STRVAL_P(zv), Z_STRLEN_P(zv))) {
		out->p = Z_STRVAL_P(zv);
		out->len = Z_STRLEN_P(zv);
		if (zs) *zs = Z_STR_P(zv);
		return 0;
	}
	/* ss_utf8_text() found a NUL or ill-formed UTF-8: say which, and where. */
	if ((nul = memchr(Z_STRVAL_P(zv), '\0', Z_STRLEN_P(zv)))) {
		ss_value_error(p, last, "contains a NUL byte at byte %zu", (size_t)(nul - Z_STRVAL_P(zv)));
	} else {
		ss_value_error(p, last, "is not valid UTF-8 (byte %zu)", ss_utf8_check(Z_STRVAL_P(zv), Z_STRLEN_P(zv)));
	}
	return -1;
}

/*
 * A string field: NUL-free, well-formed UTF-8, at most max bytes. NULL counts
 * as "". Inline for its common cases (absent, or NUL-free ASCII: every field
 * of every participant goes through here); the rest in ss_read_str_slow().
 */
static zend_always_inline int ss_read_str(const ss_path *p, const char *last, zval *zv, size_t max, ss_sv *out, zend_string **zs)
{
	if (zs) *zs = NULL;
	if (!zv || Z_TYPE_P(zv) == IS_NULL) {
		out->p = "";
		out->len = 0;
		return 0;
	}
	if (EXPECTED(Z_TYPE_P(zv) == IS_STRING && Z_STRLEN_P(zv) <= max
			&& ss_plain_ascii(Z_STRVAL_P(zv), Z_STRLEN_P(zv)))) {
		out->p = Z_STRVAL_P(zv);
		out->len = Z_STRLEN_P(zv);
		if (zs) *zs = Z_STR_P(zv);
		return 0;
	}
	return ss_read_str_slow(p, last, zv, max, out, zs);
}

/*
 * An address field, and its match key when it is the usual kind: an address
 * ss_session_mkey_plain() takes is plain ASCII, so the NUL and UTF-8 checks
 * of ss_read_str() would only read it again. 1: *k made; 0: read by
 * ss_read_str() (k untouched); -1: error thrown.
 */
static zend_always_inline int ss_read_email(ss_session_in *in, const ss_path *p, const char *last, zval *zv, ss_sv *out, zend_string **zs, ss_mkey *k)
{
	if (zv && Z_TYPE_P(zv) == IS_STRING) {
		ss_sv e;
		int r;
		e.p = Z_STRVAL_P(zv);
		e.len = Z_STRLEN_P(zv);
		r = ss_session_mkey_plain(in, e, k);
		if (r > 0) {
			*out = e;
			if (zs) *zs = Z_STR_P(zv);
			return 1;
		}
		if (r < 0) {
			ss_throw_nomem();
			return -1;
		}
	}
	return ss_read_str(p, last, zv, SS_MAX_EMAIL_LEN, out, zs);
}

/* ss_read_int() past an int: a string (Moodle's $DB gives every id, status
 * and time as one), or an error. */
static zend_never_inline int ss_read_int_slow(const ss_path *p, const char *last, zval *zv, int64_t *out)
{
	if (Z_TYPE_P(zv) == IS_STRING) {
		zend_long l;
		double d;
		const unsigned char *s = (const unsigned char *)Z_STRVAL_P(zv);
		size_t n = Z_STRLEN_P(zv), i;
		/* Digits only, at most 18 (no overflow): the value is_numeric_string()
		 * gives, without its checks for space, sign, exponent and overflow. */
		if (n - 1 < 18) {
			uint64_t v = 0;
			for (i = 0; i < n && (unsigned)(s[i] - '0') < 10u; i++) v = v * 10 + (unsigned)(s[i] - '0');
			if (i == n) {
				*out = (int64_t)v;
				return 0;
			}
		}
		if (is_numeric_string(Z_STRVAL_P(zv), Z_STRLEN_P(zv), &l, &d, 0) == IS_LONG) {
			*out = (int64_t)l;
			return 0;
		}
		{
			/* Quoted: a NUL or a cut UTF-8 character must not end or break the message. */
			smart_str q = {0};
			ss_quote(&q, Z_STRVAL_P(zv), Z_STRLEN_P(zv), 40);
			smart_str_0(&q);
			ss_value_error(p, last, "must be an integer, \"%s\" given", q.s ? ZSTR_VAL(q.s) : "");
			smart_str_free(&q);
		}
		return -1;
	}
	ss_type_error(p, last, "int", zv);
	return -1;
}

/* An integer: int, or a string holding one (Moodle's $DB returns strings).
 * Inline for an int: every fact row has a few. */
static zend_always_inline int ss_read_int(const ss_path *p, const char *last, zval *zv, int64_t *out)
{
	if (EXPECTED(Z_TYPE_P(zv) == IS_LONG)) {
		*out = (int64_t)Z_LVAL_P(zv);
		return 0;
	}
	return ss_read_int_slow(p, last, zv, out);
}

/* ss_read_bool() past an int (which it reads inline). */
static zend_never_inline int ss_read_bool_slow(const ss_path *p, const char *last, zval *zv, int *out)
{
	int64_t v;
	if (Z_TYPE_P(zv) == IS_TRUE || Z_TYPE_P(zv) == IS_FALSE) {
		*out = Z_TYPE_P(zv) == IS_TRUE;
		return 0;
	}
	if (Z_TYPE_P(zv) == IS_NULL) {
		*out = 0;
		return 0;
	}
	if (Z_TYPE_P(zv) == IS_STRING) {
		if (Z_STRLEN_P(zv) == 0) {
			*out = 0;
			return 0;
		}
		if (ss_read_int_slow(p, last, zv, &v) != 0) return -1;
		*out = v != 0;
		return 0;
	}
	ss_type_error(p, last, "bool", zv);
	return -1;
}

/* A flag: bool, null, or an integer (0 or not, as Moodle stores them), or a
 * string holding one. Inline for an int: every account row has two. */
static zend_always_inline int ss_read_bool(const ss_path *p, const char *last, zval *zv, int *out)
{
	if (EXPECTED(Z_TYPE_P(zv) == IS_LONG)) {
		*out = Z_LVAL_P(zv) != 0;
		return 0;
	}
	return ss_read_bool_slow(p, last, zv, out);
}

static int ss_read_id(const ss_path *p, const char *last, zval *zv, int64_t *out)
{
	if (ss_read_int(p, last, zv, out) != 0) return -1;
	if (*out <= 0) {
		ss_value_error(p, last, "must be a positive id, %lld given", (long long)*out);
		return -1;
	}
	return 0;
}

/* ---- the binding's view of the call ---- */

typedef struct ss_bind_part {
	zend_string *role, *typed, *email, *first, *last, *city, *inst, *phone;
	zend_ulong typed_idx;
} ss_bind_part;

#define SS_BP(b, i) (&(b)->bp[i])

typedef struct ss_bind {
	ss_session_in in;
	ss_bind_part *bp;         /* one per participant */
	size_t nalloc;            /* participants b->in.parts and bp have room for */
	zval params;              /* decoded handler parameters */
	int64_t catalogitemid, billitemid, customerid;
	int has_catalogitemid, has_billitemid, has_customerid;
	int64_t *introles;        /* all enrolment role ids, one block */
	zend_string **refs;       /* "p1", "p2"... made on demand */
	zend_string *idnumber;    /* $order['transactionid'] trimmed, as the group's idnumber (a reference of its own) */
	zend_string **user_names; /* $facts['users'][i]['username'] (NULL when null) */
	ss_field_guess pguess;    /* the participants' rows' key order (see ss_fields) */
} ss_bind;

static void ss_bind_free(ss_bind *b)
{
	size_t i;
	if (b->refs) {
		for (i = 0; i < b->in.nparts; i++) {
			if (b->refs[i]) zend_string_release(b->refs[i]);
		}
		ss_free(b->refs);
	}
	ss_flat_free(b->bp, b->nalloc, sizeof(ss_bind_part));
	ss_flat_free(b->in.parts, b->nalloc, sizeof(ss_session_participant));
	ss_arena_free(&b->in.keys);
	if (b->idnumber) zend_string_release(b->idnumber);
	ss_free(b->in.roles);
	ss_free(b->in.users);
	ss_free(b->user_names);
	ss_free(b->in.usernames);
	ss_free(b->in.privileged);
	ss_free(b->in.enrolments);
	ss_free(b->in.members);
	ss_free(b->in.ras);
	ss_free(b->in.products);
	ss_free(b->introles);
	zval_ptr_dtor(&b->params);
}

static int ss_session_params_cb(void *ctx, const ss_params_pair *pair)
{
	zval v;
	ZVAL_STRINGL(&v, pair->value, pair->value_len);
	zend_symtable_str_update((HashTable *)ctx, pair->key, pair->key_len, &v);
	return 0;
}

static int ss_read_params(ss_bind *b, zval *hp, ss_path *path)
{
	zend_string *key;
	zend_ulong idx;
	zval *val;

	array_init(&b->params);
	if (!hp || Z_TYPE_P(hp) == IS_NULL) {
		return 0;
	}
	if (Z_TYPE_P(hp) == IS_STRING) {
		ss_params_error err;
		if (ss_params_parse(Z_STRVAL_P(hp), Z_STRLEN_P(hp), ss_session_params_cb, Z_ARRVAL(b->params), &err) != SS_PARAMS_OK) {
			smart_str q = {0};
			ss_quote(&q, err.key, err.key_len, 64);
			smart_str_0(&q);
			ss_value_error(path, "handlerparams", "is malformed: %s at byte %zu%s%s%s",
				ss_params_status_message(err.status), err.offset,
				err.status == SS_PARAMS_E_TOO_LONG ? "" : (err.in_value ? " in the value of key \"" : " in key \""),
				err.status == SS_PARAMS_E_TOO_LONG ? "" : (q.s ? ZSTR_VAL(q.s) : ""),
				err.status == SS_PARAMS_E_TOO_LONG ? "" : "\"");
			smart_str_free(&q);
			return -1;
		}
	} else {
		HashTable *ht = ss_table(hp);
		if (!ht) {
			ss_type_error(path, "handlerparams", "string|array", hp);
			return -1;
		}
		SS_PUSH(path, "handlerparams");
		ZEND_HASH_FOREACH_KEY_VAL(ht, idx, key, val) {
			zval copy;
			val = ss_deref(val);
			if (Z_TYPE_P(val) == IS_LONG) {
				ZVAL_STR(&copy, zend_long_to_str(Z_LVAL_P(val)));
			} else if (Z_TYPE_P(val) == IS_STRING) {
				ss_sv sv;
				ss_path_push_key(path, key, idx);
				if (ss_read_str(path, NULL, val, SS_MAX_PARAMS_LEN, &sv, NULL) != 0) return -1;
				SS_POP(path);
				ZVAL_COPY(&copy, val);
			} else {
				ss_path_push_key(path, key, idx);
				ss_type_error(path, NULL, "string", val);
				return -1;
			}
			if (key) zend_hash_update(Z_ARRVAL(b->params), key, &copy);
			else zend_hash_index_update(Z_ARRVAL(b->params), idx, &copy);
		} ZEND_HASH_FOREACH_END();
		SS_POP(path);
	}
	/* The parameters the planner reads, as views into the decoded array. */
	{
		int i;
		for (i = 0; i < SS_P_COUNT; i++) {
			const char *nm = ss_session_param_name((ss_session_param)i);
			zval *v = zend_hash_str_find(Z_ARRVAL(b->params), nm, strlen(nm));
			if (v && Z_TYPE_P(v) == IS_STRING) {
				b->in.params[i].p = Z_STRVAL_P(v);
				b->in.params[i].len = Z_STRLEN_P(v);
				b->in.has_param[i] = 1;
			}
		}
	}
	return 0;
}

static void ss_participant_fields(HashTable *ht, zval *f[6], ss_field_guess *g)
{
	zend_string *const names[6] = {K(email), K(firstname), K(lastname), K(city), K(institution), K(phone2)};
	ss_fields(ht, names, 6, f, g);
}

static int ss_read_participant(ss_bind *b, size_t i, zend_string *role, zend_string *typed, zend_ulong tidx, zval *pz, ss_path *path)
{
	ss_session_participant *p = SS_IN_PART(&b->in, i);
	ss_bind_part *bp = SS_BP(b, i);
	HashTable *ht = ss_table(pz);
	zend_string *dummy;
	ss_sv pass_on[3];   /* city, institution, phone2: checked here, kept as bp's strings */
	zval *f[6];
	int keyed;

	if (!ht) {
		ss_type_error(path, NULL, "array|object", pz);
		return -1;
	}
	bp->role = role;
	bp->typed = typed;
	bp->typed_idx = tidx;
	p->role.p = ZSTR_VAL(role);
	p->role.len = ZSTR_LEN(role);
	ss_participant_fields(ht, f, &b->pguess);
	if ((keyed = ss_read_email(&b->in, path, "email", f[0], &p->email, &bp->email, &p->mkey)) < 0
		|| ss_read_str(path, "firstname", f[1], SS_MAX_FIELD_LEN, &p->firstname, &bp->first) != 0
		|| ss_read_str(path, "lastname", f[2], SS_MAX_FIELD_LEN, &p->lastname, &bp->last) != 0
		|| ss_read_str(path, "city", f[3], SS_MAX_FIELD_LEN, &pass_on[0], &bp->city) != 0
		|| ss_read_str(path, "institution", f[4], SS_MAX_FIELD_LEN, &pass_on[1], &bp->inst) != 0
		|| ss_read_str(path, "phone2", f[5], SS_MAX_FIELD_LEN, &pass_on[2], &bp->phone) != 0) {
		return -1;
	}
	/* Longer than their columns: an error if the plan creates the account. */
	p->over = (unsigned char)((ss_sv_over(pass_on[0], SS_USER_CITY_CHARS) ? SS_OVER_CITY : 0)
		| (ss_sv_over(pass_on[1], SS_USER_INSTITUTION_CHARS) ? SS_OVER_INSTITUTION : 0)
		| (ss_sv_over(pass_on[2], SS_USER_PHONE_CHARS) ? SS_OVER_PHONE2 : 0));
	if (typed && typed == bp->email) {
		p->typed = p->email;   /* the key is the 'email' field's own string: checked above */
	} else if (typed) {
		zval tz;
		ZVAL_STR(&tz, typed);
		if (ss_read_str(path, NULL, &tz, SS_MAX_EMAIL_LEN, &p->typed, &dummy) != 0) {
			return -1;
		}
	} else {
		/* An integer key cannot be an address: the 'email' field stands for it. */
		p->typed = p->email;
		bp->typed = bp->email;
	}
	ss_session_names(p);   /* the names are in cache now */
	/* The match key now, while the address is in cache (see ss_mkey), unless
	 * ss_read_email() made it. */
	if (!keyed && ss_session_mkey(&b->in, p->email.len ? p->email : p->typed, &p->mkey) != 0) {
		ss_throw_nomem();
		return -1;
	}
	return 0;
}

/*
 * slot is a value of ht (as ZEND_HASH_FOREACH gives it). In a big order every
 * participant's or fact row's array is two cache misses away (its header,
 * then its buckets): the array SS_ROW_FAR slots ahead gets its header
 * prefetched, the one SS_ROW_NEAR ahead its first buckets, so that the loop
 * rarely waits. In a list of strings, the string SS_ROW_NEAR ahead.
 */
#define SS_ROW_STR 4
#define SS_ROW_NEAR 8
#define SS_ROW_FAR 16
static zend_always_inline void ss_prefetch_rows(const HashTable *ht, const zval *slot)
{
#if defined(__GNUC__) || defined(__clang__)
	const zval *far, *near, *str;
# if PHP_VERSION_ID >= 80200
	if (HT_IS_PACKED(ht)) {
		const zval *end = ht->arPacked + ht->nNumUsed;
		far = slot + SS_ROW_FAR < end ? slot + SS_ROW_FAR : NULL;
		near = slot + SS_ROW_NEAR < end ? slot + SS_ROW_NEAR : NULL;
		str = slot + SS_ROW_STR < end ? slot + SS_ROW_STR : NULL;
	} else
# endif
	{
		const Bucket *bk = (const Bucket *)slot, *end = ht->arData + ht->nNumUsed;
		far = bk + SS_ROW_FAR < end ? &bk[SS_ROW_FAR].val : NULL;
		near = bk + SS_ROW_NEAR < end ? &bk[SS_ROW_NEAR].val : NULL;
		str = bk + SS_ROW_STR < end ? &bk[SS_ROW_STR].val : NULL;
	}
	if (str && Z_TYPE_P(str) == IS_ARRAY && !HT_IS_PACKED(Z_ARR_P(str))) {
		/* The strings of the row SS_ROW_STR ahead (its buckets came in at
		 * SS_ROW_NEAR): each is an allocation of its own, a miss apiece. */
		const HashTable *row = Z_ARR_P(str);
		uint32_t k, used = row->nNumUsed < 6 ? row->nNumUsed : 6;
		for (k = 0; k < used; k++) {
			const zval *v = &row->arData[k].val;
			if (Z_TYPE_P(v) == IS_STRING) __builtin_prefetch(Z_STR_P(v));
		}
	}
	if (far && Z_TYPE_P(far) == IS_ARRAY) __builtin_prefetch(Z_ARR_P(far));
	if (near && Z_TYPE_P(near) == IS_ARRAY) {
		const char *data = (const char *)Z_ARR_P(near)->arData;
		__builtin_prefetch(data);
		__builtin_prefetch(data + 64);
		__builtin_prefetch(data + 128);
	} else if (near && Z_TYPE_P(near) == IS_STRING) {
		__builtin_prefetch(Z_STR_P(near));   /* a list of strings: header and first bytes */
	}
#else
	(void)ht;
	(void)slot;
#endif
}

/*
 * $order['referencescope']: what tells apart the product references of the
 * items of one bill, which share its transaction id (local_shop's participants
 * are picked per product, so one person may hold a seat in two sessions of one
 * bill). Absent, null or "": none, and references are as they always were. It
 * goes into local_shop_product.reference as it is: at most 32 ASCII letters,
 * digits or underscores.
 */
#define SS_REFSCOPE_MAX 32

static int ss_read_refscope(const ss_path *path, zval *zv, ss_sv *out)
{
	size_t i;
	if (ss_read_str(path, "referencescope", zv, SS_REFSCOPE_MAX, out, NULL) != 0) return -1;
	for (i = 0; i < out->len; i++) {
		unsigned char ch = (unsigned char)out->p[i];
		if (!((ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch == '_')) {
			ss_value_error(path, "referencescope", "may hold only ASCII letters, digits and underscores (byte %zu)", i);
			return -1;
		}
	}
	return 0;
}

static int ss_read_order(ss_bind *b, HashTable *order)
{
	ss_path path = {"$order", 0, {{0}}};
	zval *zv, *rz, *pz;
	HashTable *users, *roleht;
	zend_string *rkey, *ekey, *txid;
	zend_ulong ridx, eidx;
	size_t total = 0, i = 0;

	zv = SS_GETK(order, transactionid);
	if (!zv) {
		ss_type_error(&path, "transactionid", "string", NULL);
		return -1;
	}
	if (ss_read_str(&path, "transactionid", zv, 100, &b->in.transactionid, &txid) != 0) return -1;
	if (b->in.transactionid.len == 0) {
		ss_value_error(&path, "transactionid", "must not be empty");
		return -1;
	}
	/* The transaction id as Moodle stores it in the group's idnumber:
	 * groups_create_group() applies PHP's trim(), and so does this (php_trim(),
	 * the same characters; the id itself when there is nothing to trim). The
	 * plan uses that id throughout (idnumber, default group name, product
	 * references), so a re-run finds what the last one wrote; a blank one (no
	 * idnumber: a new group at every run) is refused. */
	b->idnumber = php_trim(txid, NULL, 0, 3);
	if (ZSTR_LEN(b->idnumber) == 0) {
		ss_value_error(&path, "transactionid", "must not be blank (it becomes the group's idnumber, which Moodle trims)");
		return -1;
	}
	b->in.transactionid.p = ZSTR_VAL(b->idnumber);
	b->in.transactionid.len = ZSTR_LEN(b->idnumber);
	zv = SS_GETK(order, quantity);
	if (!zv) {
		ss_type_error(&path, "quantity", "int", NULL);
		return -1;
	}
	if (ss_read_int(&path, "quantity", zv, &b->in.quantity) != 0) return -1;
	if (b->in.quantity < 0 || b->in.quantity > (int64_t)SS_MAX_PARTICIPANTS) {
		ss_value_error(&path, "quantity", "must be between 0 and %zu, %lld given", SS_MAX_PARTICIPANTS, (long long)b->in.quantity);
		return -1;
	}
	zv = SS_GETK(order, operator);
	if (!zv) {
		ss_type_error(&path, "operator", "int|array|object", NULL);
		return -1;
	}
	if (Z_TYPE_P(zv) == IS_ARRAY || Z_TYPE_P(zv) == IS_OBJECT) {
		HashTable *oh = ss_table(zv);
		zval *idz = SS_GETK(oh, id);
		SS_PUSH(&path, "operator");
		if (!idz) {
			ss_type_error(&path, "id", "int", NULL);
			return -1;
		}
		if (ss_read_id(&path, "id", idz, &b->in.operatorid) != 0) return -1;
		SS_POP(&path);
	} else if (ss_read_id(&path, "operator", zv, &b->in.operatorid) != 0) {
		return -1;
	}
	b->in.now = (int64_t)time(NULL);
	if ((zv = SS_GETK(order, now)) && Z_TYPE_P(zv) != IS_NULL && ss_read_int(&path, "now", zv, &b->in.now) != 0) return -1;
	if ((zv = SS_GETK(order, renewable)) && ss_read_bool(&path, "renewable", zv, &b->in.renewable) != 0) return -1;
#define SS_OPT_INT(name) \
	if ((zv = SS_GET(order, #name)) && Z_TYPE_P(zv) != IS_NULL) { \
		if (ss_read_int(&path, #name, zv, &b->name) != 0) return -1; \
		b->has_##name = 1; \
	}
	SS_OPT_INT(catalogitemid)
	SS_OPT_INT(billitemid)
	SS_OPT_INT(customerid)
	if (ss_read_refscope(&path, SS_GET(order, "referencescope"), &b->in.refscope) != 0) return -1;
	if (ss_read_params(b, SS_GETK(order, handlerparams), &path) != 0) return -1;

	zv = SS_GETK(order, users);
	if (!zv || Z_TYPE_P(zv) == IS_NULL) {
		return 0;
	}
	users = ss_table(zv);
	if (!users) {
		ss_type_error(&path, "users", "array|object", zv);
		return -1;
	}
	SS_PUSH(&path, "users");
	/* Count first: one allocation, and the participant limit before any work. */
	ZEND_HASH_FOREACH_KEY_VAL(users, ridx, rkey, rz) {
		rz = ss_deref(rz);
		roleht = ss_table(rz);
		ss_path_push_key(&path, rkey, ridx);
		if (!rkey) {
			ss_value_error(&path, NULL, "is not a role: role keys are shortnames such as student, _supervisor or teacher");
			return -1;
		}
		if (!roleht) {
			ss_type_error(&path, NULL, "array|object", rz);
			return -1;
		}
		SS_POP(&path);
		total += zend_hash_num_elements(roleht);
		if (total > SS_MAX_PARTICIPANTS) {
			ss_value_error(&path, NULL, "holds more than %zu participants", SS_MAX_PARTICIPANTS);
			return -1;
		}
	} ZEND_HASH_FOREACH_END();
	/* One block each: the call's scratch in a big order (see ss_session_estimate()). */
	b->nalloc = total;
	b->in.parts = ss_flat_alloc(total, sizeof(ss_session_participant));
	b->bp = ss_flat_alloc(total, sizeof(ss_bind_part));
	if (!b->in.parts || !b->bp) {
		ss_throw_nomem();
		return -1;
	}
	b->in.nparts = 0;
	ZEND_HASH_FOREACH_KEY_VAL(users, ridx, rkey, rz) {
		rz = ss_deref(rz);
		roleht = ss_table(rz);
		ss_path_push_key(&path, rkey, ridx);
		{
			zval rkz;
			ss_sv dummy;
			ZVAL_STR(&rkz, rkey);
			if (ss_read_str(&path, NULL, &rkz, 100, &dummy, NULL) != 0) return -1;
		}
		ZEND_HASH_FOREACH_KEY_VAL(roleht, eidx, ekey, pz) {
			ss_prefetch_rows(roleht, pz);
			pz = ss_deref(pz);
			ss_path_push_key(&path, ekey, eidx);
			if (i >= total) break; /* the table changed under us: cannot happen */
			if (ss_read_participant(b, i, rkey, ekey, eidx, pz, &path) != 0) return -1;
			SS_POP(&path);
			i++;
			b->in.nparts = i;
		} ZEND_HASH_FOREACH_END();
		SS_POP(&path);
	} ZEND_HASH_FOREACH_END();
	return 0;
}

/* Iterates the values of a list-like fact (array or object), with its path. */
#define SS_FACT_LIST(facts, lit, ht) \
	HashTable *ht = NULL; \
	{ zval *lz_ = SS_GET((facts), lit); \
	  if (lz_ && Z_TYPE_P(lz_) != IS_NULL) { \
		ht = ss_table(lz_); \
		if (!ht) { ss_type_error(&path, lit, "array", lz_); return -1; } \
	  } }

/* Reads a list of strings of $facts (usernames, products) into out[0..*n). */
static int ss_read_str_list(ss_path *path, const char *name, HashTable *ht, ss_sv **out, size_t *n)
{
	zend_string *key;
	zend_ulong idx;
	zval *ez;

	*out = ss_arr(zend_hash_num_elements(ht), sizeof(ss_sv));
	ss_path_push(path, name, strlen(name));
	ZEND_HASH_FOREACH_KEY_VAL(ht, idx, key, ez) {
		ss_prefetch_rows(ht, ez);
		ez = ss_deref(ez);
		ss_path_push_key(path, key, idx);
		if (Z_TYPE_P(ez) != IS_STRING) {
			ss_type_error(path, NULL, "string", ez);
			return -1;
		}
		if (ss_read_str(path, NULL, ez, SS_MAX_FIELD_LEN, &(*out)[*n], NULL) != 0) return -1;
		SS_POP(path);
		(*n)++;
	} ZEND_HASH_FOREACH_END();
	SS_POP(path);
	return 0;
}

static int ss_read_facts(ss_bind *b, HashTable *facts)
{
	ss_path path = {"$facts", 0, {{0}}};
	zval *zv, *ez;
	zend_string *key;
	zend_ulong idx;
	size_t n;
	HashTable *ht;

	b->in.has_facts = 1;
	zv = SS_GETK(facts, course);
	if (zv && Z_TYPE_P(zv) != IS_NULL && !(Z_TYPE_P(zv) == IS_FALSE)) {
		ht = ss_table(zv);
		if (!ht) {
			ss_type_error(&path, "course", "array|object|null", zv);
			return -1;
		}
		SS_PUSH(&path, "course");
		if (!(ez = SS_GETK(ht, id))) {
			ss_type_error(&path, "id", "int", NULL);
			return -1;
		}
		if (ss_read_id(&path, "id", ez, &b->in.course_id) != 0) return -1;
		if ((ez = SS_GETK(ht, startdate)) && Z_TYPE_P(ez) != IS_NULL
			&& ss_read_int(&path, "startdate", ez, &b->in.course_startdate) != 0) return -1;
		SS_POP(&path);
		b->in.has_course = 1;
	}
	zv = SS_GETK(facts, supportcourse);
	if (zv && Z_TYPE_P(zv) != IS_NULL && !(Z_TYPE_P(zv) == IS_FALSE)) {
		ht = ss_table(zv);
		if (!ht) {
			ss_type_error(&path, "supportcourse", "array|object|null", zv);
			return -1;
		}
		SS_PUSH(&path, "supportcourse");
		if (!(ez = SS_GETK(ht, id))) {
			ss_type_error(&path, "id", "int", NULL);
			return -1;
		}
		if (ss_read_id(&path, "id", ez, &b->in.supportcourse_id) != 0) return -1;
		SS_POP(&path);
		b->in.has_supportcourse = 1;
	}
	{
		SS_FACT_LIST(facts, "roles", rht)
		if (rht) {
			n = zend_hash_num_elements(rht);
			b->in.roles = ss_arr(n, sizeof(ss_fact_role));
			SS_PUSH(&path, "roles");
			ZEND_HASH_FOREACH_KEY_VAL(rht, idx, key, ez) {
				ss_fact_role *r = &b->in.roles[b->in.nroles];
				ez = ss_deref(ez);
				if (!key) {
					ss_path_push_key(&path, key, idx);
					ss_value_error(&path, NULL, "is not a role shortname: roles are keyed by shortname");
					return -1;
				}
				r->shortname.p = ZSTR_VAL(key);
				r->shortname.len = ZSTR_LEN(key);
				if (ss_read_id(&path, ZSTR_VAL(key), ez, &r->id) != 0) return -1;
				b->in.nroles++;
			} ZEND_HASH_FOREACH_END();
			SS_POP(&path);
		}
	}
	{
		SS_FACT_LIST(facts, "users", uht)
		if (uht) {
			zend_string *const unames[6] = {K(id), K(email), K(username), K(auth), K(suspended), K(deleted)};
			ss_field_guess guess = {{0}, {0}};
			zval *uf[6];
			n = zend_hash_num_elements(uht);
			/* Not zeroed: a row's fields are all written as it is read. */
			b->in.users = ss_arr(n, sizeof(ss_fact_user));
			b->user_names = ss_arr(n, sizeof(zend_string *));
			SS_PUSH(&path, "users");
			ZEND_HASH_FOREACH_KEY_VAL(uht, idx, key, ez) {
				ss_fact_user *u = &b->in.users[b->in.nusers];
				HashTable *row;
				int keyed;
				ss_prefetch_rows(uht, ez);
				ez = ss_deref(ez);
				ss_path_push_key(&path, key, idx);
				if (!(row = ss_table(ez))) {
					ss_type_error(&path, NULL, "array|object", ez);
					return -1;
				}
				ss_fields(row, unames, 6, uf, &guess);
				if (!uf[0]) {
					ss_type_error(&path, "id", "int", NULL);
					return -1;
				}
				if (ss_read_id(&path, "id", uf[0], &u->id) != 0
					|| (keyed = ss_read_email(&b->in, &path, "email", uf[1], &u->email, NULL, &u->mkey)) < 0
					|| ss_read_str(&path, "username", uf[2], SS_MAX_FIELD_LEN, &u->username, &b->user_names[b->in.nusers]) != 0
					|| ss_read_str(&path, "auth", uf[3], SS_MAX_FIELD_LEN, &u->auth, NULL) != 0) {
					return -1;
				}
				if (!keyed && ss_session_mkey(&b->in, u->email, &u->mkey) != 0) {
					ss_throw_nomem();
					return -1;
				}
				u->suspended = u->deleted = 0;
				if (uf[4] && ss_read_bool(&path, "suspended", uf[4], &u->suspended) != 0) return -1;
				if (uf[5] && ss_read_bool(&path, "deleted", uf[5], &u->deleted) != 0) return -1;
				SS_POP(&path);
				b->in.nusers++;
			} ZEND_HASH_FOREACH_END();
			SS_POP(&path);
		}
	}
	SS_FACT_LIST(facts, "usernames", nht)
	if (nht && ss_read_str_list(&path, "usernames", nht, &b->in.usernames, &b->in.nusernames) != 0) return -1;
	{
		SS_FACT_LIST(facts, "privileged", pht)
		if (pht) {
			n = zend_hash_num_elements(pht);
			b->in.privileged = ss_arr(n, sizeof(int64_t));
			SS_PUSH(&path, "privileged");
			ZEND_HASH_FOREACH_KEY_VAL(pht, idx, key, ez) {
				ez = ss_deref(ez);
				ss_path_push_key(&path, key, idx);
				if (ss_read_int(&path, NULL, ez, &b->in.privileged[b->in.nprivileged]) != 0) return -1;
				SS_POP(&path);
				b->in.nprivileged++;
			} ZEND_HASH_FOREACH_END();
			SS_POP(&path);
		}
	}
	{
		SS_FACT_LIST(facts, "enrolments", eht)
		if (eht) {
			zend_string *const enames[6] = {K(courseid), K(userid), K(status), K(timestart), K(timeend), K(roles)};
			ss_field_guess guess = {{0}, {0}};
			zval *ef[7];
			size_t nroles = 0, k = 0;
			size_t *offs;
			n = zend_hash_num_elements(eht);
			b->in.enrolments = ss_arr(n, sizeof(ss_fact_enrolment));
			offs = ss_arr(n, sizeof(size_t));
			SS_PUSH(&path, "enrolments");
			/* Role ids of every enrolment go to one block, room for one each
			 * (the usual case) and doubled when full. Counting them first was
			 * a pass over cold rows: 1.2% of a 10,000-participant call. */
			nroles = n ? n : 1;
			b->introles = ss_arr(nroles, sizeof(int64_t));
			ZEND_HASH_FOREACH_KEY_VAL(eht, idx, key, ez) {
				ss_fact_enrolment *e = &b->in.enrolments[b->in.nenrolments];
				HashTable *row;
				zval *f;
				int64_t st = 0;
				ss_prefetch_rows(eht, ez);
				ez = ss_deref(ez);
				ss_path_push_key(&path, key, idx);
				if (!(row = ss_table(ez))) {
					ss_type_error(&path, NULL, "array|object", ez);
					ss_free(offs);
					return -1;
				}
				memset(e, 0, sizeof *e);
				/* Six names, as every other caller of ss_fields() passes: the
				 * compiler then specialises it for six (a seventh name here made
				 * it generic for all, +60 us a call at 10,000 participants).
				 * The optional 'enrol' is looked up only in a row that holds a
				 * key none of the six is. */
				ss_fields(row, enames, 6, ef, &guess);
				ef[6] = NULL;
				if (zend_hash_num_elements(row) > (uint32_t)((ef[0] != NULL) + (ef[1] != NULL) + (ef[2] != NULL)
						+ (ef[3] != NULL) + (ef[4] != NULL) + (ef[5] != NULL))) {
					ef[6] = SS_GETK(row, enrol);
				}
				if (!ef[0] || ss_read_id(&path, "courseid", ef[0], &e->courseid) != 0
					|| !ef[1] || ss_read_id(&path, "userid", ef[1], &e->userid) != 0) {
					if (!EG(exception)) ss_type_error(&path, ef[0] ? "userid" : "courseid", "int", NULL);
					ss_free(offs);
					return -1;
				}
				if ((ef[2] && Z_TYPE_P(ef[2]) != IS_NULL && ss_read_int(&path, "status", ef[2], &st) != 0)
					|| (ef[3] && Z_TYPE_P(ef[3]) != IS_NULL && ss_read_int(&path, "timestart", ef[3], &e->timestart) != 0)
					|| (ef[4] && Z_TYPE_P(ef[4]) != IS_NULL && ss_read_int(&path, "timeend", ef[4], &e->timeend) != 0)) {
					ss_free(offs);
					return -1;
				}
				e->status = st != 0;
				if (ef[6] && Z_TYPE_P(ef[6]) != IS_NULL) {
					/* The enrolment plugin's name (enrol.enrol): only "manual" is the row enrol_user() would overwrite. */
					ss_sv m;
					if (ss_read_str(&path, "enrol", ef[6], 100, &m, NULL) != 0) {
						ss_free(offs);
						return -1;
					}
					e->other = !(m.len == 6 && memcmp(m.p, "manual", 6) == 0);
				}
				offs[b->in.nenrolments] = k;
				if ((f = ef[5]) && Z_TYPE_P(f) != IS_NULL) {
					zval *r;
					zend_string *rk;
					zend_ulong ri;
					if (Z_TYPE_P(f) != IS_ARRAY) {
						ss_type_error(&path, "roles", "array", f);
						ss_free(offs);
						return -1;
					}
					SS_PUSH(&path, "roles");
					ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(f), ri, rk, r) {
						r = ss_deref(r);
						ss_path_push_key(&path, rk, ri);
						if (k == nroles) {
							nroles *= 2;
							b->introles = ss_realloc(b->introles, zend_safe_address_guarded(nroles, sizeof(int64_t), 0));
						}
						if (ss_read_int(&path, NULL, r, &b->introles[k]) != 0) {
							ss_free(offs);
							return -1;
						}
						SS_POP(&path);
						k++;
					} ZEND_HASH_FOREACH_END();
					SS_POP(&path);
				}
				e->nroles = k - offs[b->in.nenrolments];
				SS_POP(&path);
				b->in.nenrolments++;
			} ZEND_HASH_FOREACH_END();
			for (n = 0; n < b->in.nenrolments; n++) {
				b->in.enrolments[n].roles = b->introles + offs[n];
			}
			ss_free(offs);
			SS_POP(&path);
		}
	}
	zv = SS_GETK(facts, group);
	if (zv && Z_TYPE_P(zv) != IS_NULL && Z_TYPE_P(zv) != IS_FALSE) {
		zval *mz;
		ht = ss_table(zv);
		if (!ht) {
			ss_type_error(&path, "group", "array|object|null", zv);
			return -1;
		}
		SS_PUSH(&path, "group");
		if (!(ez = SS_GETK(ht, id))) {
			ss_type_error(&path, "id", "int", NULL);
			return -1;
		}
		if (ss_read_id(&path, "id", ez, &b->in.group_id) != 0) return -1;
		b->in.has_group = 1;
		mz = SS_GETK(ht, members);
		if (mz && Z_TYPE_P(mz) != IS_NULL) {
			HashTable *mht = ss_table(mz);
			if (!mht) {
				ss_type_error(&path, "members", "array", mz);
				return -1;
			}
			n = zend_hash_num_elements(mht);
			b->in.members = ss_arr(n, sizeof(int64_t));
			SS_PUSH(&path, "members");
			ZEND_HASH_FOREACH_KEY_VAL(mht, idx, key, ez) {
				ez = ss_deref(ez);
				ss_path_push_key(&path, key, idx);
				if (ss_read_int(&path, NULL, ez, &b->in.members[b->in.nmembers]) != 0) return -1;
				SS_POP(&path);
				b->in.nmembers++;
			} ZEND_HASH_FOREACH_END();
			SS_POP(&path);
		}
		SS_POP(&path);
	}
	{
		SS_FACT_LIST(facts, "roleassignments", aht)
		if (aht) {
			n = zend_hash_num_elements(aht);
			b->in.ras = ss_arr(n, sizeof(ss_fact_ra));
			SS_PUSH(&path, "roleassignments");
			ZEND_HASH_FOREACH_KEY_VAL(aht, idx, key, ez) {
				ss_fact_ra *ra = &b->in.ras[b->in.nras];
				HashTable *row;
				zval *f;
				ss_prefetch_rows(aht, ez);
				ez = ss_deref(ez);
				ss_path_push_key(&path, key, idx);
				if (!(row = ss_table(ez))) {
					ss_type_error(&path, NULL, "array|object", ez);
					return -1;
				}
#define SS_RA_FIELD(nm) \
				if (!(f = SS_GETK(row, nm))) { ss_type_error(&path, #nm, "int", NULL); return -1; } \
				if (ss_read_int(&path, #nm, f, &ra->nm) != 0) return -1;
				SS_RA_FIELD(roleid)
				SS_RA_FIELD(userid)
				SS_RA_FIELD(contextuserid)
				SS_POP(&path);
				b->in.nras++;
			} ZEND_HASH_FOREACH_END();
			SS_POP(&path);
		}
	}
	SS_FACT_LIST(facts, "products", prht)
	if (prht && ss_read_str_list(&path, "products", prht, &b->in.products, &b->in.nproducts) != 0) return -1;
	return 0;
}

/* ---- building the result ---- */

static zend_always_inline void ss_put(HashTable *ht, zend_string *key, zval *v)
{
	_zend_hash_append(ht, key, v);
}

static zend_always_inline void ss_put_long(HashTable *ht, zend_string *key, int64_t v)
{
	zval z;
	ZVAL_LONG(&z, (zend_long)v);
	_zend_hash_append(ht, key, &z);
}

static zend_always_inline void ss_put_id(HashTable *ht, zend_string *key, int64_t v)
{
	zval z;
	if (v) ZVAL_LONG(&z, (zend_long)v);
	else ZVAL_NULL(&z);
	_zend_hash_append(ht, key, &z);
}

static zend_always_inline void ss_put_sv(HashTable *ht, zend_string *key, ss_sv s)
{
	zval z;
	if (s.len == 0) ZVAL_EMPTY_STRING(&z);
	else ZVAL_STRINGL_FAST(&z, s.p, s.len);
	_zend_hash_append(ht, key, &z);
}

static zend_always_inline void ss_put_zs(HashTable *ht, zend_string *key, zend_string *s)
{
	zval z;
	if (s) ZVAL_STR_COPY(&z, s);
	else ZVAL_EMPTY_STRING(&z);
	_zend_hash_append(ht, key, &z);
}

static zend_always_inline void ss_put_interned(HashTable *ht, zend_string *key, zend_string *s)
{
	zval z;
	ZVAL_INTERNED_STR(&z, s);
	_zend_hash_append(ht, key, &z);
}

static HashTable *ss_new_map(uint32_t n)
{
	HashTable *ht = zend_new_array(n);
	zend_hash_real_init_mixed(ht);
	return ht;
}

static zend_string *ss_ref(ss_bind *b, int64_t ref)
{
	if (ref == SS_REF_OPERATOR) return K(operator);
	if (!b->refs) {
		/* Made on the first need: the columns format names no participant in its rows. */
		b->refs = ss_arr_zero(b->in.nparts, sizeof(zend_string *));
	}
	if (!b->refs[ref]) {
		char buf[32];
		int n = snprintf(buf, sizeof buf, "p%lld", (long long)ref + 1);
		b->refs[ref] = zend_string_init(buf, (size_t)n, 0);
	}
	return b->refs[ref];
}

static void ss_put_ref(ss_bind *b, HashTable *ht, zend_string *key, int64_t ref)
{
	zval z;
	if (ref == SS_REF_NONE) {
		ZVAL_NULL(&z);
	} else {
		zend_string *s = ss_ref(b, ref);
		ZVAL_STR_COPY(&z, s);
	}
	_zend_hash_append(ht, key, &z);
}

static void ss_build_issues(ss_bind *b, const ss_session_out *o, zval *errors, zval *warnings)
{
	size_t i;
	array_init(errors);
	array_init(warnings);
	for (i = 0; i < o->nissues; i++) {
		const ss_issue *is = &o->issues[i];
		HashTable *ht = ss_new_map(8);
		zval z;
		ss_put_interned(ht, K(level), is->level == SS_ISSUE_ERROR ? K(error) : K(warning));
		ZVAL_STRING(&z, is->code);
		ss_put(ht, K(code), &z);
		ss_put_sv(ht, K(message), is->message);
		if (is->part >= 0) {
			const ss_bind_part *bp = SS_BP(b, is->part);
			ss_put_ref(b, ht, K(ref), is->part);
			ss_put_zs(ht, K(role), bp->role);
			ss_put_zs(ht, K(email), bp->typed);
			if (is->other >= 0) ss_put_ref(b, ht, K(other), is->other);
		}
		if (is->field) {
			ZVAL_STRING(&z, is->field);
			ss_put(ht, K(field), &z);
		}
		ZVAL_ARR(&z, ht);
		zend_hash_next_index_insert_new(Z_ARRVAL_P(is->level == SS_ISSUE_ERROR ? errors : warnings), &z);
	}
}

/* 'params': the decoded handler parameters plus the defaults the planner applied. */
static void ss_build_params(ss_bind *b, const ss_session_out *o, zval *out)
{
	int i;
	ZVAL_ARR(out, zend_array_dup(Z_ARRVAL(b->params)));
	for (i = 0; i < SS_P_COUNT; i++) {
		const char *nm = ss_session_param_name((ss_session_param)i);
		if (!zend_hash_str_exists(Z_ARRVAL_P(out), nm, strlen(nm))) {
			zval z;
			if (o->params[i].len) ZVAL_STRINGL(&z, o->params[i].p, o->params[i].len);
			else ZVAL_EMPTY_STRING(&z);
			zend_hash_str_add_new(Z_ARRVAL_P(out), nm, strlen(nm), &z);
		}
	}
}

/*
 * A packed list for n values. Past ZEND_MM_MAX_LARGE_SIZE (from ~65,000
 * values: Zend rounds the table up to a power of two) it is a mapping of its
 * own, 2 MiB-aligned and fresh at every call, that the loops filling it fault
 * in page by page (~12 us per 4 KiB page on a virtual machine: 390 faults per
 * list at 100,000 values). Transparent huge pages make that one fault per
 * 2 MiB; but Zend's init has already written the first page, so the first
 * 2 MiB are collapsed into a huge page now (MADV_COLLAPSE, Linux 6.1; it keeps
 * the contents, and older kernels refuse it harmlessly). 100,000 participants
 * in columns: 103 ms a call before, 73 ms after. MADV_COLLAPSE ignores the
 * system's THP setting: where the administrator chose "never", neither is
 * asked for. Smaller lists live in Zend's chunks, whose pages stay in from
 * one call to the next.
 */
#if defined(__linux__) && defined(MADV_HUGEPAGE) && !defined(MADV_COLLAPSE)
# define MADV_COLLAPSE 25
#endif
static HashTable *ss_new_list(size_t n)
{
	HashTable *ht = zend_new_array((uint32_t)n);
	zend_hash_real_init_packed(ht);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	{
# if PHP_VERSION_ID >= 80200
		size_t size = HT_PACKED_SIZE(ht);
# else
		size_t size = HT_SIZE(ht);
# endif
		uintptr_t a = (uintptr_t)HT_GET_DATA_ADDR(ht);
		if (!ss_thp_never && size > ZEND_MM_MAX_LARGE_SIZE && is_zend_mm() && (a & (ZEND_MM_CHUNK_SIZE - 1)) == 0) {
			madvise((void *)a, size & ~(uintptr_t)4095, MADV_HUGEPAGE);
			madvise((void *)a, ZEND_MM_CHUNK_SIZE, MADV_COLLAPSE);
		}
	}
#endif
	return ht;
}

static void ss_sv_list(zval *out, const ss_sv *list, size_t n)
{
	size_t i;
	ZVAL_ARR(out, ss_new_list(n));
	for (i = 0; i < n; i++) {
		zval z;
		ZVAL_STRINGL_FAST(&z, list[i].p, list[i].len);
		zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &z);
	}
}

/* A participant's match key; one that is the address as given (already
 * normal: the usual case) shares its string. */
static void ss_matchkey(const ss_bind *b, const ss_session_out *o, size_t i, zval *z)
{
	const ss_part_out *po = SS_OUT_PART(o, i);
	const ss_bind_part *bp = SS_BP(b, i);
	if (bp->email && po->matchkey.p == ZSTR_VAL(bp->email) && po->matchkey.len == ZSTR_LEN(bp->email)) {
		ZVAL_STR_COPY(z, bp->email);
	} else if (bp->typed && po->matchkey.p == ZSTR_VAL(bp->typed) && po->matchkey.len == ZSTR_LEN(bp->typed)) {
		ZVAL_STR_COPY(z, bp->typed);
	} else {
		ZVAL_STRINGL_FAST(z, po->matchkey.p, po->matchkey.len);
	}
}

static void ss_build_lookup(ss_bind *b, const ss_session_out *o, zval *rv)
{
	HashTable *ht = ss_new_map(8), *lk;
	zval z, e, w;
	ss_sv cs = o->params[SS_P_CUSTOMERSUPPORT];

	array_init(rv);
	ss_build_issues(b, o, &e, &w);
	ZVAL_INTERNED_STR(&z, K(lookup));
	zend_hash_update(Z_ARRVAL_P(rv), K(phase), &z);
	ZVAL_BOOL(&z, o->ok);
	zend_hash_update(Z_ARRVAL_P(rv), K(ok), &z);
	zend_hash_update(Z_ARRVAL_P(rv), K(errors), &e);
	zend_hash_update(Z_ARRVAL_P(rv), K(warnings), &w);
	ss_build_params(b, o, &z);
	zend_hash_update(Z_ARRVAL_P(rv), K(params), &z);

	lk = ht;
	{
		HashTable *list = ss_new_list(o->nemails);
		size_t k;
		for (k = 0; k < o->nemails; k++) {
			ss_matchkey(b, o, o->email_parts[k], &z);
			zend_hash_next_index_insert_new(list, &z);
		}
		ZVAL_ARR(&z, list);
		ss_put(lk, K(emails), &z);
	}
	ss_sv_list(&z, o->usernames, o->nusernames);
	ss_put(lk, K(usernames), &z);
	ss_put_sv(lk, K(course), o->params[SS_P_COURSENAME]);
	if (cs.len == 0) {
		ZVAL_NULL(&z);
	} else {
		zend_long l;
		double d;
		if (is_numeric_string(cs.p, cs.len, &l, &d, 0) == IS_LONG && l > 0) ZVAL_LONG(&z, l);
		else ZVAL_STRINGL(&z, cs.p, cs.len);
	}
	ss_put(lk, K(supportcourse), &z);
	ss_sv_list(&z, o->roles, o->nlookuproles);
	ss_put(lk, K(roles), &z);
	ss_sv_list(&z, &o->optional_role, o->optional_role.len ? 1 : 0);
	ss_put(lk, K(optionalroles), &z);
	ss_put_zs(lk, K(groupidnumber), b->idnumber);
	ss_put_long(lk, K(operatorid), b->in.operatorid);
	ZVAL_ARR(&z, lk);
	zend_hash_update(Z_ARRVAL_P(rv), K(lookups), &z);
}

static ss_sv ss_sv_of(const ss_buf *b)
{
	ss_sv v;
	v.p = b->len ? b->p : "";
	v.len = b->len;
	return v;
}

typedef struct ss_shared_str {
	zend_string *username, *reference;
} ss_shared_str;

/*
 * Participant i's address as create_user stores it: trimmed as its match key
 * was (Unicode white space, the BOM), so that Moodle stores the address the
 * next lookup will find, not "\xEF\xBB\xBFjean@x.fr". The input's own string
 * when nothing is trimmed.
 */
static void ss_stored_email(const ss_bind *b, size_t i, zval *out)
{
	const ss_session_participant *pi = SS_IN_PART(&b->in, i);
	const ss_bind_part *bp = SS_BP(b, i);
	ss_sv email = pi->email.len ? pi->email : pi->typed;
	size_t st = 0, tl = email.len;
	/* A match key that is the whole address itself: nothing was trimmed. */
	if (!(pi->mkey.ready && pi->mkey.key.p == email.p && pi->mkey.key.len == email.len)) {
		ss_email_trim(email.p, email.len, &st, &tl);
	}
	if (st == 0 && tl == email.len) {
		zend_string *same = pi->email.len ? bp->email : bp->typed;
		if (same) ZVAL_STR_COPY(out, same);
		else ZVAL_EMPTY_STRING(out);
	} else if (tl) {
		ZVAL_STRINGL_FAST(out, email.p + st, tl);
	} else {
		ZVAL_EMPTY_STRING(out);
	}
}

/* A participant's username (NULL when it has none): the account's own string when reused. */
static zend_string *ss_username_str(const ss_bind *b, const ss_part_out *po)
{
	if (po->user && po->user <= b->in.nusers && b->user_names[po->user - 1]
			&& ZSTR_VAL(b->user_names[po->user - 1]) == po->username.p) {
		return zend_string_copy(b->user_names[po->user - 1]);
	}
	return po->username.len ? zend_string_init(po->username.p, po->username.len, 0) : NULL;
}

/* Participant i's product reference (NULL when its address is invalid), written in place. */
static zend_string *ss_reference_str(const ss_bind *b, const ss_session_out *o, size_t i)
{
	zend_string *s;
	if (!SS_OUT_PART(o, i)->matchkey.len) return NULL;
	s = zend_string_alloc(SS_REFERENCE_LEN(&b->in), 0);
	ss_session_reference_to(&b->in, o, i, ZSTR_VAL(s));
	ZSTR_VAL(s)[ZSTR_LEN(s)] = '\0';
	return s;
}

/* The i-th operation as a row (see docs/session-contract.md). */
static void ss_build_op_row(ss_bind *b, const ss_session_out *o, size_t i, ss_shared_str *shared, ss_buf *bufp, zval *out)
{
	zval z;
	ss_op opx, *op = &opx;
	HashTable *p;
	ss_session_op(o, i, op);
	p = ss_new_map(op->kind == SS_OP_CREATE_PRODUCT ? 10 : 8);
	ss_put_interned(p, K(op), ss_opnames[op->kind]);
	/* The participant an operation is for ("operator", null for the group's). */
	ss_put_ref(b, p, K(ref), op->ref);
	switch (op->kind) {
	case SS_OP_CREATE_USER: {
		const ss_bind_part *bp = SS_BP(b, op->ref);
		HashTable *u = ss_new_map(8);
		if (shared && shared[op->ref].username) {
			ZVAL_STR(&z, shared[op->ref].username);   /* hands over the reference taken above */
			shared[op->ref].username = NULL;
			ss_put(u, K(username), &z);
		} else {
			ss_put_sv(u, K(username), SS_OUT_PART(o, op->ref)->username);
		}
		ss_put_zs(u, K(firstname), bp->first);
		ss_put_zs(u, K(lastname), bp->last);
		ss_stored_email(b, (size_t)op->ref, &z);
		ss_put(u, K(email), &z);
		ss_put_zs(u, K(city), bp->city);
		ss_put_zs(u, K(institution), bp->inst);
		ss_put_zs(u, K(phone2), bp->phone);
		ss_put_interned(u, K(auth), K(manual));
		ZVAL_ARR(&z, u);
		ss_put(p, K(user), &z);
		break;
	}
	case SS_OP_CREATE_GROUP:
		ss_put_long(p, K(courseid), op->courseid);
		ss_put_zs(p, K(idnumber), b->idnumber);
		ss_put_sv(p, K(name), o->groupname);
		break;
	case SS_OP_ENROL:
		ss_put_id(p, K(userid), op->userid);
		ss_put_long(p, K(courseid), op->courseid);
		ss_put_long(p, K(roleid), op->roleid);
		ss_put_long(p, K(timestart), op->timestart);
		ss_put_long(p, K(timeend), op->timeend);
		break;
	case SS_OP_ASSIGN_ROLE:
		ss_put_id(p, K(userid), op->userid);
		ss_put_long(p, K(courseid), op->courseid);
		ss_put_long(p, K(roleid), op->roleid);
		break;
	case SS_OP_ADD_MEMBER:
		ss_put_id(p, K(userid), op->userid);
		ss_put_id(p, K(groupid), op->groupid);
		break;
	case SS_OP_ASSIGN_USER_ROLE:
		/* ref is the participant the assignment is for; contextref whose context it is. */
		ss_put_id(p, K(userid), op->userid);
		ss_put_long(p, K(roleid), op->roleid);
		ss_put_ref(b, p, K(contextref), op->contextref);
		ss_put_id(p, K(contextuserid), op->contextuserid);
		break;
	case SS_OP_CREATE_PRODUCT:
		ss_put_id(p, K(userid), op->userid);
		if (shared && shared[op->part].reference) {
			ZVAL_STR(&z, shared[op->part].reference);
			shared[op->part].reference = NULL;
			ss_put(p, K(reference), &z);
		} else {
			bufp->len = 0;
			ss_session_reference(&b->in, o, (size_t)op->part, bufp);
			ss_put_sv(p, K(reference), ss_sv_of(bufp));
		}
		ss_put_long(p, K(courseid), op->courseid);
		ss_put_long(p, K(startdate), op->timestart);
		ss_put_long(p, K(enddate), op->timeend);
		ss_put_id(p, K(catalogitemid), b->has_catalogitemid ? b->catalogitemid : 0);
		ss_put_id(p, K(billitemid), b->has_billitemid ? b->billitemid : 0);
		ss_put_id(p, K(customerid), b->has_customerid ? b->customerid : 0);
		break;
	default:
		break;
	}
	ZVAL_ARR(out, p);
}

/* What both formats of a plan start with: phase, ok, issues, params, window, group. */
static void ss_build_plan_head(ss_bind *b, const ss_session_out *o, zval *rv)
{
	zval z, e, w;
	HashTable *ht;

	array_init(rv);
	ss_build_issues(b, o, &e, &w);
	ZVAL_INTERNED_STR(&z, K(plan));
	zend_hash_update(Z_ARRVAL_P(rv), K(phase), &z);
	ZVAL_BOOL(&z, o->ok);
	zend_hash_update(Z_ARRVAL_P(rv), K(ok), &z);
	zend_hash_update(Z_ARRVAL_P(rv), K(errors), &e);
	zend_hash_update(Z_ARRVAL_P(rv), K(warnings), &w);
	ss_build_params(b, o, &z);
	zend_hash_update(Z_ARRVAL_P(rv), K(params), &z);

	ht = ss_new_map(2);
	ss_put_long(ht, K(start), o->window_start);
	ss_put_long(ht, K(end), o->window_end);
	ZVAL_ARR(&z, ht);
	zend_hash_update(Z_ARRVAL_P(rv), K(window), &z);

	ht = ss_new_map(3);
	ss_put_id(ht, K(id), o->groupid);
	ss_put_zs(ht, K(idnumber), b->idnumber);
	ss_put_sv(ht, K(name), o->groupname);
	ZVAL_ARR(&z, ht);
	zend_hash_update(Z_ARRVAL_P(rv), K(group), &z);

}

static void ss_build_summary(const ss_session_out *o, zval *rv)
{
	zval z;
	HashTable *ht;

	ht = ss_new_map(8);
	ss_put_long(ht, K(seats), o->seats);
	ss_put_long(ht, K(declared), o->declared);
	ss_put_long(ht, K(unassigned), o->unassigned);
	ss_put_long(ht, K(created), o->created);
	ss_put_long(ht, K(reused), o->reused);
	ss_put_long(ht, K(enrolments), o->enrolments);
	ss_put_long(ht, K(skipped), o->skipped);
	ss_put_long(ht, K(operations), (int64_t)(o->nops + o->nflagops));
	ZVAL_ARR(&z, ht);
	zend_hash_update(Z_ARRVAL_P(rv), K(summary), &z);
}

static void ss_build_plan(ss_bind *b, const ss_session_out *o, zval *rv)
{
	ss_buf buf = SS_BUF_INIT;
	size_t i;
	/* Participants' usernames and references; kept after the participant's
	 * row only for its operations (create_user, create_product). */
	ss_shared_str *shared = ss_arr_zero(o->nparts, sizeof(ss_shared_str));
	zval z, list;

	ss_build_plan_head(b, o, rv);

	if (ss_buf_reserve(&buf, 256) != 0) {
		ss_throw_nomem();
		ss_free(shared);
		return;
	}
	/* Every username, then every reference: the result frees them in that
	 * order (create_user operations, then create_product), and strings made
	 * interleaved would shuffle Zend's free lists further at every call (see
	 * ss_build_plan_columns()). */
	for (i = 0; i < o->nparts; i++) shared[i].username = ss_username_str(b, SS_OUT_PART(o, i));
	for (i = 0; i < o->nparts; i++) shared[i].reference = ss_reference_str(b, o, i);

	/* Participants. */
	ZVAL_ARR(&list, ss_new_list(o->nparts));
	for (i = 0; i < o->nparts; i++) {
		const ss_part_out *po = SS_OUT_PART(o, i);
		const ss_bind_part *bp = SS_BP(b, i);
		HashTable *p = ss_new_map(16);
		zval msgs;
		uint32_t k;

		ss_put_ref(b, p, K(ref), (int64_t)i);
		ss_put_zs(p, K(role), bp->role);
		ss_put_id(p, K(roleid), po->roleid);
		ss_put_zs(p, K(email), bp->typed);
		ss_matchkey(b, o, i, &z);
		ss_put(p, K(matchkey), &z);
		ss_put_zs(p, K(firstname), bp->first);
		ss_put_zs(p, K(lastname), bp->last);
		ss_put_id(p, K(userid), po->userid);
		if (shared[i].username) {
			ZVAL_STR(&z, shared[i].username);
			ss_put(p, K(username), &z);
			if (po->action == SS_ACT_CREATE && o->nops) zend_string_addref(shared[i].username);
			else shared[i].username = NULL;
		} else {
			ss_put_sv(p, K(username), po->username);
		}
		ss_put_interned(p, K(action), po->action == SS_ACT_CREATE ? K(create) : po->action == SS_ACT_REUSE ? K(reuse) : K(none));
		ZVAL_BOOL(&z, po->attach);
		ss_put(p, K(attach), &z);
		ss_put_interned(p, K(status), po->error ? K(error) : K(ok));
		if (shared[i].reference) {
			ZVAL_STR(&z, shared[i].reference);
			ss_put(p, K(reference), &z);
			if ((po->need & SS_NEED_PRODUCT) && o->nops) zend_string_addref(shared[i].reference);
			else shared[i].reference = NULL;
		} else {
			ZVAL_EMPTY_STRING(&z);
			ss_put(p, K(reference), &z);
		}
		buf.len = 0;
		ss_session_line(&b->in, o, i, &buf);
		array_init(&msgs);
		if (buf.len) {
			ZVAL_STRINGL_FAST(&z, buf.p, buf.len);
			zend_hash_next_index_insert_new(Z_ARRVAL(msgs), &z);
		}
		for (k = po->first_issue; k != SS_NO_ISSUE; k = o->issues[k].next) {
			ZVAL_STRINGL_FAST(&z, o->issues[k].message.p, o->issues[k].message.len);
			zend_hash_next_index_insert_new(Z_ARRVAL(msgs), &z);
		}
		ss_put(p, K(messages), &msgs);
		ZVAL_ARR(&z, p);
		zend_hash_next_index_insert_new(Z_ARRVAL(list), &z);
	}
	zend_hash_update(Z_ARRVAL_P(rv), K(participants), &list);

	/* Operations. */
	ZVAL_ARR(&list, ss_new_list(o->nops));
	for (i = 0; i < o->nops; i++) {
		ss_build_op_row(b, o, i, shared, &buf, &z);
		zend_hash_next_index_insert_new(Z_ARRVAL(list), &z);
	}
	zend_hash_update(Z_ARRVAL_P(rv), K(operations), &list);

	ss_build_summary(o, rv);
	ss_buf_free(&buf);
	for (i = 0; i < o->nparts; i++) {
		if (shared[i].username) zend_string_release(shared[i].username);
		if (shared[i].reference) zend_string_release(shared[i].reference);
	}
	ss_free(shared);
}

/*
 * The plan in columns ($options['format'] = 'columns', docs/session-contract.md):
 * the same decisions as the rows, without one PHP array per participant and
 * per operation. participants: one list per field, indexed by position in the
 * order; each participant's operations are bits of 'flags'; 'operations'
 * keeps as rows only those of the group and the operator.
 */

/* The need bits ENROL to PRODUCT are the flags ENROL to CREATE_PRODUCT, one place lower. */
#define SS_NEED_OPS (SS_NEED_ENROL | SS_NEED_ROLE | SS_NEED_MEMBER | SS_NEED_RA_OP | SS_NEED_RA_MIRROR | SS_NEED_PRODUCT)
typedef char ss_need_flags_check[
	SS_NEED_ENROL << 1 == SHOP_SETUP_F_ENROL && SS_NEED_ROLE << 1 == SHOP_SETUP_F_ASSIGN_ROLE
	&& SS_NEED_MEMBER << 1 == SHOP_SETUP_F_ADD_MEMBER && SS_NEED_RA_OP << 1 == SHOP_SETUP_F_ASSIGN_OPERATOR_ROLE
	&& SS_NEED_RA_MIRROR << 1 == SHOP_SETUP_F_ASSIGN_MIRROR_ROLE && SS_NEED_PRODUCT << 1 == SHOP_SETUP_F_CREATE_PRODUCT
	&& SS_NEED_OPS == 63 ? 1 : -1];

/* The SHOP_SETUP_OP_* bits of a participant: the operations the rows format lists for it. */
static unsigned ss_need_flags(const ss_session_out *o, const ss_part_out *po)
{
	unsigned need = po->need, f;
	if (o->blocked) return 0;
	f = (need & SS_NEED_OPS) << 1;
	if ((need & SS_PROCEED) && po->action == SS_ACT_CREATE) f |= SHOP_SETUP_F_CREATE_USER;
	return f;
}

/* Fills the list ht (sized for every participant) with their userid, or their roleid when role; null for 0. */
static void ss_fill_ids(HashTable *ht, const ss_session_out *o, int role)
{
	size_t i;
	ZEND_HASH_FILL_PACKED(ht) {
		for (i = 0; i < o->nparts; i++) {
			const ss_part_out *po = SS_OUT_PART(o, i);
			int64_t id = role ? po->roleid : po->userid;
			if (id) ZEND_HASH_FILL_SET_LONG((zend_long)id);
			else ZEND_HASH_FILL_SET_NULL();
			ZEND_HASH_FILL_NEXT();
		}
	} ZEND_HASH_FILL_END();
}

static void ss_build_plan_columns(ss_bind *b, const ss_session_out *o, zval *rv)
{
	ss_buf buf = SS_BUF_INIT;
	size_t i, n = o->nparts;
	HashTable *cols, *ops, *ctx, *fl, *uid, *un, *rid, *ref, *em;
	zval z;

	ss_build_plan_head(b, o, rv);
	ZVAL_INTERNED_STR(&z, K(columns));
	zend_hash_update(Z_ARRVAL_P(rv), K(format), &z);

	/* Operations of the group and the operator as rows (the planner stored
	 * only those: in->ops_as_flags); the participants' from their need bits. */
	ops = zend_new_array(8);
	for (i = 0; i < o->nops; i++) {
		ss_build_op_row(b, o, i, NULL, &buf, &z);
		zend_hash_next_index_insert_new(ops, &z);
	}

	fl = ss_new_list(n);
	uid = ss_new_list(n);
	un = ss_new_list(n);
	rid = ss_new_list(n);
	ref = ss_new_list(n);
	em = ss_new_list(n);
	/*
	 * The strings this makes come from Zend's free lists, which the previous
	 * result's strings went back to list by list (destroyed in key order,
	 * each list in index order). Made one list after the other, a list's
	 * strings then take another list's addresses in one run; made
	 * interleaved (a username, a reference, the next username...), every call
	 * shuffled them further, and at 1,000,000 participants the calls of one
	 * process grew from 1.1 to 1.6 s of CPU as each new string's allocation
	 * became a cache miss. Strings of one list are made in one loop. Each
	 * list is filled in place (ss_new_list() sized it for n values).
	 * The product references, the most strings of one size, come first: made
	 * last, they took 2-4% more of a call after a userland one at 10,000
	 * participants (bench/builds.php, seven runs of nine processes each:
	 * B/A 0.91 to 0.98, median 0.97); in a row it makes no difference
	 * (1.00), and first is no slower at 100,000 (0.98) or 1,000,000 (0.96).
	 */
	ZEND_HASH_FILL_PACKED(ref) {
		for (i = 0; i < n; i++) {
			zend_string *reference = ss_reference_str(b, o, i);
			if (reference) ZEND_HASH_FILL_SET_STR(reference);
			else ZEND_HASH_FILL_SET_INTERNED_STR(ZSTR_EMPTY_ALLOC());
			ZEND_HASH_FILL_NEXT();
		}
	} ZEND_HASH_FILL_END();
	ZEND_HASH_FILL_PACKED(fl) {
		for (i = 0; i < n; i++) {
			const ss_part_out *po = SS_OUT_PART(o, i);
			unsigned f = ss_need_flags(o, po);
			if (po->action == SS_ACT_REUSE) f |= SHOP_SETUP_F_REUSE;
			else if (po->action == SS_ACT_CREATE) f |= SHOP_SETUP_F_CREATE;
			if (po->attach) f |= SHOP_SETUP_F_ATTACH;
			if (po->error) f |= SHOP_SETUP_F_ERROR;
			ZEND_HASH_FILL_SET_LONG((zend_long)f);
			ZEND_HASH_FILL_NEXT();
		}
	} ZEND_HASH_FILL_END();
	ss_fill_ids(uid, o, 0);
	ss_fill_ids(rid, o, 1);
	ZEND_HASH_FILL_PACKED(un) {
		for (i = 0; i < n; i++) {
			zend_string *name = ss_username_str(b, SS_OUT_PART(o, i));
			if (name) ZEND_HASH_FILL_SET_STR(name);
			else ZEND_HASH_FILL_SET_INTERNED_STR(ZSTR_EMPTY_ALLOC());
			ZEND_HASH_FILL_NEXT();
		}
	} ZEND_HASH_FILL_END();
	ZEND_HASH_FILL_PACKED(em) {
		for (i = 0; i < n; i++) {
			ss_stored_email(b, i, &z);
			ZEND_HASH_FILL_SET(&z);
			ZEND_HASH_FILL_NEXT();
		}
	} ZEND_HASH_FILL_END();
	cols = ss_new_map(6);
	ZVAL_ARR(&z, fl);
	ss_put(cols, K(flags), &z);
	ZVAL_ARR(&z, uid);
	ss_put(cols, K(userid), &z);
	ZVAL_ARR(&z, un);
	ss_put(cols, K(username), &z);
	ZVAL_ARR(&z, rid);
	ss_put(cols, K(roleid), &z);
	ZVAL_ARR(&z, ref);
	ss_put(cols, K(reference), &z);
	ZVAL_ARR(&z, em);
	ss_put(cols, K(email), &z);
	ZVAL_ARR(&z, cols);
	zend_hash_update(Z_ARRVAL_P(rv), K(participants), &z);

	ZVAL_ARR(&z, ops);
	zend_hash_update(Z_ARRVAL_P(rv), K(operations), &z);

	/* What a participant's flags expand to needs these. */
	ctx = ss_new_map(8);
	ss_put_id(ctx, K(courseid), o->courseid);
	ss_put_long(ctx, K(operatorid), o->operatorid);
	ss_put_id(ctx, K(operatorroleid), o->operatorrole);
	ss_put_id(ctx, K(mirrorroleid), o->mirrorrole);
	ss_put_id(ctx, K(catalogitemid), b->has_catalogitemid ? b->catalogitemid : 0);
	ss_put_id(ctx, K(billitemid), b->has_billitemid ? b->billitemid : 0);
	ss_put_id(ctx, K(customerid), b->has_customerid ? b->customerid : 0);
	ZVAL_ARR(&z, ctx);
	zend_hash_update(Z_ARRVAL_P(rv), K(context), &z);

	ss_build_summary(o, rv);
	ss_buf_free(&buf);
}

/* Rough size of the core's working set for this call, in bytes (0: small). */
static size_t ss_session_estimate(HashTable *order, HashTable *facts)
{
	static const char *const lists[] = {"users", "usernames", "enrolments", "roleassignments", "products", "privileged"};
	size_t parts = 0, rows = 0, i;
	zval *zv = SS_GETK(order, users), *rz;
	HashTable *ht;
	if (zv && (ht = ss_table(zv))) {
		ZEND_HASH_FOREACH_VAL(ht, rz) {
			HashTable *r = ss_table(ss_deref(rz));
			if (r) parts += zend_hash_num_elements(r);
		} ZEND_HASH_FOREACH_END();
	}
	for (i = 0; facts && i < sizeof lists / sizeof lists[0]; i++) {
		zv = ss_get(facts, lists[i], strlen(lists[i]));
		if (zv && (ht = ss_table(zv))) rows += zend_hash_num_elements(ht);
	}
	if (parts + rows < 2000) return 0;
	/* Measured: ~1 KiB per participant and ~200 bytes per fact row at 1,000,000; twice that, plus slack. */
	return ((size_t)4 << 20) + parts * 2048 + rows * 512;
}

static void ss_session_run(HashTable *order, HashTable *facts, HashTable *options, zval *return_value);

PHP_FUNCTION(shop_setup_session)
{
	HashTable *order, *facts = NULL, *options = NULL;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_ARRAY_HT(order)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT_OR_NULL(facts)
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	/* Big orders: the core's memory on huge pages, free again at once below
	 * (and kept mapped for the request's next call when this one went well). */
	shop_setup_scratch_begin(ss_session_estimate(order, facts));
	ss_session_run(order, facts, options, return_value);
	shop_setup_scratch_end(!EG(exception));
}

static void ss_session_run(HashTable *order, HashTable *facts, HashTable *options, zval *return_value)
{
	ss_bind b;
	ss_session_out out;
	ss_session_status st;
	int columns = 0;

	memset(&b, 0, sizeof b);
	ZVAL_UNDEF(&b.params);
	if (ss_read_order(&b, order) != 0 || (facts && ss_read_facts(&b, facts) != 0)) {
		ss_bind_free(&b);
		RETURN_THROWS();
	}
	if (options) {
		ss_path path = {"$options", 0, {{0}}};
		zval *zv = SS_GETK(options, partial);
		if (zv && ss_read_bool(&path, "partial", zv, &b.in.partial) != 0) {
			ss_bind_free(&b);
			RETURN_THROWS();
		}
		zv = SS_GETK(options, format);
		if (zv && Z_TYPE_P(zv) != IS_NULL) {
			if (Z_TYPE_P(zv) != IS_STRING) {
				ss_type_error(&path, "format", "string", zv);
				ss_bind_free(&b);
				RETURN_THROWS();
			}
			if (zend_string_equals_literal(Z_STR_P(zv), "columns")) {
				columns = 1;
			} else if (!zend_string_equals_literal(Z_STR_P(zv), "rows")) {
				ss_value_error(&path, "format", "must be \"rows\" or \"columns\"");
				ss_bind_free(&b);
				RETURN_THROWS();
			}
		}
	}
	b.in.ops_as_flags = columns;
	st = ss_session_plan(&b.in, &out);
	if (st != SS_SESSION_OK) {
		ss_session_out_free(&out);
		ss_bind_free(&b);
		if (st == SS_SESSION_E_TOO_MANY) {
			zend_argument_value_error(1, "holds more than %zu participants", SS_MAX_PARTICIPANTS);
		} else {
			ss_throw_nomem();
		}
		RETURN_THROWS();
	}
	if (out.phase == 1) {
		ss_build_lookup(&b, &out, return_value);
	} else if (columns) {
		ss_build_plan_columns(&b, &out, return_value);
	} else {
		ss_build_plan(&b, &out, return_value);
	}
	ss_session_out_free(&out);
	ss_bind_free(&b);
}
