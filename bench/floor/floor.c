/*
 * The floor under shop_setup_session() (bench/floor.php): a function that
 * reads everything a planner must read from $order and $facts and builds a
 * result of the columns format's size, deciding nothing. Whatever planning
 * costs comes on top of this, so userland time / this time bounds the ratio
 * any extension with the same input and output can reach.
 *
 *   shop_setup_floor(array $order, array $facts, array $plan): array
 *
 * $plan is shop_setup_session($order, $facts, ['format' => 'columns']): its
 * strings give the sizes of the strings to make (new strings of the same
 * bytes for usernames and references; the order's addresses shared, as the
 * extension shares them), and which usernames are shared (an account's own
 * string). Rows are read by the binding's own ss_fields() (ext/ss_fields.h):
 * one walk over a small table's buckets, each key compared first with the
 * key the row before had at that place.
 * Not part of shop_setup: built only by bench/floor/run.sh.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif
#include "php.h"
#include "ss_fields.h"   /* the binding's own row reader (run.sh copies it here) */

static zend_string *fk[16];
enum { F_EMAIL, F_FIRST, F_LAST, F_CITY, F_INST, F_PHONE, F_ID, F_USERNAME, F_AUTH, F_SUSP, F_DEL,
	F_COURSEID, F_USERID, F_STATUS, F_TSTART, F_TEND };
static zend_string *fk2[4];   /* roles, roleid, contextuserid, users */

/* What a reader must at least look at in a value: its type, and a string's length. */
static zend_long fl_touch(zval *z)
{
	if (!z) return 0;
	if (Z_TYPE_P(z) == IS_STRING) return (zend_long)ZSTR_LEN(Z_STR_P(z));
	if (Z_TYPE_P(z) == IS_LONG) return Z_LVAL_P(z);
	return Z_TYPE_P(z);
}

static HashTable *fl_list(zval *z)
{
	z = ss_found(z);
	return z && Z_TYPE_P(z) == IS_ARRAY ? Z_ARRVAL_P(z) : NULL;
}

static HashTable *fl_new_list(uint32_t n)
{
	HashTable *ht = zend_new_array(n);
	zend_hash_real_init_packed(ht);
	return ht;
}

