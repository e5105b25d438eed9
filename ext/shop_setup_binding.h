/*
 * shop_setup: helpers shared by the binding files (ext/php_*.c).
 * Each php_*.c file implements the PHP_FUNCTIONs of one area; the core they
 * call lives in ext/core/ and knows nothing of Zend.
 */
#ifndef SHOP_SETUP_BINDING_H
#define SHOP_SETUP_BINDING_H

#include "php.h"

#if PHP_VERSION_ID < 80200
/* Arrived in PHP 8.2 (Zend/zend_string.h, the same definition). Without it a
 * binding built on 8.1 links lazily and dies with "undefined symbol" when the
 * call is first reached. */
static zend_always_inline bool zend_string_equals_cstr(const zend_string *s1, const char *s2, size_t s2_length)
{
	return ZSTR_LEN(s1) == s2_length && !memcmp(ZSTR_VAL(s1), s2, s2_length);
}
#endif

/* Appends a printable rendering of s to buf: at most max bytes, cut on a character
 * boundary; well-formed UTF-8 kept, control characters and ill-formed bytes as \xNN,
 * so that the message is valid UTF-8 whatever s holds. */
void shop_setup_quote(smart_str *buf, const char *s, size_t len, size_t max);

/* Start-up of the handler-parameter area (ext/php_params.c): interns the known keys. */
void shop_setup_params_minit(void);

/* Bits of the 'flags' column of a plan in columns format (SHOP_SETUP_* constants). */
#define SHOP_SETUP_F_CREATE_USER 1
#define SHOP_SETUP_F_ENROL 2
#define SHOP_SETUP_F_ASSIGN_ROLE 4
#define SHOP_SETUP_F_ADD_MEMBER 8
#define SHOP_SETUP_F_ASSIGN_OPERATOR_ROLE 16
#define SHOP_SETUP_F_ASSIGN_MIRROR_ROLE 32
#define SHOP_SETUP_F_CREATE_PRODUCT 64
#define SHOP_SETUP_F_REUSE 256
#define SHOP_SETUP_F_CREATE 512
#define SHOP_SETUP_F_ATTACH 1024
#define SHOP_SETUP_F_ERROR 2048

/*
 * A scratch mapping (huge pages) for the core's allocations during one
 * shop_setup_session() call on a big order (ext/shop_setup.c). begin: reserve
 * is the estimated working set (a no-op when small, under USE_ZEND_ALLOC=0 or
 * without madvise); end: everything carved from it is free again, and the
 * mapping is kept for the request's next call or unmapped. Nothing allocated
 * in between may outlive the call.
 */
void shop_setup_scratch_begin(size_t reserve);
void shop_setup_scratch_end(int keep);   /* keep: the call went well, the scratch may serve the next */

/* Session planner (ext/php_session.c): interned keys, made once at start-up. */
void shop_setup_session_minit(void);

#endif
