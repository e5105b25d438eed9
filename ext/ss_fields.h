/*
 * shop_setup binding: the fields of a row of PHP's arrays, read the way every
 * reader of an order or of facts reads them. Also included by
 * bench/floor/floor.c, the benchmark's floor, which must read exactly as the
 * binding does (a copy of its own once kept a comparison the binding had
 * dropped, and under OPcache it measured that instead of the floor).
 */
#ifndef SS_FIELDS_H
#define SS_FIELDS_H

#include "php.h"

/* A value found in a table: through INDIRECT (object properties) and references; NULL when unset. */
static zval *ss_found(zval *zv)
{
	if (zv) {
		if (Z_TYPE_P(zv) == IS_INDIRECT) zv = Z_INDIRECT_P(zv);
		ZVAL_DEREF(zv);
		if (Z_TYPE_P(zv) == IS_UNDEF) return NULL;
	}
	return zv;
}

/*
 * A row's j-th key last time, and which name it matched (count: none): the
 * rows of one list mostly share their keys, in one order, so the first
 * comparison usually hits.
 */
typedef struct ss_field_guess {
	zend_string *key[12];
	unsigned char at[12];
} ss_field_guess;

/*
 * The fields names[0..count) of a row (NULL when absent). A participant or a
 * fact row holds a handful of keys: one pass over them costs less than a hash
 * lookup per field. Each key is compared first with the key the row before
 * had at that place, by pointer: the rows of one list are mostly made by one
 * piece of code, whose literal keys are one interned string each. Only a key
 * that differs is compared with the names, by pointer then by bytes. (Under
 * OPcache a script's literals are OPcache's interned strings, not K()'s:
 * compared with the names first, every key of every row went to its bytes,
 * 5% of a call at 10,000 participants.) A participant's fields: email,
 * firstname, lastname, city, institution, phone2.
 */
static void ss_fields(HashTable *ht, zend_string *const *names, int count, zval **f, ss_field_guess *g)
{
	zend_string *key;
	Bucket *p, *end;
	int k;
	uint32_t j = 0;

	if (zend_hash_num_elements(ht) > 12) {
		for (k = 0; k < count; k++) f[k] = ss_found(zend_hash_find(ht, names[k]));
		return;
	}
	for (k = 0; k < count; k++) f[k] = NULL;
	if (HT_IS_PACKED(ht)) return;   /* integer keys only */
	/* The buckets in order (what ZEND_HASH_FOREACH_STR_KEY_VAL visits); at most
	 * 12 elements, hence j < 12. */
	for (p = ht->arData, end = p + ht->nNumUsed; p != end; p++) {
		if (Z_TYPE(p->val) == IS_UNDEF) continue;
		key = p->key;
		if (key) {
			k = g->at[j];
			/* Usually the very key the row before had here: one pointer
			 * comparison. Every row's keys stay alive during the call, so
			 * the same pointer is the same bytes. */
			if (UNEXPECTED(key != g->key[j])) {
				if (!(k < count && zend_string_equals(key, names[k]))) {
					for (k = 0; k < count && !zend_string_equals(key, names[k]); k++);
					g->at[j] = (unsigned char)k;
				}
				g->key[j] = key;
			}
			/* Below IS_REFERENCE (and not UNDEF): the value itself, as ss_found() would give it. */
			if (k < count) f[k] = EXPECTED(Z_TYPE(p->val) < IS_REFERENCE) ? &p->val : ss_found(&p->val);
		}
		j++;
	}
}

#endif
