/*
 * shop_setup: helpers shared by the binding files (ext/php_*.c).
 * Each php_*.c file implements the PHP_FUNCTIONs of one area; the core they
 * call lives in ext/core/ and knows nothing of Zend.
 */
#ifndef SHOP_SETUP_BINDING_H
#define SHOP_SETUP_BINDING_H

#include "php.h"

/* Appends a printable rendering of s (at most max bytes, non-printables as \xNN) to buf. */
void shop_setup_quote(smart_str *buf, const char *s, size_t len, size_t max);

/* Start-up of the handler-parameter area (ext/php_params.c): interns the known keys. */
void shop_setup_params_minit(void);

/* Session planner (ext/php_session.c): interned keys, made once at start-up. */
void shop_setup_session_minit(void);

#endif
