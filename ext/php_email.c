/* shop_setup: PHP binding for email normalisation and checks (core: ext/core/ss_email.re). */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "zend_exceptions.h"
#include "shop_setup_binding.h"
#include "core/ss_email.h"

/* A valid key is at most SS_EMAIL_FILTER_MAX bytes: the core writes no more. */
typedef struct shop_setup_email_key {
	char buf[SS_EMAIL_FILTER_MAX];
	size_t len;
} shop_setup_email_key;

typedef struct shop_setup_email_policy {
	zend_string *allow;
	zend_string *deny;
} shop_setup_email_policy;

/*
 * Normalises in; on success sets *key (input reused when it is already its own
 * key). diagnose = 0 when only the verdict matters.
 */
static ss_email_status shop_setup_email_key_of(zend_string *in, shop_setup_email_key *k, zend_string **key, int diagnose)
{
	int same;
	ss_email_status st = ss_email_normalize_ex(ZSTR_VAL(in), ZSTR_LEN(in), k->buf, &k->len, &same, diagnose);
	if (key) {
		*key = NULL;
		if (st == SS_EMAIL_OK) {
			if (same) {
				*key = zend_string_copy(in);
			} else {
				*key = zend_string_init(k->buf, k->len, 0);
			}
		}
	}
	return st;
}

/* Appends a rendering of an array key (int or quoted string) to buf. */
static void shop_setup_email_append_key(smart_str *buf, zend_ulong h, zend_string *skey)
{
	if (skey) {
		smart_str_appendc(buf, '"');
		shop_setup_quote(buf, ZSTR_VAL(skey), ZSTR_LEN(skey), 64);
		smart_str_appendc(buf, '"');
	} else {
		smart_str_append_long(buf, (zend_long)h);
	}
}

/* TypeError for a non-string element of argument #argnum. */
static void shop_setup_email_element_type_error(uint32_t argnum, zend_ulong h, zend_string *skey, zval *v)
{
	smart_str msg = {0};
	smart_str_appends(&msg, "must contain only strings, ");
	smart_str_appends(&msg, zend_zval_type_name(v));
	smart_str_appends(&msg, " given at key ");
	shop_setup_email_append_key(&msg, h, skey);
	smart_str_0(&msg);
	zend_argument_type_error(argnum, "%s", ZSTR_VAL(msg.s));
	smart_str_free(&msg);
}

