/* shop_setup core: the local_shop handler parameter string (key1=value1&key2=value2). */
#ifndef SS_PARAMS_H
#define SS_PARAMS_H

#include "ss_common.h"

typedef enum ss_params_status {
	SS_PARAMS_OK = 0,
	SS_PARAMS_E_ESCAPE,    /* '%' not followed by two hex digits */
	SS_PARAMS_E_NUL,       /* raw NUL byte or %00 */
	SS_PARAMS_E_UTF8,      /* decoded key or value is not well-formed UTF-8 */
	SS_PARAMS_E_EMPTY_KEY, /* "=value" */
	SS_PARAMS_E_TOO_LONG,  /* input longer than SS_MAX_PARAMS_LEN */
	SS_PARAMS_E_NOMEM,
	SS_PARAMS_E_CALLBACK   /* the callback asked to stop */
} ss_params_status;

#define SS_PARAMS_ERR_KEY_MAX 200

typedef struct ss_params_error {
	ss_params_status status;
	size_t offset;      /* byte offset in the input of the offending byte or escape */
	char key[SS_PARAMS_ERR_KEY_MAX + 1]; /* decoded key of the offending pair, NUL-terminated */
	size_t key_len;     /* bytes in key (cut at SS_PARAMS_ERR_KEY_MAX) */
	int in_value;       /* 1 when the fault is in the value */
} ss_params_error;

/* Where a pair stands in the input, for diagnostics. */
typedef struct ss_params_pair {
	const char *key;
	size_t key_len;
	const char *value;
	size_t value_len;
	size_t offset;      /* byte offset of the key's first byte */
	size_t value_offset;/* byte offset of the value's first byte (after the '=' and white space) */
	int has_equals;     /* 0 for "flag" without '=' */
} ss_params_pair;

/* Return non-zero to stop parsing (status SS_PARAMS_E_CALLBACK). */
typedef int (*ss_params_cb)(void *ctx, const ss_params_pair *pair);
/* Called on each lexical error in recovering mode; return non-zero to stop. */
typedef int (*ss_params_err_cb)(void *ctx, const ss_params_error *err);

/*
 * Splits s on '&', each pair on its first raw '=', and URL-decodes key and value
 * the way PHP's urldecode() does ('+' is a space, %XX a byte) except that a
 * malformed escape is an error. Raw ASCII white space around a pair is dropped;
 * empty pairs ("&&", a trailing '&') are skipped. Stops at the first error.
 */
ss_params_status ss_params_parse(const char *s, size_t len, ss_params_cb cb, void *ctx, ss_params_error *err);

/*
 * Recovering mode, for diagnostics: on a lexical error in a pair, reports it to
 * ecb and resumes after the next raw '&', so that every faulty pair is
 * reported. Faulty pairs are not passed to cb. Returns SS_PARAMS_OK when no
 * error was found, else the status of the first error (SS_PARAMS_E_TOO_LONG
 * and SS_PARAMS_E_NOMEM stop at once; a non-zero answer of cb or ecb stops
 * with SS_PARAMS_E_CALLBACK).
 */
ss_params_status ss_params_scan(const char *s, size_t len, ss_params_cb cb, void *ctx,
	ss_params_err_cb ecb, void *ectx, ss_params_error *err);

/*
 * Maps an offset inside a decoded span back to the input: raw is the input
 * offset where the span starts (ss_params_pair.offset or value_offset), n the
 * offset in the decoded key or value. Valid for spans ss_params_parse accepted.
 */
size_t ss_params_input_offset(const char *s, size_t len, size_t raw, size_t n);

/* A stable English description of a status, for messages. */
const char *ss_params_status_message(ss_params_status st);

#endif
