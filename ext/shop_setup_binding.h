/*
 * shop_setup: helpers shared by the binding files (ext/php_*.c).
 * Each php_*.c file implements the PHP_FUNCTIONs of one area; the core they
 * call lives in ext/core/ and knows nothing of Zend.
 */
#ifndef SHOP_SETUP_BINDING_H
#define SHOP_SETUP_BINDING_H

#include "php.h"

/* Appends a printable rendering of s to buf: at most max bytes, cut on a character
 * boundary; well-formed UTF-8 kept, control characters and ill-formed bytes as \xNN,
 * so that the message is valid UTF-8 whatever s holds. */
void shop_setup_quote(smart_str *buf, const char *s, size_t len, size_t max);

/* Start-up of the handler-parameter area (ext/php_params.c): interns the known keys. */
void shop_setup_params_minit(void);

/* Session planner (ext/php_session.c): interned keys, made once at start-up. */
void shop_setup_session_minit(void);

#endif