/* Reads $policy: only "allowemailaddresses" and "denyemailaddresses", strings or null. */
static zend_result shop_setup_email_policy_parse(uint32_t argnum, HashTable *ht, shop_setup_email_policy *pol)
{
	zend_string *k;
	zend_ulong h;
	zval *v;

	pol->allow = NULL;
	pol->deny = NULL;
	if (!ht) return SUCCESS;
	ZEND_HASH_FOREACH_KEY_VAL(ht, h, k, v) {
		zend_string **slot;
		ZVAL_DEREF(v);
		if (k && zend_string_equals_literal(k, "allowemailaddresses")) {
			slot = &pol->allow;
		} else if (k && zend_string_equals_literal(k, "denyemailaddresses")) {
			slot = &pol->deny;
		} else {
			smart_str msg = {0};
			smart_str_appends(&msg, "has an unknown key ");
			shop_setup_email_append_key(&msg, h, k);
			smart_str_appends(&msg, " (expected \"allowemailaddresses\" or \"denyemailaddresses\")");
			smart_str_0(&msg);
			zend_argument_value_error(argnum, "%s", ZSTR_VAL(msg.s));
			smart_str_free(&msg);
			return FAILURE;
		}
		if (Z_TYPE_P(v) == IS_NULL) {
			*slot = NULL;
		} else if (Z_TYPE_P(v) == IS_STRING) {
			*slot = Z_STR_P(v);
		} else {
			zend_argument_type_error(argnum, "must hold a string or null at key \"%s\", %s given",
				ZSTR_VAL(k), zend_zval_type_name(v));
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

static ss_email_status shop_setup_email_policy_apply(const shop_setup_email_policy *pol, const char *key, size_t len)
{
	if (!pol->allow && !pol->deny) return SS_EMAIL_OK;
	return ss_email_policy_check(key, len,
		pol->allow ? ZSTR_VAL(pol->allow) : NULL, pol->allow ? ZSTR_LEN(pol->allow) : 0,
		pol->deny ? ZSTR_VAL(pol->deny) : NULL, pol->deny ? ZSTR_LEN(pol->deny) : 0);
}

static void shop_setup_email_add_warning(zval *warnings, const char *code, const char *message, zval *keys)
{
	zval w;
	array_init_size(&w, 3);
	add_assoc_string(&w, "code", code);
	add_assoc_string(&w, "message", message);
	if (keys) {
		add_assoc_zval(&w, "keys", keys);
	}
	add_next_index_zval(warnings, &w);
}

/*
 * Fills rv with the result shape of shop_setup_email_check():
 * ['ok', 'code', 'message', 'normalized', 'warnings'].
 * *key_out receives a new reference to the match key when the syntax is valid.
 */
static void shop_setup_email_check_one(zend_string *email, const shop_setup_email_policy *pol, zval *rv, zend_string **key_out)
{
	shop_setup_email_key k;
	zend_string *key;
	ss_email_status st = shop_setup_email_key_of(email, &k, &key, 1);
	zval warnings;

	array_init_size(&warnings, 0);
	if (st == SS_EMAIL_OK) {
		const char *at = zend_memrchr(k.buf, '@', k.len);
		st = shop_setup_email_policy_apply(pol, k.buf, k.len);
		if (k.buf[0] == '"') {
			shop_setup_email_add_warning(&warnings, "quoted_local_part",
				"The part before '@' is quoted; valid, but many mail systems and people mistype such addresses.", NULL);
		}
		if (at && at[1] == '[') {
			shop_setup_email_add_warning(&warnings, "ip_literal",
				"The domain is an IP address in brackets; valid, but unusual for a person's mailbox.", NULL);
		}
	}
	array_init_size(rv, 5);
	add_assoc_bool(rv, "ok", st == SS_EMAIL_OK);
	if (st == SS_EMAIL_OK) {
		add_assoc_null(rv, "code");
		add_assoc_null(rv, "message");
	} else {
		add_assoc_string(rv, "code", ss_email_status_code(st));
		add_assoc_string(rv, "message", ss_email_status_message(st));
	}
	if (key) {
		add_assoc_str(rv, "normalized", key_out ? zend_string_copy(key) : key);
		if (key_out) *key_out = key;
	} else {
		add_assoc_null(rv, "normalized");
		if (key_out) *key_out = NULL;
	}
	add_assoc_zval(rv, "warnings", &warnings);
}

PHP_FUNCTION(shop_setup_email_normalize)
{
	zend_string *email, *key;
	shop_setup_email_key k;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(email)
	ZEND_PARSE_PARAMETERS_END();

	if (shop_setup_email_key_of(email, &k, &key, 0) != SS_EMAIL_OK) {
		RETURN_NULL();
	}
	RETURN_STR(key);
}

PHP_FUNCTION(shop_setup_email_equals)
{
	zend_string *a, *b;
	shop_setup_email_key ka, kb;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(a)
		Z_PARAM_STR(b)
	ZEND_PARSE_PARAMETERS_END();

	if (shop_setup_email_key_of(a, &ka, NULL, 0) != SS_EMAIL_OK || shop_setup_email_key_of(b, &kb, NULL, 0) != SS_EMAIL_OK) {
		RETURN_FALSE;
	}
	RETURN_BOOL(ka.len == kb.len && memcmp(ka.buf, kb.buf, ka.len) == 0);
}

PHP_FUNCTION(shop_setup_email_check)
{
	zend_string *email;
	HashTable *policy = NULL;
	shop_setup_email_policy pol;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(email)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(policy)
	ZEND_PARSE_PARAMETERS_END();

	if (shop_setup_email_policy_parse(2, policy, &pol) == FAILURE) {
		RETURN_THROWS();
	}
	shop_setup_email_check_one(email, &pol, return_value, NULL);
}

/* ValueError when an array argument is larger than SS_MAX_PARTICIPANTS. */
static zend_result shop_setup_email_check_count(uint32_t argnum, HashTable *ht)
{
	if (zend_hash_num_elements(ht) > SS_MAX_PARTICIPANTS) {
		zend_argument_value_error(argnum, "must not hold more than %zu addresses, %u given",
			(size_t)SS_MAX_PARTICIPANTS, zend_hash_num_elements(ht));
		return FAILURE;
	}
	return SUCCESS;
}

/* out = the match key of the (already type-checked) string v, or null. */
static zend_always_inline void shop_setup_email_key_zval(zval *v, shop_setup_email_key *k, zval *out)
{
	zend_string *key;
	ZVAL_DEREF(v);
	if (shop_setup_email_key_of(Z_STR_P(v), k, &key, 0) == SS_EMAIL_OK) {
		ZVAL_STR(out, key);
	} else {
		ZVAL_NULL(out);
	}
}

PHP_FUNCTION(shop_setup_emails_normalize)
{
	HashTable *emails;
	zend_string *skey;
	zend_ulong h;
	zval *v, out;
	shop_setup_email_key k;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(emails)
	ZEND_PARSE_PARAMETERS_END();

	if (shop_setup_email_check_count(1, emails) == FAILURE) {
		RETURN_THROWS();
	}
	/* Type-check every element first, so that a TypeError leaves nothing half-built. */
	ZEND_HASH_FOREACH_KEY_VAL(emails, h, skey, v) {
		ZVAL_DEREF(v);
		if (UNEXPECTED(Z_TYPE_P(v) != IS_STRING)) {
			shop_setup_email_element_type_error(1, h, skey, v);
			RETURN_THROWS();
		}
	} ZEND_HASH_FOREACH_END();

	array_init_size(return_value, zend_hash_num_elements(emails));
	if (HT_IS_PACKED(emails) && HT_IS_WITHOUT_HOLES(emails)) {
		/* A list: fill the result as a packed list, no hashing at all. */
		zend_hash_real_init_packed(Z_ARRVAL_P(return_value));
		ZEND_HASH_FILL_PACKED(Z_ARRVAL_P(return_value)) {
			ZEND_HASH_FOREACH_VAL(emails, v) {
				shop_setup_email_key_zval(v, &k, &out);
				ZEND_HASH_FILL_ADD(&out);
			} ZEND_HASH_FOREACH_END();
		} ZEND_HASH_FILL_END();
		return;
	}
	ZEND_HASH_FOREACH_KEY_VAL(emails, h, skey, v) {
		shop_setup_email_key_zval(v, &k, &out);
		if (skey) {
			zend_hash_add_new(Z_ARRVAL_P(return_value), skey, &out);
		} else {
			zend_hash_index_add_new(Z_ARRVAL_P(return_value), h, &out);
		}
	} ZEND_HASH_FOREACH_END();
}

/* At most this many other keys are listed in a batch warning ("count" gives them all). */
#define SHOP_SETUP_EMAIL_LISTED 10

/* Adds a batch warning to result res: code, message, "keys" (listed, at most 10) and "count". */
static void shop_setup_email_group_warn(zval *res, zval *ids, const uint32_t *listed, uint32_t nlisted,
	uint32_t total, const char *code, const char *what)
{
	smart_str msg = {0};
	zval keys, *warnings, w;
	uint32_t j;

	array_init_size(&keys, nlisted);
	smart_str_appends(&msg, what);
	for (j = 0; j < nlisted; j++) {
		zval *id = &ids[listed[j]];
		Z_TRY_ADDREF_P(id);
		add_next_index_zval(&keys, id);
		smart_str_appends(&msg, j ? ", " : " ");
		if (Z_TYPE_P(id) == IS_STRING) {
			shop_setup_email_append_key(&msg, 0, Z_STR_P(id));
		} else {
			smart_str_append_long(&msg, Z_LVAL_P(id));
		}
	}
	if (total > nlisted) {
		smart_str_appends(&msg, " (and ");
		smart_str_append_unsigned(&msg, total - nlisted);
		smart_str_appends(&msg, " more)");
	}
	smart_str_appendc(&msg, '.');
	smart_str_0(&msg);
	warnings = zend_hash_str_find(Z_ARRVAL_P(res), "warnings", sizeof("warnings") - 1);
	array_init_size(&w, 4);
	add_assoc_string(&w, "code", code);
	add_assoc_str(&w, "message", smart_str_extract(&msg));
	add_assoc_zval(&w, "keys", &keys);
	add_assoc_long(&w, "count", (zend_long)total);
	add_next_index_zval(warnings, &w);
}

/*
 * Warnings for one alias group (members: batch positions, in batch order).
 * Members with one match key form a subgroup: "duplicate" within a subgroup,
 * "possible_alias" across subgroups. Linear in the group size: each member
 * lists at most SHOP_SETUP_EMAIL_LISTED others and counts the rest.
 */
static void shop_setup_email_group(zval *results, zval *ids, zend_string **keys, const uint32_t *members, uint32_t m)
{
	HashTable sub;
	uint32_t *sg_of, *cnt, *start, *order, *fill, nsg = 0, j, s, t;
	uint32_t listed[SHOP_SETUP_EMAIL_LISTED];

	zend_hash_init(&sub, 8, NULL, NULL, 0);
	sg_of = safe_emalloc(m, 5 * sizeof(uint32_t), 0);
	cnt = sg_of + m;
	start = cnt + m;
	order = start + m;
	fill = order + m;
	for (j = 0; j < m; j++) {
		zval *idx = zend_hash_find(&sub, keys[members[j]]);
		if (!idx) {
			zval z;
			ZVAL_LONG(&z, nsg);
			idx = zend_hash_add_new(&sub, keys[members[j]], &z);
			cnt[nsg++] = 0;
		}
		sg_of[j] = (uint32_t)Z_LVAL_P(idx);
		cnt[sg_of[j]]++;
	}
	/* Counting sort: the members of each subgroup together, in batch order. */
	for (s = 0, t = 0; s < nsg; s++) {
		start[s] = t;
		fill[s] = t;
		t += cnt[s];
	}
	for (j = 0; j < m; j++) {
		order[fill[sg_of[j]]++] = members[j];
	}
	for (j = 0; j < m; j++) {
		uint32_t self = members[j], n = 0, k;
		s = sg_of[j];
		if (cnt[s] > 1) {
			for (k = start[s]; k < start[s] + cnt[s] && n < SHOP_SETUP_EMAIL_LISTED; k++) {
				if (order[k] != self) listed[n++] = order[k];
			}
			shop_setup_email_group_warn(&results[self], ids, listed, n, cnt[s] - 1, "duplicate",
				"The same address (ignoring letter case and surrounding spaces) also appears at key(s)");
		}
		if (cnt[s] < m) {
			n = 0;
			for (t = 0; t < nsg && n < SHOP_SETUP_EMAIL_LISTED; t++) {
				if (t == s) continue;
				for (k = start[t]; k < start[t] + cnt[t] && n < SHOP_SETUP_EMAIL_LISTED; k++) {
					listed[n++] = order[k];
				}
			}
			shop_setup_email_group_warn(&results[self], ids, listed, n, m - cnt[s], "possible_alias",
				"Probably the same mailbox (dots or a +tag in the part before '@') as the address at key(s)");
		}
	}
	efree(sg_of);
	zend_hash_destroy(&sub);
}

PHP_FUNCTION(shop_setup_emails_check)
{
	HashTable *emails, *policy = NULL, groups;
	shop_setup_email_policy pol;
	zend_string *skey;
	zend_ulong h;
	zval *v, *results, *ids, *grp;
	zend_string **keys;
	uint32_t n, i = 0;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ARRAY_HT(emails)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(policy)
	ZEND_PARSE_PARAMETERS_END();

	if (shop_setup_email_check_count(1, emails) == FAILURE || shop_setup_email_policy_parse(2, policy, &pol) == FAILURE) {
		RETURN_THROWS();
	}
	/* Type-check every element first, so that a TypeError leaves nothing half-built. */
	ZEND_HASH_FOREACH_KEY_VAL(emails, h, skey, v) {
		ZVAL_DEREF(v);
		if (Z_TYPE_P(v) != IS_STRING) {
			shop_setup_email_element_type_error(1, h, skey, v);
			RETURN_THROWS();
		}
	} ZEND_HASH_FOREACH_END();

	n = zend_hash_num_elements(emails);
	results = safe_emalloc(n ? n : 1, sizeof(zval), 0);
	ids = safe_emalloc(n ? n : 1, sizeof(zval), 0);
	keys = safe_emalloc(n ? n : 1, sizeof(zend_string *), 0);
	zend_hash_init(&groups, 8, NULL, ZVAL_PTR_DTOR, 0);

	ZEND_HASH_FOREACH_KEY_VAL(emails, h, skey, v) {
		ZVAL_DEREF(v);
		if (skey) {
			ZVAL_STR_COPY(&ids[i], skey);
		} else {
			ZVAL_LONG(&ids[i], (zend_long)h);
		}
		shop_setup_email_check_one(Z_STR_P(v), &pol, &results[i], &keys[i]);
		if (keys[i]) {
			/* Group by alias key: same mailbox for Gmail-style dots and for +tags. */
			zend_string *ak = zend_string_alloc(ZSTR_LEN(keys[i]), 0);
			ZSTR_LEN(ak) = ss_email_alias_key(ZSTR_VAL(keys[i]), ZSTR_LEN(keys[i]), ZSTR_VAL(ak));
			ZSTR_VAL(ak)[ZSTR_LEN(ak)] = '\0';
			grp = zend_hash_find(&groups, ak);
			if (!grp) {
				zval list;
				array_init_size(&list, 1);
				grp = zend_hash_add_new(&groups, ak, &list);
			}
			add_next_index_long(grp, (zend_long)i);
			zend_string_release(ak);
		}
		i++;
	} ZEND_HASH_FOREACH_END();

	ZEND_HASH_FOREACH_VAL(&groups, grp) {
		uint32_t m = zend_hash_num_elements(Z_ARRVAL_P(grp)), a = 0, *members;
		zval *mv;
		if (m < 2) continue;
		members = safe_emalloc(m, sizeof(uint32_t), 0);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(grp), mv) {
			members[a++] = (uint32_t)Z_LVAL_P(mv);
		} ZEND_HASH_FOREACH_END();
		shop_setup_email_group(results, ids, keys, members, m);
		efree(members);
	} ZEND_HASH_FOREACH_END();

	array_init_size(return_value, n);
	for (i = 0; i < n; i++) {
		if (Z_TYPE(ids[i]) == IS_STRING) {
			zend_hash_update(Z_ARRVAL_P(return_value), Z_STR(ids[i]), &results[i]);
		} else {
			zend_hash_index_update(Z_ARRVAL_P(return_value), (zend_ulong)Z_LVAL(ids[i]), &results[i]);
		}
		zval_ptr_dtor(&ids[i]);
		if (keys[i]) zend_string_release(keys[i]);
	}
	zend_hash_destroy(&groups);
	efree(results);
	efree(ids);
	efree(keys);
}
