/*
 * shop_setup core: remote provisioning policy, Zend-free.
 *
 * What does not need PHP or libcurl lives here, so that it is unit-tested
 * (tests/core/test_remote.c) and fuzzable alone:
 *   - Moodle REST form encoding (users[0][email]=...), RFC 3986 escaping,
 *     with a count of the input variables a request costs;
 *   - a batch queue that cuts the items of one web-service call into chunks
 *     under the server's max_input_vars, and bisects a chunk that Moodle
 *     rejected as a whole (its batches are all or nothing) down to the culprit;
 *   - the retry policy: which outcomes may be retried blindly, which must be
 *     verified first, exponential backoff with jitter;
 *   - the classification of Moodle error codes (site-wide vs record-level).
 * The curl multi loop and the JSON answers live in ext/php_remote.c.
 */
#ifndef SS_REMOTE_H
#define SS_REMOTE_H

#include "ss_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- form encoding ---------------------------------------------------- */

/* An application/x-www-form-urlencoded body, and how many input variables it holds. */
typedef struct ss_form {
	ss_buf buf;
	size_t vars;
} ss_form;

#define SS_FORM_INIT {SS_BUF_INIT, 0}

/* Appends s percent-encoded per RFC 3986 (only ALPHA DIGIT - . _ ~ stay as is). */
int ss_url_escape(ss_buf *b, const char *s, size_t len);
/* Appends "&key=value" (no '&' first); key and value are escaped. Counts one variable. */
int ss_form_add(ss_form *f, const char *key, size_t klen, const char *val, size_t vlen);
int ss_form_add_int(ss_form *f, const char *key, size_t klen, long long v);
/*
 * Moodle's array encoding: "<name>[<index>][<field>]" (field NULL: "<name>[<index>]").
 * Writes into out (cap bytes, NUL-terminated); returns the length, or 0 when it does not fit.
 */
size_t ss_form_key(char *out, size_t cap, const char *name, size_t index, const char *field);
void ss_form_free(ss_form *f);

/* ---- batches: chunking and bisection ----------------------------------- */

typedef struct ss_range {
	size_t lo, hi;       /* items [lo, hi) */
	unsigned attempt;    /* transport attempts already made for this range */
} ss_range;

enum {
	SS_ITEM_PENDING = 0, /* waits in the queue */
	SS_ITEM_SENT,        /* in a request in flight */
	SS_ITEM_DONE,
	SS_ITEM_FAILED,
	SS_ITEM_VERIFY       /* outcome unknown: look it up before sending again */
};

typedef struct ss_batch {
	size_t n;
	unsigned char *state;      /* SS_ITEM_* per item */
	const uint32_t *vars;      /* input variables each item costs (borrowed) */
	size_t budget;             /* variables per request, meta variables excluded */
	size_t max_items;          /* items per request (0: no limit) */
	ss_range *q;               /* FIFO of ranges ready to send */
	size_t qhead, qlen, qcap;
	size_t bisections;         /* ranges split because Moodle rejected them whole */
} ss_batch;

/*
 * Queues every item in chunks: consecutive items, at most max_items of them,
 * whose variables add up to at most budget (an item over budget alone is a
 * chunk of one: the caller rejects it before). Returns 0, or -1 on OOM;
 * call ss_batch_free() in both cases.
 */
int ss_batch_init(ss_batch *b, const uint32_t *vars, size_t n, size_t budget, size_t max_items);
void ss_batch_free(ss_batch *b);
/* Pops the next range to send and marks its items SENT. Returns 0 when the queue is empty. */
int ss_batch_next(ss_batch *b, ss_range *out);
/* Queues r again (transport retry of an unchanged range). */
int ss_batch_retry(ss_batch *b, ss_range r);
/*
 * Moodle rejected r as a whole (a record-level error). A range of one item:
 * the item is FAILED and 1 is returned (the culprit). Otherwise r is split in
 * two halves that are queued, and 0 is returned; -1 on OOM.
 */
int ss_batch_reject(ss_batch *b, ss_range r);
/* Marks items of r. */
void ss_batch_mark(ss_batch *b, ss_range r, int state);
/*
 * Queues again the PENDING items of r, as maximal runs of consecutive pending
 * items cut in chunks under the (possibly reduced) budget. Returns 0 or -1.
 */
int ss_batch_requeue_pending(ss_batch *b, ss_range r);
/*
 * Lowers (or raises) the variable budget; ranges already queued are cut again
 * under the new budget, so that nothing queued exceeds it. Returns 0 or -1.
 */
int ss_batch_set_budget(ss_batch *b, size_t budget);
/* Counts items in a state. */
size_t ss_batch_count(const ss_batch *b, int state);

/* ---- retry policy ------------------------------------------------------ */

typedef enum ss_transport {
	SS_T_OK = 0,      /* an HTTP answer arrived in full */
	SS_T_CONNECT,     /* could not connect / resolve: nothing was sent */
	SS_T_TIMEOUT,     /* timed out: the request may have been processed */
	SS_T_DROPPED,     /* connection closed or answer cut: may have been processed */
	SS_T_FATAL        /* TLS failure, bad URL, out of memory: do not retry */
} ss_transport;

typedef enum ss_outcome {
	SS_O_ANSWER = 0,  /* a JSON answer to interpret */
	SS_O_RETRY,       /* nothing happened on the server: send again after backoff */
	SS_O_UNKNOWN,     /* may have happened: a read is retried, a write is verified first */
	SS_O_FAIL         /* give up */
} ss_outcome;

/*
 * Classifies one exchange: the transport result, the HTTP status, and
 * whether the body is valid JSON. HTTP 5xx and invalid JSON are UNKNOWN
 * (a proxy or a PHP fatal error after the commit looks the same), 4xx FAIL.
 */
ss_outcome ss_remote_classify(ss_transport t, long http_status, int body_is_json);

/*
 * Backoff before attempt number `attempt` (1 = first retry): exponential
 * from base_ms, capped at cap_ms, with "equal jitter" (half fixed, half
 * random from rnd) so that parallel clients do not retry in lock step.
 */
uint32_t ss_backoff_ms(unsigned attempt, uint32_t base_ms, uint32_t cap_ms, uint32_t rnd);

/* ---- Moodle errors ----------------------------------------------------- */

typedef enum ss_errclass {
	SS_E_RECORD = 0,  /* may come from one record of a batch: bisect */
	SS_E_SITE         /* token, access, maintenance: every call fails, stop */
} ss_errclass;

ss_errclass ss_remote_error_class(const char *errorcode, size_t len);

#ifdef __cplusplus
}
#endif
#endif