PHP_FUNCTION(shop_setup_floor)
{
	HashTable *order, *facts, *plan, *users, *cols, *pun, *pref, *l;
	HashTable *fl, *uid, *un, *rid, *ref, *em, *out;
	zval *rz, *pz, *f[6], z, *x;
	zend_long sink = 0;
	uint32_t n, i;
	zend_string **emails;
	ss_field_guess pg = {{0}, {0}}, ug = {{0}, {0}}, eg = {{0}, {0}}, ag = {{0}, {0}};

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_ARRAY_HT(order)
		Z_PARAM_ARRAY_HT(facts)
		Z_PARAM_ARRAY_HT(plan)
	ZEND_PARSE_PARAMETERS_END();

	if (!(users = fl_list(zend_hash_find(order, fk2[3]))) || !(cols = fl_list(zend_hash_str_find(plan, "participants", 12)))
			|| !(pun = fl_list(zend_hash_str_find(cols, "username", 8)))
			|| !(pref = fl_list(zend_hash_str_find(cols, "reference", 9)))) {
		zend_argument_value_error(3, "must be a plan in columns of the same order");
		RETURN_THROWS();
	}
	n = zend_hash_num_elements(pun);
	emails = safe_emalloc(n ? n : 1, sizeof *emails, 0);

	/* The order: every participant's six fields. */
	i = 0;
	ZEND_HASH_FOREACH_VAL(users, rz) {
		HashTable *role = fl_list(rz);
		if (!role) continue;
		ZEND_HASH_FOREACH_VAL(role, pz) {
			int k;
			pz = ss_found(pz);
			if (!pz || Z_TYPE_P(pz) != IS_ARRAY) continue;
			ss_fields(Z_ARRVAL_P(pz), fk, 6, f, &pg);
			for (k = 0; k < 6; k++) sink += fl_touch(f[k]);
			if (i < n) emails[i++] = f[0] && Z_TYPE_P(f[0]) == IS_STRING ? Z_STR_P(f[0]) : ZSTR_EMPTY_ALLOC();
		} ZEND_HASH_FOREACH_END();
	} ZEND_HASH_FOREACH_END();
	for (; i < n; i++) emails[i] = ZSTR_EMPTY_ALLOC();

	/* The facts: accounts, enrolments (with their roles), role assignments, lists of scalars. */
	if ((l = fl_list(zend_hash_str_find(facts, "users", 5)))) {
		zend_string *const names[6] = {fk[F_ID], fk[F_EMAIL], fk[F_USERNAME], fk[F_AUTH], fk[F_SUSP], fk[F_DEL]};
		ZEND_HASH_FOREACH_VAL(l, rz) {
			HashTable *r = fl_list(rz);
			int k;
			if (!r) continue;
			ss_fields(r, names, 6, f, &ug);
			for (k = 0; k < 6; k++) sink += fl_touch(f[k]);
		} ZEND_HASH_FOREACH_END();
	}
	if ((l = fl_list(zend_hash_str_find(facts, "enrolments", 10)))) {
		zend_string *const names[6] = {fk[F_COURSEID], fk[F_USERID], fk[F_STATUS], fk[F_TSTART], fk[F_TEND], fk2[0]};
		ZEND_HASH_FOREACH_VAL(l, rz) {
			HashTable *r = fl_list(rz), *roles;
			int k;
			if (!r) continue;
			ss_fields(r, names, 6, f, &eg);
			for (k = 0; k < 5; k++) sink += fl_touch(f[k]);
			if ((roles = fl_list(f[5]))) {
				ZEND_HASH_FOREACH_VAL(roles, x) { sink += fl_touch(x); } ZEND_HASH_FOREACH_END();
			}
		} ZEND_HASH_FOREACH_END();
	}
	if ((l = fl_list(zend_hash_str_find(facts, "roleassignments", 15)))) {
		zend_string *const names[3] = {fk2[1], fk[F_USERID], fk2[2]};
		ZEND_HASH_FOREACH_VAL(l, rz) {
			HashTable *r = fl_list(rz);
			int k;
			if (!r) continue;
			ss_fields(r, names, 3, f, &ag);
			for (k = 0; k < 3; k++) sink += fl_touch(f[k]);
		} ZEND_HASH_FOREACH_END();
	}
	{
		static const char *const scalars[] = {"usernames", "privileged", "products"};
		for (i = 0; i < 3; i++) {
			if ((l = fl_list(zend_hash_str_find(facts, scalars[i], strlen(scalars[i]))))) {
				ZEND_HASH_FOREACH_VAL(l, x) { sink += fl_touch(x); } ZEND_HASH_FOREACH_END();
			}
		}
	}

	/* The result: six lists of n, strings made as the extension makes them. */
	fl = fl_new_list(n);
	uid = fl_new_list(n);
	un = fl_new_list(n);
	rid = fl_new_list(n);
	ref = fl_new_list(n);
	em = fl_new_list(n);
	/* Filled in place, as the extension fills its lists. */
	ZEND_HASH_FILL_PACKED(fl) {
		for (i = 0; i < n; i++) {
			ZEND_HASH_FILL_SET_LONG((zend_long)(sink & 0x7f));
			ZEND_HASH_FILL_NEXT();
		}
	} ZEND_HASH_FILL_END();
	ZEND_HASH_FILL_PACKED(uid) {
		for (i = 0; i < n; i++) {
			ZEND_HASH_FILL_SET_LONG((zend_long)i);
			ZEND_HASH_FILL_NEXT();
		}
	} ZEND_HASH_FILL_END();
	ZEND_HASH_FILL_PACKED(rid) {
		for (i = 0; i < n; i++) {
			ZEND_HASH_FILL_SET_LONG(5);
			ZEND_HASH_FILL_NEXT();
		}
	} ZEND_HASH_FILL_END();
	ZEND_HASH_FILL_PACKED(un) {
		ZEND_HASH_FOREACH_VAL(pun, x) {
			/* A reused account's name is its own string (refcounted); a new one is made. */
			if (Z_TYPE_P(x) == IS_STRING && Z_REFCOUNTED_P(x) && GC_REFCOUNT(Z_STR_P(x)) > 1) ZVAL_STR_COPY(&z, Z_STR_P(x));
			else if (Z_TYPE_P(x) == IS_STRING) ZVAL_STRINGL_FAST(&z, Z_STRVAL_P(x), Z_STRLEN_P(x));
			else ZVAL_EMPTY_STRING(&z);
			ZEND_HASH_FILL_SET(&z);
			ZEND_HASH_FILL_NEXT();
		} ZEND_HASH_FOREACH_END();
	} ZEND_HASH_FILL_END();
	ZEND_HASH_FILL_PACKED(em) {
		for (i = 0; i < n; i++) {
			ZEND_HASH_FILL_SET_STR_COPY(emails[i]);
			ZEND_HASH_FILL_NEXT();
		}
	} ZEND_HASH_FILL_END();
	ZEND_HASH_FILL_PACKED(ref) {
		ZEND_HASH_FOREACH_VAL(pref, x) {
			if (Z_TYPE_P(x) == IS_STRING) ZVAL_STRINGL_FAST(&z, Z_STRVAL_P(x), Z_STRLEN_P(x));
			else ZVAL_EMPTY_STRING(&z);
			ZEND_HASH_FILL_SET(&z);
			ZEND_HASH_FILL_NEXT();
		} ZEND_HASH_FOREACH_END();
	} ZEND_HASH_FILL_END();
	efree(emails);

	out = zend_new_array(6);
	ZVAL_ARR(&z, fl);
	zend_hash_str_update(out, "flags", 5, &z);
	ZVAL_ARR(&z, uid);
	zend_hash_str_update(out, "userid", 6, &z);
	ZVAL_ARR(&z, un);
	zend_hash_str_update(out, "username", 8, &z);
	ZVAL_ARR(&z, rid);
	zend_hash_str_update(out, "roleid", 6, &z);
	ZVAL_ARR(&z, ref);
	zend_hash_str_update(out, "reference", 9, &z);
	ZVAL_ARR(&z, em);
	zend_hash_str_update(out, "email", 5, &z);
	array_init(return_value);
	ZVAL_ARR(&z, out);
	zend_hash_str_update(Z_ARRVAL_P(return_value), "participants", 12, &z);
}

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_floor, 0, 3, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, order, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, facts, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, plan, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

static const zend_function_entry fl_functions[] = {
	ZEND_FE(shop_setup_floor, arginfo_shop_setup_floor)
	ZEND_FE_END
};

static PHP_MINIT_FUNCTION(shop_setup_floor)
{
	static const char *const names[16] = {"email", "firstname", "lastname", "city", "institution", "phone2", "id",
		"username", "auth", "suspended", "deleted", "courseid", "userid", "status", "timestart", "timeend"};
	static const char *const names2[4] = {"roles", "roleid", "contextuserid", "users"};
	int k;
	for (k = 0; k < 16; k++) fk[k] = zend_string_init_interned(names[k], strlen(names[k]), 1);
	for (k = 0; k < 4; k++) fk2[k] = zend_string_init_interned(names2[k], strlen(names2[k]), 1);
	return SUCCESS;
}

zend_module_entry shop_setup_floor_module_entry = {
	STANDARD_MODULE_HEADER, "shop_setup_floor", fl_functions, PHP_MINIT(shop_setup_floor),
	NULL, NULL, NULL, NULL, "0", STANDARD_MODULE_PROPERTIES
};

#ifdef COMPILE_DL_SHOP_SETUP_FLOOR
ZEND_GET_MODULE(shop_setup_floor)
#endif
