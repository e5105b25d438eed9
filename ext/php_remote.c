/*
 * shop_setup: remote provisioning over Moodle's REST web services (libcurl).
 *
 *   shop_setup_remote_lookup($lookups, $endpoint, $token, $options): $facts
 *   shop_setup_remote_apply($plan, $endpoint, $token, $options): $report
 *
 * One curl multi handle runs the requests of a phase in parallel (at most
 * `concurrency` at once). The policy (form encoding, chunking under
 * max_input_vars, bisection of rejected batches, retry classification,
 * backoff) is the Zend-free ext/core/ss_remote.c; this file holds the curl
 * loop, the JSON answers (PHP's ext/json, always present) and the
 * translation between plans/facts and web-service calls.
 *
 * The token is only ever written into request bodies: never into a URL, a
 * message, a warning, the report or phpinfo().
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "zend_exceptions.h"
#include "ext/spl/spl_exceptions.h"
#include "php_shop_setup.h"
#include "shop_setup_binding.h"
#include "core/ss_remote.h"

#ifdef SHOP_SETUP_HAVE_CURL

#include "ext/json/php_json.h"
#include <curl/curl.h>
#ifdef PHP_WIN32
# include <windows.h>
#else
# include <time.h>
# include <unistd.h>
#endif

#define RM_MAX_ANSWER ((size_t)256 * 1024 * 1024)
#define RM_META_VARS 3 /* wstoken, wsfunction, moodlewsrestformat */

/* ---- options ------------------------------------------------------------ */

typedef struct rm_opts {
	zend_long max_input_vars, max_items, concurrency, connect_timeout_ms, timeout_ms;
	zend_long retries, backoff_ms, backoff_max_ms, username_probe, domain_probe;
	bool insecure, exact_email_only;
	zend_string *cainfo;
	HashTable *roles, *privileged, *products;
} rm_opts;

/* ---- client, jobs, requests ---------------------------------------------- */

typedef struct rm_client {
	CURLM *multi;
	rm_opts o;
	smart_str url;
	zend_string *token;
	zend_long requests, retries, bisections;
	bool abort;
	zend_string *abort_code, *abort_msg;
	uint64_t rnd;
} rm_client;

enum {
	K_READ = 0, K_CREATE_USERS, K_CREATE_GROUP, K_ENROL, K_ASSIGN, K_MEMBERS
};

typedef struct rm_job {
	const char *fn;         /* wsfunction */
	const char *arr;        /* array parameter of the items; NULL: one item, its keys at the top */
	zval fixed;             /* parameters sent with every chunk (array) */
	zval items;             /* packed array: one zval per item */
	uint32_t *vars;
	uint32_t maxvars;
	ss_batch batch;
	int kind;
	bool write, idempotent;
	uint32_t *opidx;        /* apply: item -> index in the operation table */
	zval answers;           /* reads: the decoded answers, in arrival order */
	zend_string *err;       /* reads: the first failure */
	struct rm_apply *ap;
} rm_job;

typedef struct rm_req {
	CURL *h;
	rm_job *job;
	ss_range range;
	ss_form form;
	smart_str resp;
	bool overflow;
	uint64_t due;
	char errbuf[CURL_ERROR_SIZE];
} rm_req;

static uint64_t rm_now_ms(void)
{
#ifdef PHP_WIN32
	return (uint64_t)GetTickCount64();
#else
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
#endif
}

static void rm_sleep_ms(uint64_t ms)
{
#ifdef PHP_WIN32
	Sleep((DWORD)ms);
#else
	usleep((useconds_t)(ms * 1000));
#endif
}

static uint32_t rm_rand(rm_client *c)
{
	/* xorshift64*: jitter only, no security role. */
	c->rnd ^= c->rnd >> 12;
	c->rnd ^= c->rnd << 25;
	c->rnd ^= c->rnd >> 27;
	return (uint32_t)((c->rnd * UINT64_C(2685821657736338717)) >> 32);
}

/* Appends a zval to the form: arrays become key[sub], as Moodle's REST server reads them. */
static int rm_encode(ss_form *f, smart_str *key, zval *v)
{
	size_t keep = ZSTR_LEN(key->s);
	ZVAL_DEREF(v);
	switch (Z_TYPE_P(v)) {
	case IS_ARRAY: {
		zend_ulong idx;
		zend_string *k;
		zval *e;
		ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(v), idx, k, e) {
			smart_str_appendc(key, '[');
			if (k) {
				smart_str_append(key, k);
			} else {
				smart_str_append_unsigned(key, idx);
			}
			smart_str_appendc(key, ']');
			if (rm_encode(f, key, e) != 0) {
				return -1;
			}
			ZSTR_LEN(key->s) = keep;
		} ZEND_HASH_FOREACH_END();
		return 0;
	}
	case IS_LONG:
		return ss_form_add_int(f, ZSTR_VAL(key->s), ZSTR_LEN(key->s), Z_LVAL_P(v));
	case IS_STRING:
		return ss_form_add(f, ZSTR_VAL(key->s), ZSTR_LEN(key->s), Z_STRVAL_P(v), Z_STRLEN_P(v));
	case IS_TRUE:
		return ss_form_add(f, ZSTR_VAL(key->s), ZSTR_LEN(key->s), "1", 1);
	case IS_FALSE:
		return ss_form_add(f, ZSTR_VAL(key->s), ZSTR_LEN(key->s), "0", 1);
	default:
		return 0;
	}
}

static int rm_encode_top(ss_form *f, const char *name, zval *v)
{
	smart_str key = {0};
	int rc;
	smart_str_appends(&key, name);
	smart_str_0(&key);
	rc = rm_encode(f, &key, v);
	smart_str_free(&key);
	return rc;
}

static uint32_t rm_count_vars(zval *v)
{
	uint32_t n = 0;
	zval *e;
	ZVAL_DEREF(v);
	if (Z_TYPE_P(v) != IS_ARRAY) {
		return Z_TYPE_P(v) == IS_NULL ? 0 : 1;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), e) {
		n += rm_count_vars(e);
	} ZEND_HASH_FOREACH_END();
	return n;
}

static rm_job *rm_job_new(const char *fn, const char *arr, int kind)
{
	rm_job *j = ecalloc(1, sizeof *j);
	j->fn = fn;
	j->arr = arr;
	j->kind = kind;
	array_init(&j->fixed);
	array_init(&j->items);
	array_init(&j->answers);
	return j;
}

/* Adds an item (takes the zval's reference); op is its operation index (apply). */
static void rm_job_add(rm_job *j, zval *item)
{
	zend_hash_next_index_insert(Z_ARRVAL(j->items), item);
}

/* Chunks the items: call once every item is added. */
static void rm_job_ready(rm_client *c, rm_job *j, zend_long max_items)
{
	uint32_t n = zend_hash_num_elements(Z_ARRVAL(j->items)), i = 0, fixed;
	size_t budget;
	zval *e;

	j->vars = safe_emalloc(n ? n : 1, sizeof *j->vars, 0);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(j->items), e) {
		j->vars[i] = rm_count_vars(e);
		if (j->vars[i] > j->maxvars) {
			j->maxvars = j->vars[i];
		}
		i++;
	} ZEND_HASH_FOREACH_END();
	fixed = rm_count_vars(&j->fixed) + RM_META_VARS;
	budget = (size_t)c->o.max_input_vars > fixed ? (size_t)c->o.max_input_vars - fixed : 1;
	if (!j->arr) {
		max_items = 1;
	}
	if (ss_batch_init(&j->batch, j->vars, n, budget, (size_t)max_items) != 0) {
		zend_error_noreturn(E_ERROR, "shop_setup: out of memory");
	}
}

static void rm_job_free(rm_job *j)
{
	if (!j) {
		return;
	}
	zval_ptr_dtor(&j->fixed);
	zval_ptr_dtor(&j->items);
	zval_ptr_dtor(&j->answers);
	if (j->err) {
		zend_string_release(j->err);
	}
	if (j->vars) {
		efree(j->vars);
	}
	if (j->opidx) {
		efree(j->opidx);
	}
	ss_batch_free(&j->batch);
	efree(j);
}

static zval *rm_item(rm_job *j, size_t i)
{
	return zend_hash_index_find(Z_ARRVAL(j->items), i);
}

static size_t rm_write_cb(char *p, size_t size, size_t nmemb, void *ud)
{
	rm_req *r = ud;
	size_t n = size * nmemb;
	if ((r->resp.s ? ZSTR_LEN(r->resp.s) : 0) + n > RM_MAX_ANSWER) {
		r->overflow = true;
		return 0;
	}
	smart_str_appendl(&r->resp, p, n);
	return n;
}

static rm_req *rm_req_new(rm_client *c, rm_job *j, ss_range range)
{
	rm_req *r = ecalloc(1, sizeof *r);
	ss_form *f = &r->form;
	size_t i;
	zend_string *k;
	zval *v;

	r->job = j;
	r->range = range;
	/*
	 * wsfunction goes LAST: PHP drops the variables past max_input_vars from the
	 * end, so a truncated request loses wsfunction first and Moodle refuses it
	 * (invalidparameter) instead of silently processing part of the records.
	 */
	if (ss_form_add(f, "wstoken", 7, ZSTR_VAL(c->token), ZSTR_LEN(c->token)) != 0
		|| ss_form_add(f, "moodlewsrestformat", 18, "json", 4) != 0) {
		zend_error_noreturn(E_ERROR, "shop_setup: out of memory");
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL(j->fixed), k, v) {
		if (k && rm_encode_top(f, ZSTR_VAL(k), v) != 0) {
			zend_error_noreturn(E_ERROR, "shop_setup: out of memory");
		}
	} ZEND_HASH_FOREACH_END();
	for (i = range.lo; i < range.hi; i++) {
		zval *item = rm_item(j, i);
		if (j->arr) {
			smart_str key = {0};
			int rc;
			smart_str_appends(&key, j->arr);
			smart_str_appendc(&key, '[');
			smart_str_append_unsigned(&key, i - range.lo);
			smart_str_appendc(&key, ']');
			smart_str_0(&key);
			rc = rm_encode(f, &key, item);
			smart_str_free(&key);
			if (rc != 0) {
				zend_error_noreturn(E_ERROR, "shop_setup: out of memory");
			}
		} else {
			ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(item), k, v) {
				if (k && rm_encode_top(f, ZSTR_VAL(k), v) != 0) {
					zend_error_noreturn(E_ERROR, "shop_setup: out of memory");
				}
			} ZEND_HASH_FOREACH_END();
		}
	}
	if (ss_form_add(f, "wsfunction", 10, j->fn, strlen(j->fn)) != 0) {
		zend_error_noreturn(E_ERROR, "shop_setup: out of memory");
	}
	return r;
}

static void rm_req_free(rm_req *r)
{
	if (r->h) {
		curl_easy_cleanup(r->h);
	}
	ss_form_free(&r->form);
	smart_str_free(&r->resp);
	efree(r);
}

static void rm_req_start(rm_client *c, rm_req *r)
{
	CURL *h;
	if (r->h) {
		curl_easy_cleanup(r->h);
	}
	smart_str_free(&r->resp);
	r->overflow = false;
	r->errbuf[0] = '\0';
	h = r->h = curl_easy_init();
	if (!h) {
		zend_error_noreturn(E_ERROR, "shop_setup: curl_easy_init() failed");
	}
	curl_easy_setopt(h, CURLOPT_URL, ZSTR_VAL(c->url.s));
	curl_easy_setopt(h, CURLOPT_POST, 1L);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, r->form.buf.p ? r->form.buf.p : "");
	curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)r->form.buf.len);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, rm_write_cb);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(h, CURLOPT_PRIVATE, r);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, r->errbuf);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, (long)c->o.connect_timeout_ms);
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, (long)c->o.timeout_ms);
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(h, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, c->o.insecure ? 0L : 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, c->o.insecure ? 0L : 2L);
	if (c->o.cainfo) {
		curl_easy_setopt(h, CURLOPT_CAINFO, ZSTR_VAL(c->o.cainfo));
	}
	curl_easy_setopt(h, CURLOPT_USERAGENT, "shop_setup/" PHP_SHOP_SETUP_VERSION);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
	curl_multi_add_handle(c->multi, h);
	c->requests++;
}

/* ---- outcomes ------------------------------------------------------------- */

typedef struct rm_apply rm_apply;
static void rm_on_answer(rm_client *c, rm_job *j, ss_range r, zval *ans);
static int rm_on_reject(rm_client *c, rm_job *j, size_t item, const char *code, const char *msg);
static bool rm_recheck_batch(rm_job *j, ss_range r, const char *code, const char *msg);
static void rm_on_fail(rm_client *c, rm_job *j, size_t item, const char *code, const char *msg);
static void rm_lost_range(rm_job *j, ss_range r, const char *code, const char *msg);

static void rm_fail_range(rm_client *c, rm_job *j, ss_range r, const char *code, const char *msg)
{
	size_t i;
	ss_batch_mark(&j->batch, r, SS_ITEM_FAILED);
	if (j->kind == K_READ) {
		if (!j->err) {
			j->err = strpprintf(0, "%s failed: %s: %s", j->fn, code, msg);
		}
		return;
	}
	for (i = r.lo; i < r.hi; i++) {
		rm_on_fail(c, j, i, code, msg);
	}
}

static void rm_moodle_error(rm_client *c, rm_job *j, ss_range r, const char *code, const char *msg)
{
	if (ss_remote_error_class(code, strlen(code)) == SS_E_SITE) {
		if (!c->abort) {
			c->abort = true;
			c->abort_code = zend_string_init(code, strlen(code), 0);
			c->abort_msg = zend_string_init(msg, strlen(msg), 0);
		}
		rm_fail_range(c, j, r, code, msg);
		return;
	}
	if (j->kind == K_READ) {
		rm_fail_range(c, j, r, code, msg);
		return;
	}
	if (r.hi - r.lo == 1) {
		ss_batch_mark(&j->batch, r, rm_on_reject(c, j, r.lo, code, msg));
		return;
	}
	if (rm_recheck_batch(j, r, code, msg)) {
		return;
	}
	/* All or nothing: find the culprit by halves; the good records go through. */
	c->bisections++;
	if (ss_batch_reject(&j->batch, r) < 0) {
		zend_error_noreturn(E_ERROR, "shop_setup: out of memory");
	}
}

static const char *rm_str(zval *arr, const char *key)
{
	zval *v = Z_TYPE_P(arr) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(arr), key, strlen(key)) : NULL;
	return v && Z_TYPE_P(v) == IS_STRING ? Z_STRVAL_P(v) : NULL;
}

static zend_long rm_long(zval *arr, const char *key)
{
	zval *v = Z_TYPE_P(arr) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(arr), key, strlen(key)) : NULL;
	if (!v) {
		return 0;
	}
	if (Z_TYPE_P(v) == IS_LONG) {
		return Z_LVAL_P(v);
	}
	if (Z_TYPE_P(v) == IS_TRUE) {
		return 1;
	}
	if (Z_TYPE_P(v) == IS_STRING) {
		return ZEND_STRTOL(Z_STRVAL_P(v), NULL, 10);
	}
	return 0;
}

/* Returns true when the request must be sent again later (r is kept). */
static bool rm_req_done(rm_client *c, rm_req *r, CURLcode rc)
{
	rm_job *j = r->job;
	long status = 0;
	ss_transport t;
	ss_outcome out;
	zval ans;
	bool json = false;
	const char *code = NULL;
	char msg[CURL_ERROR_SIZE + 64];

	ZVAL_UNDEF(&ans);
	curl_easy_getinfo(r->h, CURLINFO_RESPONSE_CODE, &status);
	switch (rc) {
	case CURLE_OK: t = SS_T_OK; break;
	case CURLE_COULDNT_CONNECT: case CURLE_COULDNT_RESOLVE_HOST: case CURLE_COULDNT_RESOLVE_PROXY:
		t = SS_T_CONNECT; code = "connectfailed"; break;
	case CURLE_OPERATION_TIMEDOUT:
		/* Even a connect timeout is counted as unknown: curl does not say which phase expired. */
		t = SS_T_TIMEOUT; code = "timeout"; break;
	case CURLE_GOT_NOTHING: case CURLE_RECV_ERROR: case CURLE_SEND_ERROR: case CURLE_PARTIAL_FILE:
		t = SS_T_DROPPED; code = "connectionlost"; break;
	case CURLE_WRITE_ERROR:
		t = SS_T_FATAL; code = r->overflow ? "answertoolarge" : "transporterror"; break;
	default:
		t = SS_T_FATAL; code = "transporterror"; break;
	}
	if (t == SS_T_OK && status == 200) {
		smart_str_0(&r->resp);
		json = r->resp.s && php_json_decode_ex(&ans, ZSTR_VAL(r->resp.s), ZSTR_LEN(r->resp.s),
			PHP_JSON_OBJECT_AS_ARRAY, 512) == SUCCESS;
		if (!json) {
			code = "invalidjson";
		}
	} else if (t == SS_T_OK) {
		code = "httperror";
	}
	out = ss_remote_classify(t, status, json);
	if (code) {
		if (strcmp(code, "httperror") == 0) {
			snprintf(msg, sizeof msg, "HTTP status %ld", status);
		} else if (strcmp(code, "invalidjson") == 0) {
			snprintf(msg, sizeof msg, "the answer is not JSON (%zu bytes)", r->resp.s ? ZSTR_LEN(r->resp.s) : (size_t)0);
		} else {
			snprintf(msg, sizeof msg, "%s", r->errbuf[0] ? r->errbuf : curl_easy_strerror(rc));
		}
	}

	switch (out) {
	case SS_O_ANSWER:
		if (Z_TYPE(ans) == IS_ARRAY && rm_str(&ans, "errorcode") && zend_hash_str_exists(Z_ARRVAL(ans), "exception", 9)) {
			const char *m = rm_str(&ans, "message");
			rm_moodle_error(c, j, r->range, rm_str(&ans, "errorcode"), m ? m : "");
		} else {
			rm_on_answer(c, j, r->range, &ans);
		}
		break;
	case SS_O_RETRY:
	case SS_O_UNKNOWN:
		if (out == SS_O_UNKNOWN && j->write && !j->idempotent) {
			/* It may have been applied: look it up before sending anything again. */
			rm_lost_range(j, r->range, code, msg);
			break;
		}
		if (c->abort || r->range.attempt >= (unsigned)c->o.retries) {
			if (t == SS_T_CONNECT && !c->abort) {
				/* The site cannot be reached at all: every other call would fail alike. */
				c->abort = true;
				c->abort_code = zend_string_init(code, strlen(code), 0);
				c->abort_msg = zend_string_init(msg, strlen(msg), 0);
			}
			rm_fail_range(c, j, r->range, code, msg);
			break;
		}
		r->range.attempt++;
		c->retries++;
		r->due = rm_now_ms() + ss_backoff_ms(r->range.attempt, (uint32_t)c->o.backoff_ms,
			(uint32_t)c->o.backoff_max_ms, rm_rand(c));
		zval_ptr_dtor(&ans);
		return true;
	case SS_O_FAIL:
		rm_fail_range(c, j, r->range, code ? code : "transporterror", msg);
		break;
	}
	zval_ptr_dtor(&ans);
	return false;
}

/* Runs every queued range of the jobs to completion (retries and bisections included). */
static void rm_run(rm_client *c, rm_job **jobs, size_t njobs)
{
	rm_req **delayed = NULL;
	size_t ndelayed = 0, capdelayed = 0, i;
	zend_long active = 0;

	for (;;) {
		uint64_t now = rm_now_ms(), next_due = UINT64_MAX;
		while (active < c->o.concurrency && !c->abort) {
			rm_req *r = NULL;
			for (i = 0; i < ndelayed; i++) {
				if (delayed[i]->due <= now) {
					r = delayed[i];
					delayed[i] = delayed[--ndelayed];
					break;
				}
			}
			for (i = 0; !r && i < njobs; i++) {
				ss_range rg;
				if (jobs[i] && ss_batch_next(&jobs[i]->batch, &rg)) {
					r = rm_req_new(c, jobs[i], rg);
				}
			}
			if (!r) {
				break;
			}
			rm_req_start(c, r);
			active++;
		}
		if (c->abort) {
			/* Requests waiting for a retry will not be sent: their items stay pending. */
			for (i = 0; i < ndelayed; i++) {
				ss_batch_mark(&delayed[i]->job->batch, delayed[i]->range, SS_ITEM_PENDING);
				rm_req_free(delayed[i]);
			}
			ndelayed = 0;
		}
		if (active == 0) {
			if (ndelayed == 0) {
				break;
			}
			for (i = 0; i < ndelayed; i++) {
				next_due = MIN(next_due, delayed[i]->due);
			}
			if (next_due > now) {
				rm_sleep_ms(MIN(next_due - now, 1000));
			}
			continue;
		}
		{
			int running = 0, q;
			CURLMsg *m;
			curl_multi_perform(c->multi, &running);
			while ((m = curl_multi_info_read(c->multi, &q))) {
				rm_req *r = NULL;
				if (m->msg != CURLMSG_DONE) {
					continue;
				}
				curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&r);
				curl_multi_remove_handle(c->multi, r->h);
				active--;
				if (rm_req_done(c, r, m->data.result)) {
					if (ndelayed == capdelayed) {
						capdelayed = capdelayed ? capdelayed * 2 : 8;
						delayed = safe_erealloc(delayed, capdelayed, sizeof *delayed, 0);
					}
					delayed[ndelayed++] = r;
				} else {
					rm_req_free(r);
				}
			}
			if (active > 0) {
				long wait = 100;
				for (i = 0; i < ndelayed; i++) {
					next_due = MIN(next_due, delayed[i]->due);
				}
				if (ndelayed && next_due <= now + 100) {
					wait = next_due > now ? (long)(next_due - now) : 1;
				}
				curl_multi_wait(c->multi, NULL, 0, (int)wait, NULL);
			}
		}
	}
	if (delayed) {
		efree(delayed);
	}
}

/* ---- arguments ------------------------------------------------------------ */

static bool rm_check_endpoint(zend_string *ep, uint32_t argn)
{
	size_t i;
	if (ZSTR_LEN(ep) > 2048) {
		zend_argument_value_error(argn, "must be at most 2048 bytes long");
		return false;
	}
	if (!((ZSTR_LEN(ep) > 8 && strncasecmp(ZSTR_VAL(ep), "https://", 8) == 0)
		|| (ZSTR_LEN(ep) > 7 && strncasecmp(ZSTR_VAL(ep), "http://", 7) == 0))) {
		zend_argument_value_error(argn, "must be an http:// or https:// URL");
		return false;
	}
	for (i = 0; i < ZSTR_LEN(ep); i++) {
		unsigned char ch = (unsigned char)ZSTR_VAL(ep)[i];
		if (ch <= 0x20 || ch >= 0x7f || ch == '?' || ch == '#') {
			zend_argument_value_error(argn, "must be a URL without spaces, control characters, query or fragment (byte %zu)", i);
			return false;
		}
	}
	return true;
}

static bool rm_check_token(zend_string *tok, uint32_t argn)
{
	size_t i;
	/* Never echo the token: only its length and a byte offset. */
	if (ZSTR_LEN(tok) == 0 || ZSTR_LEN(tok) > 256) {
		zend_argument_value_error(argn, "must be 1 to 256 bytes long");
		return false;
	}
	for (i = 0; i < ZSTR_LEN(tok); i++) {
		unsigned char ch = (unsigned char)ZSTR_VAL(tok)[i];
		if (ch <= 0x20 || ch >= 0x7f) {
			zend_argument_value_error(argn, "must be printable ASCII without spaces (byte %zu)", i);
			return false;
		}
	}
	return true;
}

static bool rm_opt_long(zval *v, const char *name, zend_long min, zend_long max, zend_long *out, uint32_t argn)
{
	if (Z_TYPE_P(v) != IS_LONG) {
		zend_argument_type_error(argn, "option \"%s\" must be of type int, %s given", name, zend_zval_type_name(v));
		return false;
	}
	if (Z_LVAL_P(v) < min || Z_LVAL_P(v) > max) {
		zend_argument_value_error(argn, "option \"%s\" must be between " ZEND_LONG_FMT " and " ZEND_LONG_FMT, name, min, max);
		return false;
	}
	*out = Z_LVAL_P(v);
	return true;
}

static bool rm_parse_opts(HashTable *ht, rm_opts *o, uint32_t argn)
{
	zend_string *k;
	zval *v;

	memset(o, 0, sizeof *o);
	o->max_input_vars = 5000;
	o->max_items = 0;
	o->concurrency = 8;
	o->connect_timeout_ms = 10000;
	o->timeout_ms = 120000;
	o->retries = 3;
	o->backoff_ms = 200;
	o->backoff_max_ms = 10000;
	o->username_probe = 3;
	if (!ht) {
		return true;
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(ht, k, v) {
		ZVAL_DEREF(v);
		if (!k) {
			zend_argument_value_error(argn, "must have string keys (option names)");
			return false;
		}
#define RM_OPT(n) zend_string_equals_literal(k, n)
		if (RM_OPT("max_input_vars")) {
			if (!rm_opt_long(v, "max_input_vars", 20, 10000000, &o->max_input_vars, argn)) return false;
		} else if (RM_OPT("max_items")) {
			if (!rm_opt_long(v, "max_items", 0, 10000000, &o->max_items, argn)) return false;
		} else if (RM_OPT("concurrency")) {
			if (!rm_opt_long(v, "concurrency", 1, 64, &o->concurrency, argn)) return false;
		} else if (RM_OPT("connect_timeout_ms")) {
			if (!rm_opt_long(v, "connect_timeout_ms", 1, 600000, &o->connect_timeout_ms, argn)) return false;
		} else if (RM_OPT("timeout_ms")) {
			if (!rm_opt_long(v, "timeout_ms", 1, 3600000, &o->timeout_ms, argn)) return false;
		} else if (RM_OPT("retries")) {
			if (!rm_opt_long(v, "retries", 0, 20, &o->retries, argn)) return false;
		} else if (RM_OPT("backoff_ms")) {
			if (!rm_opt_long(v, "backoff_ms", 0, 60000, &o->backoff_ms, argn)) return false;
		} else if (RM_OPT("backoff_max_ms")) {
			if (!rm_opt_long(v, "backoff_max_ms", 0, 600000, &o->backoff_max_ms, argn)) return false;
		} else if (RM_OPT("email_domain_probe")) {
			if (!rm_opt_long(v, "email_domain_probe", 0, 1000000, &o->domain_probe, argn)) return false;
		} else if (RM_OPT("username_probe")) {
			if (!rm_opt_long(v, "username_probe", 0, 50, &o->username_probe, argn)) return false;
		} else if (RM_OPT("insecure_skip_tls_verify")) {
			if (Z_TYPE_P(v) != IS_TRUE && Z_TYPE_P(v) != IS_FALSE) {
				zend_argument_type_error(argn, "option \"insecure_skip_tls_verify\" must be of type bool, %s given", zend_zval_type_name(v));
				return false;
			}
			o->insecure = Z_TYPE_P(v) == IS_TRUE;
		} else if (RM_OPT("exact_email_only")) {
			if (Z_TYPE_P(v) != IS_TRUE && Z_TYPE_P(v) != IS_FALSE) {
				zend_argument_type_error(argn, "option \"exact_email_only\" must be of type bool, %s given", zend_zval_type_name(v));
				return false;
			}
			o->exact_email_only = Z_TYPE_P(v) == IS_TRUE;
		} else if (RM_OPT("cainfo")) {
			if (Z_TYPE_P(v) != IS_STRING || Z_STRLEN_P(v) == 0 || memchr(Z_STRVAL_P(v), 0, Z_STRLEN_P(v))) {
				zend_argument_value_error(argn, "option \"cainfo\" must be a file path");
				return false;
			}
			o->cainfo = Z_STR_P(v);
		} else if (RM_OPT("roles") || RM_OPT("privileged") || RM_OPT("products")) {
			if (Z_TYPE_P(v) != IS_ARRAY) {
				zend_argument_type_error(argn, "option \"%s\" must be of type array, %s given", ZSTR_VAL(k), zend_zval_type_name(v));
				return false;
			}
			if (RM_OPT("roles")) o->roles = Z_ARRVAL_P(v);
			else if (RM_OPT("privileged")) o->privileged = Z_ARRVAL_P(v);
			else o->products = Z_ARRVAL_P(v);
		} else {
			smart_str m = {0};
			shop_setup_quote(&m, ZSTR_VAL(k), ZSTR_LEN(k), 64);
			smart_str_0(&m);
			zend_argument_value_error(argn, "has an unknown option \"%s\"", ZSTR_VAL(m.s));
			smart_str_free(&m);
			return false;
		}
#undef RM_OPT
	} ZEND_HASH_FOREACH_END();
	if (o->backoff_max_ms < o->backoff_ms) {
		o->backoff_max_ms = o->backoff_ms;
	}
	return true;
}

static void rm_client_init(rm_client *c, zend_string *endpoint, zend_string *token)
{
	memset(c, 0, sizeof *c);
	c->multi = curl_multi_init();
	if (!c->multi) {
		zend_error_noreturn(E_ERROR, "shop_setup: curl_multi_init() failed");
	}
	smart_str_append(&c->url, endpoint);
	while (ZSTR_LEN(c->url.s) > 0 && ZSTR_VAL(c->url.s)[ZSTR_LEN(c->url.s) - 1] == '/') {
		ZSTR_LEN(c->url.s)--;
	}
	smart_str_appends(&c->url, "/webservice/rest/server.php");
	smart_str_0(&c->url);
	c->token = token;
	c->rnd = (uint64_t)rm_now_ms() ^ (uint64_t)(uintptr_t)c ^ UINT64_C(0x9E3779B97F4A7C15);
}

static void rm_client_free(rm_client *c)
{
	curl_multi_cleanup(c->multi);
	smart_str_free(&c->url);
	if (c->abort_code) zend_string_release(c->abort_code);
	if (c->abort_msg) zend_string_release(c->abort_msg);
}

/* Lower-cases ASCII letters only (Moodle's match keys and core_text::strtolower of ASCII). */
static zend_string *rm_lower(const char *s, size_t n)
{
	/* zend_string_tolower() returns a new string (or a new reference) and leaves
	 * its argument to the caller: release it, or every call leaks it. */
	zend_string *in = zend_string_init_fast(s, n), *out = zend_string_tolower(in);
	zend_string_release(in);
	return out;
}

/* ---- shop_setup_remote_lookup --------------------------------------------- */

static bool rm_list_of_strings(zval *lookups, const char *key, HashTable **out)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(lookups), key, strlen(key)), *e;
	zend_ulong i;
	*out = NULL;
	if (!v || Z_TYPE_P(v) == IS_NULL) {
		return true;
	}
	if (Z_TYPE_P(v) != IS_ARRAY) {
		zend_type_error("shop_setup_remote_lookup(): $lookups['%s'] must be of type array, %s given", key, zend_zval_type_name(v));
		return false;
	}
	/* One lookup per participant at most: refuse before any request is built. */
	if (zend_hash_num_elements(Z_ARRVAL_P(v)) > SS_MAX_PARTICIPANTS) {
		zend_value_error("shop_setup_remote_lookup(): $lookups['%s'] must not hold more than %zu values, %u given",
			key, SS_MAX_PARTICIPANTS, zend_hash_num_elements(Z_ARRVAL_P(v)));
		return false;
	}
	ZEND_HASH_FOREACH_NUM_KEY_VAL(Z_ARRVAL_P(v), i, e) {
		ZVAL_DEREF(e);
		if (Z_TYPE_P(e) != IS_STRING) {
			zend_type_error("shop_setup_remote_lookup(): $lookups['%s'][" ZEND_ULONG_FMT "] must be of type string, %s given", key, i, zend_zval_type_name(e));
			return false;
		}
		if (Z_STRLEN_P(e) == 0 || Z_STRLEN_P(e) > SS_MAX_EMAIL_LEN || memchr(Z_STRVAL_P(e), 0, Z_STRLEN_P(e))
			|| ss_utf8_check(Z_STRVAL_P(e), Z_STRLEN_P(e)) != Z_STRLEN_P(e)) {
			zend_value_error("shop_setup_remote_lookup(): $lookups['%s'][" ZEND_ULONG_FMT "] must be non-empty valid UTF-8 without NUL bytes, at most %zu bytes", key, i, SS_MAX_EMAIL_LEN);
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	*out = Z_ARRVAL_P(v);
	return true;
}

/*
 * Every role of a lookup list must be mapped by the option "roles" to an id;
 * an optional one (customerrole at its default) may be left out, as a site
 * without the role, but when mapped it must be an id like the others.
 */
static bool rm_check_role_ids(HashTable *list, HashTable *map, bool optional)
{
	zval *v;
	if (!list) return true;
	ZEND_HASH_FOREACH_VAL(list, v) {
		zval *id = map ? zend_hash_find_deref(map, Z_STR_P(v)) : NULL;
		if ((id || !optional) && (!id || Z_TYPE_P(id) != IS_LONG || Z_LVAL_P(id) <= 0)) {
			smart_str m = {0};
			shop_setup_quote(&m, Z_STRVAL_P(v), Z_STRLEN_P(v), 64);
			smart_str_0(&m);
			zend_argument_value_error(4, "option \"roles\" must map role \"%s\" to its id (an int > 0)%s", ZSTR_VAL(m.s),
				optional ? ", or leave it out" : ": Moodle has no web service that maps role shortnames to ids");
			smart_str_free(&m);
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

/*
 * user_get_user_details() gives auth and username only to a token whose user
 * has moodle/user:viewalldetails, and leaves out suspended when it is one of
 * $CFG->hiddenuserfields. Reading their absence as "manual" and "not
 * suspended" would reuse, and bill, accounts that cannot log in: the name of
 * the first field missing, or NULL.
 */
static const char *rm_user_missing(zval *u)
{
	static const char *const need[] = {"username", "auth", "suspended"};
	size_t i;
	for (i = 0; i < sizeof need / sizeof need[0]; i++) {
		if (Z_TYPE_P(u) != IS_ARRAY || !zend_hash_str_exists(Z_ARRVAL_P(u), need[i], strlen(need[i]))) return need[i];
	}
	return NULL;
}

static void rm_add_user_fact(HashTable *users, zval *u)
{
	zval rec;
	zend_long id = rm_long(u, "id");
	const char *s;
	if (id <= 0 || zend_hash_index_exists(users, id)) {
		return;
	}
	array_init(&rec);
	add_assoc_long(&rec, "id", id);
	s = rm_str(u, "email");
	add_assoc_string(&rec, "email", s ? s : "");
	s = rm_str(u, "username");
	add_assoc_string(&rec, "username", s ? s : "");
	s = rm_str(u, "auth");
	add_assoc_string(&rec, "auth", s ? s : "manual");
	add_assoc_long(&rec, "suspended", rm_long(u, "suspended") ? 1 : 0);
	add_assoc_long(&rec, "deleted", 0);
	zend_hash_index_add_new(users, id, &rec);
}

/* Keeps the users whose e-mail, lower-cased, is one of the match keys: never trust a LIKE.
 * false (a RuntimeException thrown) when such a user's answer lacks a field the plan needs. */
static bool rm_collect_users(zval *answer, HashTable *keys, HashTable *users)
{
	zval *u, *list = answer;
	if (Z_TYPE_P(answer) == IS_ARRAY && zend_hash_str_exists(Z_ARRVAL_P(answer), "users", 5)) {
		list = zend_hash_str_find(Z_ARRVAL_P(answer), "users", 5);
	}
	if (Z_TYPE_P(list) != IS_ARRAY) {
		return true;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), u) {
		const char *em = rm_str(u, "email"), *missing;
		zend_string *lk;
		if (!em) {
			continue;
		}
		lk = rm_lower(em, strlen(em));
		if (zend_hash_exists(keys, lk)) {
			if ((missing = rm_user_missing(u))) {
				zend_string_release(lk);
				zend_throw_exception_ex(spl_ce_RuntimeException, 0,
					"shop_setup_remote_lookup(): the site's answer for user #" ZEND_LONG_FMT " has no '%s' (Moodle gives auth "
					"and username only to a token whose user has moodle/user:viewalldetails, and leaves suspended out when it is "
					"in hiddenuserfields): without it a suspended or nologin account would be reused as an active one",
					rm_long(u, "id"), missing);
				return false;
			}
			rm_add_user_fact(users, u);
		}
		zend_string_release(lk);
	} ZEND_HASH_FOREACH_END();
	return true;
}

/*
 * The operator's account, from core_user_get_users_by_field (field id): false,
 * a RuntimeException thrown, when the site has no such account (Moodle leaves
 * deleted ones out), when it is suspended or cannot log in, or when the answer
 * lacks a field that says so. A plan would give it the course role, the
 * membership and the delegation: every one of those operations would fail
 * (invaliduser) or give rights that cannot be used.
 */
static bool rm_check_operator(rm_job *j, zend_long operatorid)
{
	zval *ans, *u, *found = NULL;
	const char *missing, *auth;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(j->answers), ans) {
		if (Z_TYPE_P(ans) != IS_ARRAY) continue;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(ans), u) {
			if (rm_long(u, "id") == operatorid) found = u;
		} ZEND_HASH_FOREACH_END();
	} ZEND_HASH_FOREACH_END();
	if (!found) {
		zend_throw_exception_ex(spl_ce_RuntimeException, 0,
			"shop_setup_remote_lookup(): the operator (user #" ZEND_LONG_FMT ") has no account on the site, or it is deleted: "
			"the session cannot be attached to it", operatorid);
		return false;
	}
	if ((missing = rm_user_missing(found))) {
		zend_throw_exception_ex(spl_ce_RuntimeException, 0,
			"shop_setup_remote_lookup(): the site's answer for the operator (user #" ZEND_LONG_FMT ") has no '%s' (Moodle gives "
			"auth and username only to a token whose user has moodle/user:viewalldetails, and leaves suspended out when it is "
			"in hiddenuserfields)", operatorid, missing);
		return false;
	}
	auth = rm_str(found, "auth");
	if (rm_long(found, "suspended") || (auth && strcmp(auth, "nologin") == 0)) {
		zend_throw_exception_ex(spl_ce_RuntimeException, 0,
			"shop_setup_remote_lookup(): the operator's account (user #" ZEND_LONG_FMT ") is %s: it would get the session's "
			"rights without being able to use them", operatorid, rm_long(found, "suspended") ? "suspended" : "nologin");
		return false;
	}
	return true;
}

static rm_job *rm_read_job(const char *fn, const char *arr)
{
	rm_job *j = rm_job_new(fn, arr, K_READ);
	return j;
}

static void rm_item_single(rm_job *j, const char *k1, zval *v1, const char *k2, zval *v2)
{
	zval item;
	array_init(&item);
	if (k1) add_assoc_zval(&item, k1, v1);
	if (k2) add_assoc_zval(&item, k2, v2);
	rm_job_add(j, &item);
}

static void rm_job_collect(rm_client *c, rm_job *j, ss_range r, zval *ans)
{
	(void)c;
	ss_batch_mark(&j->batch, r, SS_ITEM_DONE);
	Z_TRY_ADDREF_P(ans);
	if (j->arr) {
		add_next_index_zval(&j->answers, ans);
	} else {
		/* One item per request: the answer is filed under its item. */
		zend_hash_index_update(Z_ARRVAL(j->answers), r.lo, ans);
	}
}

static bool rm_throw_job(rm_client *c, rm_job **jobs, size_t n)
{
	size_t i;
	if (c->abort) {
		zend_throw_exception_ex(spl_ce_RuntimeException, 0, "shop_setup_remote_lookup(): %s: %s: %s",
			strcmp(ZSTR_VAL(c->abort_code), "connectfailed") == 0 ? "the remote site cannot be reached" : "the remote site refused the call",
			ZSTR_VAL(c->abort_code), ZSTR_VAL(c->abort_msg));
		return true;
	}
	for (i = 0; i < n; i++) {
		if (jobs[i] && jobs[i]->err) {
			zend_throw_exception_ex(spl_ce_RuntimeException, 0, "shop_setup_remote_lookup(): %s", ZSTR_VAL(jobs[i]->err));
			return true;
		}
	}
	return false;
}

/* The enrolment facts of one course: status 0 only for the users in the "active" answer. */
static void rm_enrolment_facts(zval *facts_enrol, zend_long courseid, rm_job *all, rm_job *active, HashTable *want)
{
	HashTable act;
	zval *a, *u;
	zend_hash_init(&act, 16, NULL, NULL, 0);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(active->answers), a) {
		if (Z_TYPE_P(a) != IS_ARRAY) continue;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(a), u) {
			zend_hash_index_add_empty_element(&act, rm_long(u, "id"));
		} ZEND_HASH_FOREACH_END();
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(all->answers), a) {
		if (Z_TYPE_P(a) != IS_ARRAY) continue;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(a), u) {
			zend_long uid = rm_long(u, "id");
			zval rec, roles, *rl, *r;
			if (!zend_hash_index_exists(want, uid)) {
				continue;
			}
			array_init(&rec);
			add_assoc_long(&rec, "courseid", courseid);
			add_assoc_long(&rec, "userid", uid);
			add_assoc_long(&rec, "status", zend_hash_index_exists(&act, uid) ? 0 : 1);
			add_assoc_long(&rec, "timestart", 0);
			add_assoc_long(&rec, "timeend", 0);
			array_init(&roles);
			rl = Z_TYPE_P(u) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(u), "roles", 5) : NULL;
			if (rl && Z_TYPE_P(rl) == IS_ARRAY) {
				ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(rl), r) {
					add_next_index_long(&roles, rm_long(r, "roleid"));
				} ZEND_HASH_FOREACH_END();
			}
			add_assoc_zval(&rec, "roles", &roles);
			add_next_index_zval(facts_enrol, &rec);
		} ZEND_HASH_FOREACH_END();
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&act);
}

static rm_job *rm_enrolled_job(zend_long courseid, bool onlyactive)
{
	rm_job *j = rm_read_job("core_enrol_get_enrolled_users", NULL);
	zval opts, o, v;
	add_assoc_long(&j->fixed, "courseid", courseid);
	array_init(&opts);
	array_init(&o);
	add_assoc_string(&o, "name", "userfields");
	add_assoc_string(&o, "value", onlyactive ? "id" : "id,roles");
	add_next_index_zval(&opts, &o);
	if (onlyactive) {
		array_init(&o);
		add_assoc_string(&o, "name", "onlyactive");
		add_assoc_string(&o, "value", "1");
		add_next_index_zval(&opts, &o);
	}
	add_assoc_zval(&j->fixed, "options", &opts);
	ZVAL_NULL(&v);
	rm_item_single(j, NULL, NULL, NULL, &v);
	return j;
}

static zend_long rm_first_course(rm_job *j, zend_long *startdate)
{
	zval *a, *courses, *cr;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(j->answers), a) {
		courses = Z_TYPE_P(a) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(a), "courses", 7) : NULL;
		if (courses && Z_TYPE_P(courses) == IS_ARRAY) {
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(courses), cr) {
				if (rm_long(cr, "id") > 0) {
					if (startdate) *startdate = rm_long(cr, "startdate");
					return rm_long(cr, "id");
				}
			} ZEND_HASH_FOREACH_END();
		}
	} ZEND_HASH_FOREACH_END();
	return 0;
}

static int rm_cmp_str(Bucket *a, Bucket *b)
{
	return zend_binary_strcmp(Z_STRVAL(a->val), Z_STRLEN(a->val), Z_STRVAL(b->val), Z_STRLEN(b->val));
}

static int rm_cmp_key(Bucket *a, Bucket *b)
{
	return a->h < b->h ? -1 : a->h > b->h;
}

#define RM_JOBS_FREE(arr) do { size_t _i; for (_i = 0; _i < sizeof(arr) / sizeof(arr[0]); _i++) rm_job_free(arr[_i]); } while (0)

PHP_FUNCTION(shop_setup_remote_lookup)
{
	zval *lookups;
	zend_string *endpoint, *token;
	HashTable *options = NULL, *emails, *bases, *roles, *optroles;
	rm_opts o;
	rm_client c;
	rm_job *a[6] = {0}, *b[6] = {0}, *cm[1] = {0};
	HashTable keys, users, want;
	zval *v, *course_zv, *support_zv, *group_zv, *op_zv, factsv, tmp;
	zend_long courseid = 0, startdate = 0, supportid = 0, operatorid = 0, groupid = 0;
	const char *groupidnumber = NULL;

	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_ARRAY(lookups)
		Z_PARAM_STR(endpoint)
		Z_PARAM_STR(token)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	if (!rm_check_endpoint(endpoint, 2) || !rm_check_token(token, 3) || !rm_parse_opts(options, &o, 4)) {
		RETURN_THROWS();
	}
	if (!rm_list_of_strings(lookups, "emails", &emails) || !rm_list_of_strings(lookups, "usernames", &bases)
		|| !rm_list_of_strings(lookups, "roles", &roles) || !rm_list_of_strings(lookups, "optionalroles", &optroles)) {
		RETURN_THROWS();
	}
	course_zv = zend_hash_str_find_deref(Z_ARRVAL_P(lookups), "course", 6);
	if (course_zv && Z_TYPE_P(course_zv) != IS_NULL && (Z_TYPE_P(course_zv) != IS_STRING || Z_STRLEN_P(course_zv) == 0)) {
		zend_type_error("shop_setup_remote_lookup(): $lookups['course'] must be a non-empty string or null");
		RETURN_THROWS();
	}
	support_zv = zend_hash_str_find_deref(Z_ARRVAL_P(lookups), "supportcourse", 13);
	if (support_zv && Z_TYPE_P(support_zv) != IS_NULL && Z_TYPE_P(support_zv) != IS_LONG
		&& (Z_TYPE_P(support_zv) != IS_STRING || Z_STRLEN_P(support_zv) == 0)) {
		zend_type_error("shop_setup_remote_lookup(): $lookups['supportcourse'] must be a non-empty string, an int or null");
		RETURN_THROWS();
	}
	group_zv = zend_hash_str_find_deref(Z_ARRVAL_P(lookups), "groupidnumber", 13);
	if (group_zv && Z_TYPE_P(group_zv) != IS_NULL && Z_TYPE_P(group_zv) != IS_STRING) {
		zend_type_error("shop_setup_remote_lookup(): $lookups['groupidnumber'] must be of type string, %s given", zend_zval_type_name(group_zv));
		RETURN_THROWS();
	}
	if (group_zv && Z_TYPE_P(group_zv) == IS_STRING && Z_STRLEN_P(group_zv) > 0) {
		groupidnumber = Z_STRVAL_P(group_zv);
	}
	op_zv = zend_hash_str_find_deref(Z_ARRVAL_P(lookups), "operatorid", 10);
	if (op_zv && Z_TYPE_P(op_zv) != IS_NULL) {
		if (Z_TYPE_P(op_zv) != IS_LONG) {
			zend_type_error("shop_setup_remote_lookup(): $lookups['operatorid'] must be of type int, %s given", zend_zval_type_name(op_zv));
			RETURN_THROWS();
		}
		operatorid = Z_LVAL_P(op_zv);
	}
	/* Role ids: Moodle has no web service mapping shortnames to ids, the caller gives them. */
	if (!rm_check_role_ids(roles, o.roles, false) || !rm_check_role_ids(optroles, o.roles, true)) {
		RETURN_THROWS();
	}

	rm_client_init(&c, endpoint, token);
	c.o = o;
	zend_hash_init(&keys, 16, NULL, NULL, 0);
	zend_hash_init(&users, 16, NULL, ZVAL_PTR_DTOR, 0);

	/* Phase A: site, users by exact e-mail, taken usernames, courses, the operator. */
	a[0] = rm_read_job("core_webservice_get_site_info", NULL);
	ZVAL_NULL(&tmp);
	rm_item_single(a[0], NULL, NULL, NULL, &tmp);
	if (emails && zend_hash_num_elements(emails)) {
		a[1] = rm_read_job("core_user_get_users_by_field", "values");
		add_assoc_string(&a[1]->fixed, "field", "email");
		ZEND_HASH_FOREACH_VAL(emails, v) {
			zend_string *lk = rm_lower(Z_STRVAL_P(v), Z_STRLEN_P(v));
			zend_hash_add_empty_element(&keys, lk);
			ZVAL_STR(&tmp, lk); /* the reference moves into the item */
			rm_job_add(a[1], &tmp);
		} ZEND_HASH_FOREACH_END();
	}
	if (bases && zend_hash_num_elements(bases)) {
		a[2] = rm_read_job("core_user_get_users_by_field", "values");
		add_assoc_string(&a[2]->fixed, "field", "username");
		ZEND_HASH_FOREACH_VAL(bases, v) {
			zend_long k;
			zend_string *lk = rm_lower(Z_STRVAL_P(v), Z_STRLEN_P(v));
			if (!zend_string_equals(lk, Z_STR_P(v))) {
				/* Not a valid Moodle username (they are lower case): cannot be taken. */
				zend_string_release(lk);
				continue;
			}
			zend_string_release(lk);
			for (k = 0; k <= o.username_probe; k++) {
				ZVAL_STR(&tmp, k ? strpprintf(0, "%s" ZEND_LONG_FMT, Z_STRVAL_P(v), k) : zend_string_copy(Z_STR_P(v)));
				rm_job_add(a[2], &tmp);
			}
		} ZEND_HASH_FOREACH_END();
	}
	if (course_zv && Z_TYPE_P(course_zv) == IS_STRING) {
		a[3] = rm_read_job("core_course_get_courses_by_field", NULL);
		add_assoc_string(&a[3]->fixed, "field", "shortname");
		add_assoc_str(&a[3]->fixed, "value", zend_string_copy(Z_STR_P(course_zv)));
		ZVAL_NULL(&tmp);
		rm_item_single(a[3], NULL, NULL, NULL, &tmp);
	}
	if (operatorid > 0) {
		/* The operator's own account: it gets the course role, the membership and the delegation. */
		a[5] = rm_read_job("core_user_get_users_by_field", "values");
		add_assoc_string(&a[5]->fixed, "field", "id");
		ZVAL_STR(&tmp, zend_long_to_str(operatorid));
		rm_job_add(a[5], &tmp);
	}
	if (support_zv && Z_TYPE_P(support_zv) != IS_NULL) {
		/* An id only when phase 1 made it an int: a string is a short name, digits or not ("2025"). */
		bool byid = Z_TYPE_P(support_zv) == IS_LONG;
		a[4] = rm_read_job("core_course_get_courses_by_field", NULL);
		add_assoc_string(&a[4]->fixed, "field", byid ? "id" : "shortname");
		ZVAL_COPY(&tmp, support_zv);
		convert_to_string(&tmp);
		add_assoc_zval(&a[4]->fixed, "value", &tmp);
		ZVAL_NULL(&tmp);
		rm_item_single(a[4], NULL, NULL, NULL, &tmp);
	}
	{
		size_t i;
		for (i = 0; i < 6; i++) if (a[i]) rm_job_ready(&c, a[i], i == 1 || i == 2 ? o.max_items : 1);
	}
	rm_run(&c, a, 6);
	if (rm_throw_job(&c, a, 6)) {
		goto out;
	}
	if (a[5] && !rm_check_operator(a[5], operatorid)) {
		goto out;
	}
	if (a[1]) {
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(a[1]->answers), v) {
			if (!rm_collect_users(v, &keys, &users)) goto out;
		} ZEND_HASH_FOREACH_END();
	}
	if (a[3]) courseid = rm_first_course(a[3], &startdate);
	if (a[4]) supportid = rm_first_course(a[4], NULL);

	/*
	 * Phase B. core_user_get_users_by_field is case-sensitive on PostgreSQL:
	 * a key it did not find may be stored in another case. core_user_get_users'
	 * email criterion is case-insensitive (a LIKE, one address per call).
	 */
	if (emails && !o.exact_email_only) {
		HashTable found;
		zval *u;
		zend_hash_init(&found, 16, NULL, NULL, 0);
		ZEND_HASH_FOREACH_VAL(&users, u) {
			zend_string *lk = rm_lower(rm_str(u, "email"), strlen(rm_str(u, "email")));
			zend_hash_add_empty_element(&found, lk);
			zend_string_release(lk);
		} ZEND_HASH_FOREACH_END();
		{
			zend_string *k;
			HashTable domains; /* domain => number of keys not found */
			zval *cnt;
			zend_hash_init(&domains, 8, NULL, NULL, 0);
			if (o.domain_probe > 0) {
				ZEND_HASH_FOREACH_STR_KEY(&keys, k) {
					const char *at = zend_memrchr(ZSTR_VAL(k), '@', ZSTR_LEN(k));
					zval one;
					if (zend_hash_exists(&found, k) || !at) continue;
					cnt = zend_hash_str_find(&domains, at, ZSTR_VAL(k) + ZSTR_LEN(k) - at);
					if (cnt) {
						Z_LVAL_P(cnt)++;
					} else {
						ZVAL_LONG(&one, 1);
						zend_hash_str_add(&domains, at, ZSTR_VAL(k) + ZSTR_LEN(k) - at, &one);
					}
				} ZEND_HASH_FOREACH_END();
			}
			ZEND_HASH_FOREACH_STR_KEY(&keys, k) {
				zval cr;
				const char *at = zend_memrchr(ZSTR_VAL(k), '@', ZSTR_LEN(k));
				zend_string *value;
				if (zend_hash_exists(&found, k)) continue;
				cnt = at ? zend_hash_str_find(&domains, at, ZSTR_VAL(k) + ZSTR_LEN(k) - at) : NULL;
				if (cnt && Z_LVAL_P(cnt) >= o.domain_probe) {
					/*
					 * Many keys of one domain: one probe '%@domain' for all of them
					 * (the answer is every account of the domain, filtered here).
					 */
					Z_LVAL_P(cnt) = -1; /* probed once */
					value = strpprintf(0, "%%%s", at);
				} else if (cnt && Z_LVAL_P(cnt) == -1) {
					continue;
				} else {
					value = zend_string_copy(k);
				}
				if (!b[0]) b[0] = rm_read_job("core_user_get_users", "criteria");
				array_init(&cr);
				add_assoc_string(&cr, "key", "email");
				add_assoc_str(&cr, "value", value);
				rm_job_add(b[0], &cr);
			} ZEND_HASH_FOREACH_END();
			zend_hash_destroy(&domains);
		}
		zend_hash_destroy(&found);
	}
	if (courseid > 0) {
		b[1] = rm_read_job("core_group_get_course_groups", NULL);
		add_assoc_long(&b[1]->fixed, "courseid", courseid);
		ZVAL_NULL(&tmp);
		rm_item_single(b[1], NULL, NULL, NULL, &tmp);
		b[2] = rm_enrolled_job(courseid, false);
		b[3] = rm_enrolled_job(courseid, true);
	}
	if (supportid > 0 && supportid != courseid) {
		b[4] = rm_enrolled_job(supportid, false);
		b[5] = rm_enrolled_job(supportid, true);
	}
	{
		size_t i;
		for (i = 0; i < 6; i++) if (b[i]) rm_job_ready(&c, b[i], 1);
	}
	rm_run(&c, b, 6);
	if (rm_throw_job(&c, b, 6)) {
		goto out;
	}
	if (b[0]) {
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(b[0]->answers), v) {
			if (!rm_collect_users(v, &keys, &users)) goto out;
		} ZEND_HASH_FOREACH_END();
	}
	if (b[1] && groupidnumber) {
		zval *gl, *g;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(b[1]->answers), gl) {
			if (Z_TYPE_P(gl) != IS_ARRAY) continue;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(gl), g) {
				const char *idn = rm_str(g, "idnumber");
				if (idn && strcmp(idn, groupidnumber) == 0) {
					groupid = rm_long(g, "id");
				}
			} ZEND_HASH_FOREACH_END();
		} ZEND_HASH_FOREACH_END();
	}
	/* Phase C: the session group's members. */
	if (groupid > 0) {
		zval ids;
		cm[0] = rm_read_job("core_group_get_group_members", NULL);
		array_init(&ids);
		add_next_index_long(&ids, groupid);
		add_assoc_zval(&cm[0]->fixed, "groupids", &ids);
		ZVAL_NULL(&tmp);
		rm_item_single(cm[0], NULL, NULL, NULL, &tmp);
		rm_job_ready(&c, cm[0], 1);
		rm_run(&c, cm, 1);
		if (rm_throw_job(&c, cm, 1)) {
			goto out;
		}
	}

	/* The facts, in the shape of docs/session-contract.md. */
	array_init(&factsv);
	if (courseid > 0) {
		array_init(&tmp);
		add_assoc_long(&tmp, "id", courseid);
		add_assoc_long(&tmp, "startdate", startdate);
		add_assoc_zval(&factsv, "course", &tmp);
	} else {
		add_assoc_null(&factsv, "course");
	}
	if (supportid > 0) {
		array_init(&tmp);
		add_assoc_long(&tmp, "id", supportid);
		add_assoc_zval(&factsv, "supportcourse", &tmp);
	} else {
		add_assoc_null(&factsv, "supportcourse");
	}
	array_init(&tmp);
	if (roles) {
		ZEND_HASH_FOREACH_VAL(roles, v) {
			add_assoc_long_ex(&tmp, Z_STRVAL_P(v), Z_STRLEN_P(v), Z_LVAL_P(zend_hash_find_deref(o.roles, Z_STR_P(v))));
		} ZEND_HASH_FOREACH_END();
	}
	if (optroles) {
		ZEND_HASH_FOREACH_VAL(optroles, v) {
			zval *id = o.roles ? zend_hash_find_deref(o.roles, Z_STR_P(v)) : NULL;
			if (id) add_assoc_long_ex(&tmp, Z_STRVAL_P(v), Z_STRLEN_P(v), Z_LVAL_P(id));
		} ZEND_HASH_FOREACH_END();
	}
	add_assoc_zval(&factsv, "roles", &tmp);
	array_init(&tmp);
	zend_hash_init(&want, 16, NULL, NULL, 0);
	/* By id: the answers of parallel requests arrive in any order. */
	zend_hash_sort(&users, rm_cmp_key, 0);
	ZEND_HASH_FOREACH_VAL(&users, v) {
		Z_TRY_ADDREF_P(v);
		add_next_index_zval(&tmp, v);
		zend_hash_index_add_empty_element(&want, rm_long(v, "id"));
	} ZEND_HASH_FOREACH_END();
	add_assoc_zval(&factsv, "users", &tmp);
	if (operatorid > 0) {
		zend_hash_index_add_empty_element(&want, operatorid);
	}
	array_init(&tmp);
	if (a[2]) {
		HashTable cand;
		zval *ans, *u;
		zend_hash_init(&cand, 16, NULL, NULL, 0);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(a[2]->items), u) {
			zend_hash_add_empty_element(&cand, Z_STR_P(u));
		} ZEND_HASH_FOREACH_END();
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(a[2]->answers), ans) {
			if (Z_TYPE_P(ans) != IS_ARRAY) continue;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(ans), u) {
				const char *un = rm_str(u, "username");
				if (un && zend_hash_str_exists(&cand, un, strlen(un))) {
					add_next_index_string(&tmp, un);
				}
			} ZEND_HASH_FOREACH_END();
		} ZEND_HASH_FOREACH_END();
		zend_hash_destroy(&cand);
		zend_hash_sort(Z_ARRVAL(tmp), rm_cmp_str, 1);
	}
	add_assoc_zval(&factsv, "usernames", &tmp);
	array_init(&tmp);
	if (o.privileged) {
		ZEND_HASH_FOREACH_VAL(o.privileged, v) {
			ZVAL_DEREF(v);
			if (Z_TYPE_P(v) == IS_LONG) add_next_index_long(&tmp, Z_LVAL_P(v));
		} ZEND_HASH_FOREACH_END();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(a[0]->answers), v) {
		if (rm_long(v, "userissiteadmin") && rm_long(v, "userid") > 0) {
			add_next_index_long(&tmp, rm_long(v, "userid"));
		}
	} ZEND_HASH_FOREACH_END();
	add_assoc_zval(&factsv, "privileged", &tmp);
	array_init(&tmp);
	if (b[2]) rm_enrolment_facts(&tmp, courseid, b[2], b[3], &want);
	if (b[4]) rm_enrolment_facts(&tmp, supportid, b[4], b[5], &want);
	add_assoc_zval(&factsv, "enrolments", &tmp);
	zend_hash_destroy(&want);
	if (groupid > 0) {
		zval members, *gm, *g, *ids, *id;
		array_init(&tmp);
		add_assoc_long(&tmp, "id", groupid);
		array_init(&members);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(cm[0]->answers), gm) {
			if (Z_TYPE_P(gm) != IS_ARRAY) continue;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(gm), g) {
				ids = Z_TYPE_P(g) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(g), "userids", 7) : NULL;
				if (rm_long(g, "groupid") == groupid && ids && Z_TYPE_P(ids) == IS_ARRAY) {
					ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(ids), id) {
						add_next_index_long(&members, zval_get_long(id));
					} ZEND_HASH_FOREACH_END();
				}
			} ZEND_HASH_FOREACH_END();
		} ZEND_HASH_FOREACH_END();
		add_assoc_zval(&tmp, "members", &members);
		add_assoc_zval(&factsv, "group", &tmp);
	} else {
		add_assoc_null(&factsv, "group");
	}
	/* No web service lists role assignments in user contexts; repeating one is a no-op in Moodle. */
	array_init(&tmp);
	add_assoc_zval(&factsv, "roleassignments", &tmp);
	array_init(&tmp);
	if (o.products) {
		ZEND_HASH_FOREACH_VAL(o.products, v) {
			ZVAL_DEREF(v);
			if (Z_TYPE_P(v) == IS_STRING) add_next_index_str(&tmp, zend_string_copy(Z_STR_P(v)));
		} ZEND_HASH_FOREACH_END();
	}
	add_assoc_zval(&factsv, "products", &tmp);
	array_init(&tmp);
	add_assoc_long(&tmp, "requests", c.requests);
	add_assoc_long(&tmp, "retries", c.retries);
	add_assoc_zval(&factsv, "remote", &tmp);
	ZVAL_COPY_VALUE(return_value, &factsv);

out:
	RM_JOBS_FREE(a);
	RM_JOBS_FREE(b);
	RM_JOBS_FREE(cm);
	zend_hash_destroy(&keys);
	zend_hash_destroy(&users);
	rm_client_free(&c);
}

/* ---- shop_setup_remote_apply ---------------------------------------------- */

enum { OP_CREATE_USER, OP_CREATE_GROUP, OP_ENROL, OP_ASSIGN_ROLE, OP_ADD_MEMBER, OP_ASSIGN_USER_ROLE, OP_CREATE_PRODUCT };
enum { ST_PENDING, ST_DONE, ST_EXISTS, ST_FAILED, ST_SKIPPED, ST_LOCAL };

static const char *const rm_op_names[] = {
	"create_user", "create_group", "enrol", "assign_role", "add_member", "assign_user_role", "create_product"
};
static const char *const rm_st_names[] = {"pending", "done", "exists", "failed", "skipped", "local"};

typedef struct rm_op {
	int kind, st;
	zval *src;
	zend_string *ref, *contextref;
	zend_long userid, contextuserid, courseid, roleid, groupid, timestart, timeend;
	bool verify, via_assign, tried, rejected;
	bool lost;              /* a request that carried it got no usable answer */
	bool rechecked;         /* a refused batch of it was looked up before being bisected */
	zend_string *code, *msg;
	zend_long newid;
	const char *sentas;
} rm_op;

struct rm_apply {
	rm_op *ops;
	size_t n;
	HashTable created;      /* ref => id of the account (created now or by an earlier run) */
	zend_long groupid;
	bool group_new;         /* created by this call: it has no member yet */
	zval warnings;
	bool truncated_warned;
	rm_client *c;
};

static void rm_op_error(rm_op *op, int st, const char *code, const char *msg)
{
	/* code or msg may point into the op's own strings: copy before releasing. */
	zend_string *c = zend_string_init(code, strlen(code), 0);
	zend_string *m = zend_string_init(msg, strlen(msg), 0);
	op->st = st;
	if (op->code) zend_string_release(op->code);
	if (op->msg) zend_string_release(op->msg);
	op->code = c;
	op->msg = m;
}

static void rm_op_note(rm_op *op, const char *code, const char *msg)
{
	int st = op->st;
	rm_op_error(op, st, code, msg);
}

static rm_op *rm_job_op(rm_job *j, size_t item)
{
	return &j->ap->ops[j->opidx[item]];
}

/*
 * A request that carried op got no usable answer: whether the site made it is
 * unknown. Look it up (rm_settle()); what is found counts as ours (rm_found_st()).
 */
static void rm_op_lost(rm_op *op, const char *code, const char *msg)
{
	op->verify = op->lost = true;
	rm_op_note(op, code, msg);
}

/* The same for every operation of items r, an answer that says nothing of any. */
static void rm_lost_range(rm_job *j, ss_range r, const char *code, const char *msg)
{
	size_t i;
	ss_batch_mark(&j->batch, r, SS_ITEM_VERIFY);
	for (i = r.lo; i < r.hi; i++) {
		rm_op_lost(rm_job_op(j, i), code, msg);
	}
}

static void rm_on_answer(rm_client *c, rm_job *j, ss_range r, zval *ans)
{
	size_t i;
	rm_apply *ap = j->ap;

	if (j->kind == K_READ) {
		rm_job_collect(c, j, r, ans);
		return;
	}
	if (j->kind == K_CREATE_USERS) {
		HashTable byname;
		zval *u;
		size_t answered = 0;
		if (Z_TYPE_P(ans) != IS_ARRAY) {
			/* Not the [{id, username}] list: the outcome is unknown, look it up. */
			rm_lost_range(j, r, "invalidanswer", "core_user_create_users did not answer a list of accounts");
			return;
		}
		zend_hash_init(&byname, 16, NULL, NULL, 0);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(ans), u) {
			const char *un = rm_str(u, "username");
			if (un && rm_long(u, "id") > 0) {
				zend_hash_str_update_ptr(&byname, un, strlen(un), u);
				answered++;
			}
		} ZEND_HASH_FOREACH_END();
		for (i = r.lo; i < r.hi; i++) {
			rm_op *op = rm_job_op(j, i);
			zval *un = zend_hash_str_find(Z_ARRVAL_P(zend_hash_str_find(Z_ARRVAL_P(op->src), "user", 4)), "username", 8);
			zval *got = zend_hash_find_ptr(&byname, Z_STR_P(un));
			if (got) {
				zval id;
				op->st = ST_DONE;
				op->newid = rm_long(got, "id");
				ZVAL_LONG(&id, op->newid);
				zend_hash_update(&ap->created, op->ref, &id);
				j->batch.state[i] = SS_ITEM_DONE;
			} else if (answered < r.hi - r.lo) {
				j->batch.state[i] = SS_ITEM_PENDING; /* not created: sent again below */
			} else {
				/* As many accounts as sent, but not this username: look it up. */
				j->batch.state[i] = SS_ITEM_VERIFY;
				rm_op_lost(op, "invalidanswer", "core_user_create_users answered other usernames than were sent");
			}
		}
		zend_hash_destroy(&byname);
		if (answered < r.hi - r.lo) {
			/*
			 * Fewer accounts than records sent: something between us and Moodle
			 * dropped records. What went through tells how much gets through:
			 * lower the limit of this and every later request, resend the rest.
			 */
			size_t kept = 0, done = 0;
			for (i = r.lo; i < r.hi; i++) {
				if (j->batch.state[i] == SS_ITEM_DONE) {
					kept += j->vars[i];
					done++;
				}
			}
			if (done == 0) {
				/*
				 * Not one of the records sent was created: there is nothing to learn
				 * a limit from, and resending would loop for ever on a site that
				 * always answers so ("[]", or accounts we did not send). The
				 * outcome is unknown: look the accounts up, as for an invalid answer.
				 */
				rm_lost_range(j, r, "invalidanswer", "core_user_create_users answered none of the accounts sent");
				return;
			}
			if (!ap->truncated_warned) {
				ap->truncated_warned = true;
				add_next_index_str(&ap->warnings, strpprintf(0,
					"core_user_create_users created %zu of the %zu accounts sent in one request: the site keeps fewer input variables than the option max_input_vars (" ZEND_LONG_FMT "); the rest was sent again in smaller requests",
					answered, r.hi - r.lo, c->o.max_input_vars));
			}
			kept = MAX(kept, j->maxvars);
			if (kept < j->batch.budget) {
				c->o.max_input_vars -= (zend_long)(j->batch.budget - kept);
				if (ss_batch_set_budget(&j->batch, kept) != 0) {
					zend_error_noreturn(E_ERROR, "shop_setup: out of memory");
				}
			}
			if (ss_batch_requeue_pending(&j->batch, r) != 0) {
				zend_error_noreturn(E_ERROR, "shop_setup: out of memory");
			}
		}
		return;
	}
	if (j->kind == K_CREATE_GROUP) {
		zval *g = Z_TYPE_P(ans) == IS_ARRAY ? zend_hash_index_find(Z_ARRVAL_P(ans), 0) : NULL;
		rm_op *op = rm_job_op(j, r.lo);
		if (g && rm_long(g, "id") > 0) {
			op->st = ST_DONE;
			op->newid = ap->groupid = rm_long(g, "id");
			ap->group_new = true;
			ss_batch_mark(&j->batch, r, SS_ITEM_DONE);
		} else {
			rm_lost_range(j, r, "invalidanswer", "core_group_create_groups did not answer the group");
		}
		return;
	}
	/* enrol_manual_enrol_users, core_role_assign_roles, core_group_add_group_members: null. */
	for (i = r.lo; i < r.hi; i++) {
		rm_op *op = rm_job_op(j, i);
		if (op->st == ST_PENDING) {
			op->st = ST_DONE;
		}
	}
	ss_batch_mark(&j->batch, r, SS_ITEM_DONE);
}

static int rm_on_reject(rm_client *c, rm_job *j, size_t item, const char *code, const char *msg)
{
	rm_op *op = rm_job_op(j, item);
	/*
	 * Refusals that may mean "it is there already": look it up (rm_settle())
	 * before reporting. A group: idnumbertaken (an earlier run made it), or
	 * invalidparameter, since Moodle checks the name before the idnumber. An
	 * account, whatever the code: invalidparameter is what Moodle answers for
	 * a username that exists (and for a bad address, a taken e-mail...),
	 * dmlwriteexception for one made meanwhile by a request still running.
	 * Either may be ours: a request that timed out, found missing by the
	 * look-up, was processed after it (a site that answers late does
	 * process). Found with our data, it is done; an account with another
	 * address, usernametaken; nothing, the refusal stands.
	 */
	if (j->kind == K_CREATE_USERS
		|| (j->kind == K_CREATE_GROUP && (strcmp(code, "idnumbertaken") == 0 || strcmp(code, "invalidparameter") == 0))) {
		op->verify = true;
		op->rejected = true;
		rm_op_note(op, code, msg);
		return SS_ITEM_VERIFY;
	}
	rm_op_error(op, ST_FAILED, code, msg);
	return SS_ITEM_FAILED;
}

/*
 * Accounts sent again after a lost request may have been made by that request
 * since (a site that answers late): then the whole batch is refused, and
 * halving it would cost two requests per account. Returns true when the batch
 * is to be looked up first; what is still missing is sent again, and halved if
 * refused again.
 */
static bool rm_recheck_batch(rm_job *j, ss_range r, const char *code, const char *msg)
{
	size_t i;
	bool recheck = false;
	if (j->kind != K_CREATE_USERS) {
		return false;
	}
	for (i = r.lo; i < r.hi && !recheck; i++) {
		rm_op *op = rm_job_op(j, i);
		recheck = op->lost && !op->rechecked;
	}
	if (!recheck) {
		return false;
	}
	ss_batch_mark(&j->batch, r, SS_ITEM_VERIFY);
	for (i = r.lo; i < r.hi; i++) {
		rm_op *op = rm_job_op(j, i);
		op->verify = op->rechecked = true;
		rm_op_note(op, code, msg);
	}
	return true;
}

/*
 * The status of an operation a look-up found done: ours (done) if this call
 * sent it, unless the site refused it and none of our requests for it went
 * unanswered (then someone else made it: exists).
 */
static int rm_found_st(const rm_op *op, bool rejected)
{
	return op->tried && (!rejected || op->lost) ? ST_DONE : ST_EXISTS;
}

static void rm_on_fail(rm_client *c, rm_job *j, size_t item, const char *code, const char *msg)
{
	rm_op_error(rm_job_op(j, item), ST_FAILED, code, msg);
}

/* -- plan parsing -- */

static zval *rm_op_field(zval *op, size_t idx, const char *key, int type, bool nullable)
{
	zval *v = zend_hash_str_find_deref(Z_ARRVAL_P(op), key, strlen(key));
	if ((!v || Z_TYPE_P(v) == IS_NULL) && nullable) {
		return NULL;
	}
	if (!v || Z_TYPE_P(v) != type) {
		zend_type_error("shop_setup_remote_apply(): $plan['operations'][%zu]['%s'] must be of type %s%s, %s given",
			idx, key, nullable ? "?" : "", type == IS_LONG ? "int" : type == IS_STRING ? "string" : "array",
			v ? zend_zval_type_name(v) : "none");
		return (zval *)-1;
	}
	if (type == IS_LONG && Z_LVAL_P(v) < 0) {
		zend_value_error("shop_setup_remote_apply(): $plan['operations'][%zu]['%s'] must be >= 0", idx, key);
		return (zval *)-1;
	}
	if (type == IS_STRING && (memchr(Z_STRVAL_P(v), 0, Z_STRLEN_P(v)) || Z_STRLEN_P(v) > SS_MAX_FIELD_LEN
		|| ss_utf8_check(Z_STRVAL_P(v), Z_STRLEN_P(v)) != Z_STRLEN_P(v))) {
		zend_value_error("shop_setup_remote_apply(): $plan['operations'][%zu]['%s'] must be valid UTF-8 without NUL bytes, at most %zu bytes",
			idx, key, SS_MAX_FIELD_LEN);
		return (zval *)-1;
	}
	return v;
}

#define RM_BAD ((zval *)-1)

static bool rm_parse_plan(zval *plan, rm_apply *ap)
{
	zval *ops = zend_hash_str_find_deref(Z_ARRVAL_P(plan), "operations", 10), *opz;
	size_t idx = 0;

	if (!ops || Z_TYPE_P(ops) != IS_ARRAY) {
		zend_type_error("shop_setup_remote_apply(): $plan['operations'] must be of type array, %s given", ops ? zend_zval_type_name(ops) : "none");
		return false;
	}
	/* A plan has a handful of operations per participant: refuse a hostile one before allocating. */
	if (zend_hash_num_elements(Z_ARRVAL_P(ops)) > SS_MAX_PARTICIPANTS * 8) {
		zend_value_error("shop_setup_remote_apply(): $plan['operations'] must not hold more than %zu operations, %u given",
			SS_MAX_PARTICIPANTS * 8, zend_hash_num_elements(Z_ARRVAL_P(ops)));
		return false;
	}
	ap->ops = safe_emalloc(zend_hash_num_elements(Z_ARRVAL_P(ops)) + 1, sizeof *ap->ops, 0);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(ops), opz) {
		rm_op *op = &ap->ops[idx];
		zval *name, *v;
		int k;
		ZVAL_DEREF(opz);
		memset(op, 0, sizeof *op);
		if (Z_TYPE_P(opz) != IS_ARRAY) {
			zend_type_error("shop_setup_remote_apply(): $plan['operations'][%zu] must be of type array, %s given", idx, zend_zval_type_name(opz));
			return false;
		}
		op->src = opz;
		name = rm_op_field(opz, idx, "op", IS_STRING, false);
		if (name == RM_BAD) return false;
		for (k = 0; k <= OP_CREATE_PRODUCT; k++) {
			if (zend_string_equals_cstr(Z_STR_P(name), rm_op_names[k], strlen(rm_op_names[k]))) break;
		}
		if (k > OP_CREATE_PRODUCT) {
			smart_str m = {0};
			shop_setup_quote(&m, Z_STRVAL_P(name), Z_STRLEN_P(name), 64);
			smart_str_0(&m);
			zend_value_error("shop_setup_remote_apply(): $plan['operations'][%zu]['op'] is unknown (\"%s\")", idx, ZSTR_VAL(m.s));
			smart_str_free(&m);
			return false;
		}
		op->kind = k;
		ap->n = idx + 1;
		if (k != OP_CREATE_GROUP) {
			if ((v = rm_op_field(opz, idx, "ref", IS_STRING, false)) == RM_BAD) return false;
			op->ref = Z_STR_P(v);
		}
#define RM_LONG(key, dst, nullable) do { \
		if ((v = rm_op_field(opz, idx, key, IS_LONG, nullable)) == RM_BAD) return false; \
		dst = v ? Z_LVAL_P(v) : 0; } while (0)
		switch (k) {
		case OP_CREATE_USER: {
			static const char *const req[] = {"username", "firstname", "lastname", "email"};
			static const char *const opt[] = {"auth", "city", "institution", "phone2"};
			zval *u = rm_op_field(opz, idx, "user", IS_ARRAY, false);
			size_t f;
			if (u == RM_BAD) return false;
			for (f = 0; f < 8; f++) {
				const char *key = f < 4 ? req[f] : opt[f - 4];
				zval *fv = zend_hash_str_find_deref(Z_ARRVAL_P(u), key, strlen(key));
				if ((!fv || Z_TYPE_P(fv) == IS_NULL) && f >= 4) continue;
				if (!fv || Z_TYPE_P(fv) != IS_STRING || (f < 4 && Z_STRLEN_P(fv) == 0)) {
					zend_type_error("shop_setup_remote_apply(): $plan['operations'][%zu]['user']['%s'] must be a %sstring", idx, key, f < 4 ? "non-empty " : "");
					return false;
				}
				if (memchr(Z_STRVAL_P(fv), 0, Z_STRLEN_P(fv)) || Z_STRLEN_P(fv) > SS_MAX_FIELD_LEN
					|| ss_utf8_check(Z_STRVAL_P(fv), Z_STRLEN_P(fv)) != Z_STRLEN_P(fv)) {
					zend_value_error("shop_setup_remote_apply(): $plan['operations'][%zu]['user']['%s'] must be valid UTF-8 without NUL bytes, at most %zu bytes", idx, key, SS_MAX_FIELD_LEN);
					return false;
				}
			}
			break;
		}
		case OP_CREATE_GROUP:
			RM_LONG("courseid", op->courseid, false);
			if (rm_op_field(opz, idx, "idnumber", IS_STRING, false) == RM_BAD || rm_op_field(opz, idx, "name", IS_STRING, false) == RM_BAD) return false;
			break;
		case OP_ENROL:
			RM_LONG("timestart", op->timestart, true);
			RM_LONG("timeend", op->timeend, true);
			ZEND_FALLTHROUGH;
		case OP_ASSIGN_ROLE:
			RM_LONG("courseid", op->courseid, false);
			RM_LONG("roleid", op->roleid, false);
			RM_LONG("userid", op->userid, true);
			break;
		case OP_ADD_MEMBER:
			RM_LONG("userid", op->userid, true);
			RM_LONG("groupid", op->groupid, true);
			break;
		case OP_ASSIGN_USER_ROLE:
			RM_LONG("userid", op->userid, true);
			RM_LONG("roleid", op->roleid, false);
			RM_LONG("contextuserid", op->contextuserid, true);
			if ((v = rm_op_field(opz, idx, "contextref", IS_STRING, false)) == RM_BAD) return false;
			op->contextref = Z_STR_P(v);
			break;
		case OP_CREATE_PRODUCT:
			RM_LONG("userid", op->userid, true);
			break;
		}
#undef RM_LONG
		idx++;
	} ZEND_HASH_FOREACH_END();
	ap->n = idx;
	return true;
}

/* Fills the ids an operation depends on; false (and SKIPPED) when a dependency failed. */
static bool rm_resolve(rm_apply *ap, rm_op *op)
{
	zval *id;
	if (op->st != ST_PENDING) {
		return false;
	}
	if (op->kind != OP_CREATE_GROUP && op->kind != OP_CREATE_USER && op->userid == 0) {
		id = zend_hash_find(&ap->created, op->ref);
		if (!id) {
			char m[160];
			snprintf(m, sizeof m, "the account of participant %.64s does not exist: its create_user failed", ZSTR_VAL(op->ref));
			rm_op_error(op, ST_SKIPPED, "dependency", m);
			return false;
		}
		op->userid = Z_LVAL_P(id);
	}
	if (op->kind == OP_ASSIGN_USER_ROLE && op->contextuserid == 0) {
		id = zend_hash_find(&ap->created, op->contextref);
		if (!id) {
			char m[160];
			snprintf(m, sizeof m, "the account of participant %.64s does not exist: its create_user failed", ZSTR_VAL(op->contextref));
			rm_op_error(op, ST_SKIPPED, "dependency", m);
			return false;
		}
		op->contextuserid = Z_LVAL_P(id);
	}
	if (op->kind == OP_ADD_MEMBER && op->groupid == 0) {
		if (ap->groupid <= 0) {
			rm_op_error(op, ST_SKIPPED, "dependency", "the session group does not exist: its create_group failed");
			return false;
		}
		op->groupid = ap->groupid;
	}
	return true;
}

static int rm_phase_of(int kind)
{
	switch (kind) {
	case OP_CREATE_USER: case OP_CREATE_GROUP: return 1;
	case OP_ENROL: case OP_ASSIGN_ROLE: case OP_ASSIGN_USER_ROLE: return 2;
	case OP_ADD_MEMBER: return 3;
	default: return 0;
	}
}

static rm_job *rm_write_job(rm_apply *ap, const char *fn, const char *arr, int kind, bool idempotent)
{
	rm_job *j = rm_job_new(fn, arr, kind);
	j->write = true;
	j->idempotent = idempotent;
	j->ap = ap;
	j->opidx = safe_emalloc(ap->n + 1, sizeof *j->opidx, 0);
	return j;
}

static void rm_write_add(rm_job *j, size_t opi, zval *item)
{
	j->opidx[zend_hash_num_elements(Z_ARRVAL(j->items))] = (uint32_t)opi;
	rm_job_add(j, item);
}

/*
 * Looks up what an earlier run (or an unknown outcome) may have done, so that
 * only what is missing is sent: accounts by username, enrolments per course,
 * the group by idnumber. all: every pending operation (first round), else
 * only those whose outcome is unknown.
 */
static void rm_settle(rm_apply *ap, int phase, bool all)
{
	rm_client *c = ap->c;
	rm_job *jobs[4] = {0};
	HashTable courses;
	size_t i, nj = 0;

	zend_hash_init(&courses, 4, NULL, NULL, 0);
	for (i = 0; i < ap->n; i++) {
		rm_op *op = &ap->ops[i];
		if (op->st != ST_PENDING || rm_phase_of(op->kind) != phase || !(all || op->verify)) continue;
		if (op->kind == OP_CREATE_USER) {
			zval *un = zend_hash_str_find_deref(Z_ARRVAL_P(zend_hash_str_find_deref(Z_ARRVAL_P(op->src), "user", 4)), "username", 8);
			zend_string *lk = rm_lower(Z_STRVAL_P(un), Z_STRLEN_P(un));
			zval tmp;
			if (!zend_string_equals(lk, Z_STR_P(un))) {
				zend_string_release(lk); /* Moodle refuses upper-case usernames in lookups */
				if (op->rejected) {
					op->st = ST_FAILED; /* nothing to look up: the refusal stands */
				}
				continue;
			}
			zend_string_release(lk);
			if (!jobs[0]) {
				jobs[0] = rm_read_job("core_user_get_users_by_field", "values");
				add_assoc_string(&jobs[0]->fixed, "field", "username");
			}
			ZVAL_STR_COPY(&tmp, Z_STR_P(un));
			rm_job_add(jobs[0], &tmp);
		} else if (op->kind == OP_CREATE_GROUP && !jobs[1]) {
			zval tmp;
			jobs[1] = rm_read_job("core_group_get_course_groups", NULL);
			add_assoc_long(&jobs[1]->fixed, "courseid", op->courseid);
			ZVAL_NULL(&tmp);
			rm_item_single(jobs[1], NULL, NULL, NULL, &tmp);
		} else if (op->kind == OP_ENROL && rm_resolve(ap, op)) {
			zend_hash_index_add_empty_element(&courses, op->courseid);
		} else if (op->kind == OP_ADD_MEMBER && !ap->group_new && rm_resolve(ap, op) && !jobs[3]) {
			zval ids, tmp;
			jobs[3] = rm_read_job("core_group_get_group_members", NULL);
			array_init(&ids);
			add_next_index_long(&ids, op->groupid);
			add_assoc_zval(&jobs[3]->fixed, "groupids", &ids);
			ZVAL_NULL(&tmp);
			rm_item_single(jobs[3], NULL, NULL, NULL, &tmp);
		}
	}
	if (zend_hash_num_elements(&courses)) {
		zend_ulong cid;
		jobs[2] = rm_read_job("core_enrol_get_enrolled_users", NULL);
		ZEND_HASH_FOREACH_NUM_KEY(&courses, cid) {
			zval it, opts, o1;
			array_init(&it);
			add_assoc_long(&it, "courseid", (zend_long)cid);
			array_init(&opts);
			array_init(&o1);
			add_assoc_string(&o1, "name", "userfields");
			add_assoc_string(&o1, "value", "id,roles");
			add_next_index_zval(&opts, &o1);
			add_assoc_zval(&it, "options", &opts);
			rm_job_add(jobs[2], &it);
		} ZEND_HASH_FOREACH_END();
	}
	zend_hash_destroy(&courses);
	for (i = 0; i < 4; i++) {
		if (jobs[i]) {
			rm_job_ready(c, jobs[i], i == 0 ? c->o.max_items : 1);
			nj++;
		}
	}
	if (nj == 0) {
		return;
	}
	rm_run(c, jobs, 4);

	for (i = 0; i < ap->n; i++) {
		rm_op *op = &ap->ops[i];
		if (op->st != ST_PENDING || rm_phase_of(op->kind) != phase || !(all || op->verify)) continue;
		if (op->kind == OP_CREATE_USER && jobs[0] && !jobs[0]->err) {
			zval *user = zend_hash_str_find_deref(Z_ARRVAL_P(op->src), "user", 4);
			zval *un = zend_hash_str_find_deref(Z_ARRVAL_P(user), "username", 8);
			zval *em = zend_hash_str_find_deref(Z_ARRVAL_P(user), "email", 5), *ans, *u;
			bool rejected = op->rejected;
			op->verify = false;
			op->rejected = false;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL(jobs[0]->answers), ans) {
				if (Z_TYPE_P(ans) != IS_ARRAY) continue;
				ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(ans), u) {
					const char *uun = rm_str(u, "username"), *uem = rm_str(u, "email");
					if (!uun || strcmp(uun, Z_STRVAL_P(un)) != 0) continue;
					if (uem && strlen(uem) == Z_STRLEN_P(em) && zend_binary_strcasecmp(uem, strlen(uem), Z_STRVAL_P(em), Z_STRLEN_P(em)) == 0) {
						zval id;
						op->st = rm_found_st(op, rejected);
						op->newid = rm_long(u, "id");
						ZVAL_LONG(&id, op->newid);
						zend_hash_update(&ap->created, op->ref, &id);
					} else {
						char m[200];
						snprintf(m, sizeof m, "username %.100s is taken by another account (id " ZEND_LONG_FMT ")", uun, rm_long(u, "id"));
						rm_op_error(op, ST_FAILED, "usernametaken", m);
					}
				} ZEND_HASH_FOREACH_END();
			} ZEND_HASH_FOREACH_END();
			if (op->st == ST_PENDING && rejected) {
				/* Moodle refused it and no account has its username: the refusal stands. */
				op->st = ST_FAILED;
			}
		} else if (op->kind == OP_CREATE_GROUP && jobs[1] && !jobs[1]->err) {
			zval *idn = zend_hash_str_find_deref(Z_ARRVAL_P(op->src), "idnumber", 8), *gl, *g;
			bool rejected = op->rejected;
			op->verify = false;
			op->rejected = false;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL(jobs[1]->answers), gl) {
				if (Z_TYPE_P(gl) != IS_ARRAY) continue;
				ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(gl), g) {
					const char *gi = rm_str(g, "idnumber");
					if (gi && strcmp(gi, Z_STRVAL_P(idn)) == 0) {
						op->st = rm_found_st(op, rejected); /* an earlier run's, or our unanswered request's */
						op->newid = ap->groupid = rm_long(g, "id");
						ap->group_new = op->st == ST_DONE;
					}
				} ZEND_HASH_FOREACH_END();
			} ZEND_HASH_FOREACH_END();
			if (op->st == ST_PENDING && rejected) {
				/* Moodle refused it and it is not there: a real error (same name, other idnumber...). */
				op->st = ST_FAILED;
			}
		} else if (op->kind == OP_ENROL && jobs[2] && !jobs[2]->err) {
			zval *ans, *u;
			zend_ulong k;
			op->verify = false;
			/* One answer per course, filed under the index of its item. */
			ZEND_HASH_FOREACH_NUM_KEY_VAL(Z_ARRVAL(jobs[2]->answers), k, ans) {
				if (Z_TYPE_P(ans) != IS_ARRAY || rm_long(rm_item(jobs[2], k), "courseid") != op->courseid) continue;
				ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(ans), u) {
					zval *rl, *r;
					bool hasrole = false;
					if (rm_long(u, "id") != op->userid) continue;
					rl = zend_hash_str_find(Z_ARRVAL_P(u), "roles", 5);
					if (rl && Z_TYPE_P(rl) == IS_ARRAY) {
						ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(rl), r) {
							hasrole = hasrole || rm_long(r, "roleid") == op->roleid;
						} ZEND_HASH_FOREACH_END();
					}
					if (hasrole) {
						op->st = rm_found_st(op, false);
					} else {
						/* Enrolled without this role: enrolling again would reset the dates. */
						op->via_assign = true;
					}
				} ZEND_HASH_FOREACH_END();
			} ZEND_HASH_FOREACH_END();
		} else if (op->kind == OP_ADD_MEMBER && jobs[3] && !jobs[3]->err) {
			zval *ans, *g, *ids, *id;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL(jobs[3]->answers), ans) {
				if (Z_TYPE_P(ans) != IS_ARRAY) continue;
				ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(ans), g) {
					ids = Z_TYPE_P(g) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(g), "userids", 7) : NULL;
					if (rm_long(g, "groupid") != op->groupid || !ids || Z_TYPE_P(ids) != IS_ARRAY) continue;
					ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(ids), id) {
						if (zval_get_long(id) == op->userid) op->st = ST_EXISTS;
					} ZEND_HASH_FOREACH_END();
				} ZEND_HASH_FOREACH_END();
			} ZEND_HASH_FOREACH_END();
		}
	}
	for (i = 0; i < 4; i++) {
		if (jobs[i] && jobs[i]->err && !c->abort) {
			add_next_index_str(&ap->warnings, zend_string_copy(jobs[i]->err));
		}
		rm_job_free(jobs[i]);
	}
}

/* Sends the pending operations of a phase. Returns how many were sent. */
static size_t rm_send(rm_apply *ap, int phase)
{
	rm_client *c = ap->c;
	rm_job *jobs[3] = {0};
	size_t i, sent = 0;

	for (i = 0; i < ap->n; i++) {
		rm_op *op = &ap->ops[i];
		zval item;
		if (rm_phase_of(op->kind) != phase || op->verify || !rm_resolve(ap, op)) continue;
		op->tried = true;
		array_init(&item);
		switch (op->kind) {
		case OP_CREATE_USER: {
			static const char *const keys[] = {"username", "firstname", "lastname", "email", "auth", "city", "institution", "phone2"};
			zval *u = zend_hash_str_find_deref(Z_ARRVAL_P(op->src), "user", 4), *fv;
			size_t f;
			for (f = 0; f < 8; f++) {
				fv = zend_hash_str_find_deref(Z_ARRVAL_P(u), keys[f], strlen(keys[f]));
				if (fv && Z_TYPE_P(fv) == IS_STRING && Z_STRLEN_P(fv) > 0) {
					add_assoc_str(&item, keys[f], zend_string_copy(Z_STR_P(fv)));
				}
			}
			/* Moodle generates the password and mails it (auth_forcepasswordchange is set). */
			add_assoc_long(&item, "createpassword", 1);
			if (!jobs[0]) jobs[0] = rm_write_job(ap, "core_user_create_users", "users", K_CREATE_USERS, false);
			rm_write_add(jobs[0], i, &item);
			break;
		}
		case OP_CREATE_GROUP:
			add_assoc_long(&item, "courseid", op->courseid);
			add_assoc_str(&item, "name", zend_string_copy(Z_STR_P(zend_hash_str_find_deref(Z_ARRVAL_P(op->src), "name", 4))));
			add_assoc_string(&item, "description", "");
			add_assoc_str(&item, "idnumber", zend_string_copy(Z_STR_P(zend_hash_str_find_deref(Z_ARRVAL_P(op->src), "idnumber", 8))));
			if (!jobs[1]) jobs[1] = rm_write_job(ap, "core_group_create_groups", "groups", K_CREATE_GROUP, false);
			rm_write_add(jobs[1], i, &item);
			break;
		case OP_ENROL:
			if (!op->via_assign) {
				add_assoc_long(&item, "roleid", op->roleid);
				add_assoc_long(&item, "userid", op->userid);
				add_assoc_long(&item, "courseid", op->courseid);
				if (op->timestart) add_assoc_long(&item, "timestart", op->timestart);
				if (op->timeend) add_assoc_long(&item, "timeend", op->timeend);
				op->sentas = "enrol_manual_enrol_users";
				if (!jobs[0]) jobs[0] = rm_write_job(ap, "enrol_manual_enrol_users", "enrolments", K_ENROL, false);
				rm_write_add(jobs[0], i, &item);
				break;
			}
			ZEND_FALLTHROUGH;
		case OP_ASSIGN_ROLE:
			add_assoc_long(&item, "roleid", op->roleid);
			add_assoc_long(&item, "userid", op->userid);
			add_assoc_string(&item, "contextlevel", "course");
			add_assoc_long(&item, "instanceid", op->courseid);
			op->sentas = "core_role_assign_roles";
			if (!jobs[1]) jobs[1] = rm_write_job(ap, "core_role_assign_roles", "assignments", K_ASSIGN, true);
			rm_write_add(jobs[1], i, &item);
			break;
		case OP_ASSIGN_USER_ROLE:
			add_assoc_long(&item, "roleid", op->roleid);
			add_assoc_long(&item, "userid", op->userid);
			add_assoc_string(&item, "contextlevel", "user");
			add_assoc_long(&item, "instanceid", op->contextuserid);
			if (!jobs[1]) jobs[1] = rm_write_job(ap, "core_role_assign_roles", "assignments", K_ASSIGN, true);
			rm_write_add(jobs[1], i, &item);
			break;
		case OP_ADD_MEMBER:
			add_assoc_long(&item, "groupid", op->groupid);
			add_assoc_long(&item, "userid", op->userid);
			if (!jobs[2]) jobs[2] = rm_write_job(ap, "core_group_add_group_members", "members", K_MEMBERS, true);
			rm_write_add(jobs[2], i, &item);
			break;
		}
		sent++;
	}
	for (i = 0; i < 3; i++) {
		if (jobs[i]) rm_job_ready(c, jobs[i], c->o.max_items);
	}
	if (sent) {
		rm_run(c, jobs, 3);
	}
	for (i = 0; i < 3; i++) {
		rm_job_free(jobs[i]);
	}
	return sent;
}

static void rm_phase(rm_apply *ap, int phase)
{
	rm_client *c = ap->c;
	zend_long round;
	size_t i;
	bool unknown = false;

	for (round = 0; round <= c->o.retries && !c->abort; round++) {
		rm_settle(ap, phase, round == 0);
		if (c->abort || rm_send(ap, phase) == 0) {
			break;
		}
		unknown = false;
		for (i = 0; i < ap->n; i++) {
			unknown = unknown || (ap->ops[i].verify && rm_phase_of(ap->ops[i].kind) == phase);
		}
		if (!unknown) {
			break;
		}
	}
	if (!c->abort) {
		rm_settle(ap, phase, false);
	}
	for (i = 0; i < ap->n; i++) {
		rm_op *op = &ap->ops[i];
		if (rm_phase_of(op->kind) != phase || op->st != ST_PENDING) continue;
		if (c->abort) {
			rm_op_error(op, ST_FAILED, ZSTR_VAL(c->abort_code), ZSTR_VAL(c->abort_msg));
		} else if (op->code) {
			char m[400];
			snprintf(m, sizeof m, "outcome unknown after " ZEND_LONG_FMT " attempts (last: %.300s)", c->o.retries + 1, ZSTR_VAL(op->msg));
			rm_op_error(op, ST_FAILED, ZSTR_VAL(op->code), m);
		} else {
			rm_op_error(op, ST_FAILED, "notsent", "the operation could not be sent");
		}
	}
}

static void rm_report(rm_apply *ap, zval *rv)
{
	zval ops, users, parts, stats, tmp;
	size_t i;
	bool ok = true;
	zend_long counts[6] = {0};

	array_init(rv);
	array_init(&ops);
	array_init(&users);
	array_init(&parts);
	for (i = 0; i < ap->n; i++) {
		rm_op *op = &ap->ops[i];
		zval o;
		ZVAL_DUP(&o, op->src);
		SEPARATE_ARRAY(&o);
		counts[op->st]++;
		if (op->kind != OP_CREATE_GROUP && op->kind != OP_CREATE_USER && op->userid) {
			add_assoc_long(&o, "userid", op->userid);
		}
		if (op->kind == OP_CREATE_USER && op->newid) add_assoc_long(&o, "userid", op->newid);
		if (op->kind == OP_CREATE_GROUP && op->newid) add_assoc_long(&o, "groupid", op->newid);
		if (op->kind == OP_ADD_MEMBER && op->groupid) add_assoc_long(&o, "groupid", op->groupid);
		if (op->kind == OP_ASSIGN_USER_ROLE && op->contextuserid) add_assoc_long(&o, "contextuserid", op->contextuserid);
		if (op->sentas && op->kind == OP_ENROL && op->via_assign) add_assoc_string(&o, "via", op->sentas);
		add_assoc_string(&o, "status", (char *)rm_st_names[op->st]);
		if (op->st == ST_FAILED || op->st == ST_SKIPPED) {
			zval err, *pp;
			zend_string *who = op->ref;
			ok = false;
			array_init(&err);
			add_assoc_str(&err, "code", zend_string_copy(op->code));
			add_assoc_str(&err, "message", zend_string_copy(op->msg));
			add_assoc_zval(&o, "error", &err);
			array_init(&err);
			add_assoc_string(&err, "op", (char *)rm_op_names[op->kind]);
			add_assoc_str(&err, "code", zend_string_copy(op->code));
			add_assoc_str(&err, "message", zend_string_copy(op->msg));
			if ((!who || zend_string_equals_literal(who, "operator")) && op->contextref) who = op->contextref;
			if (!who) who = zend_empty_string;
			pp = zend_hash_find(Z_ARRVAL(parts), who);
			if (!pp) {
				zval p;
				array_init(&p);
				pp = zend_hash_add_new(Z_ARRVAL(parts), who, &p);
			}
			add_next_index_zval(pp, &err);
		}
		if (op->kind == OP_CREATE_USER && op->newid) {
			add_assoc_long_ex(&users, ZSTR_VAL(op->ref), ZSTR_LEN(op->ref), op->newid);
		}
		add_next_index_zval(&ops, &o);
	}
	add_assoc_bool(rv, "ok", ok);
	add_assoc_zval(rv, "operations", &ops);
	add_assoc_zval(rv, "users", &users);
	if (ap->groupid > 0) add_assoc_long(rv, "groupid", ap->groupid); else add_assoc_null(rv, "groupid");
	add_assoc_zval(rv, "failures", &parts);
	Z_ADDREF(ap->warnings);
	add_assoc_zval(rv, "warnings", &ap->warnings);
	array_init(&stats);
	for (i = 0; i < 6; i++) {
		if (i != ST_PENDING) add_assoc_long(&stats, rm_st_names[i], counts[i]);
	}
	add_assoc_long(&stats, "requests", ap->c->requests);
	add_assoc_long(&stats, "retries", ap->c->retries);
	add_assoc_long(&stats, "bisections", ap->c->bisections);
	add_assoc_zval(rv, "stats", &stats);
	(void)tmp;
}

PHP_FUNCTION(shop_setup_remote_apply)
{
	zval *plan;
	zend_string *endpoint, *token;
	HashTable *options = NULL;
	rm_opts o;
	rm_client c;
	rm_apply ap;
	size_t i;

	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_ARRAY(plan)
		Z_PARAM_STR(endpoint)
		Z_PARAM_STR(token)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	if (!rm_check_endpoint(endpoint, 2) || !rm_check_token(token, 3) || !rm_parse_opts(options, &o, 4)) {
		RETURN_THROWS();
	}
	memset(&ap, 0, sizeof ap);
	zend_hash_init(&ap.created, 16, NULL, NULL, 0);
	array_init(&ap.warnings);
	if (!rm_parse_plan(plan, &ap)) {
		goto out_plan;
	}
	rm_client_init(&c, endpoint, token);
	c.o = o;
	ap.c = &c;
	if (o.insecure) {
		add_next_index_string(&ap.warnings, "TLS certificate verification was disabled (option insecure_skip_tls_verify)");
	}
	for (i = 0; i < ap.n; i++) {
		if (ap.ops[i].kind == OP_CREATE_PRODUCT) {
			/* Product records belong to the selling site: PHP writes them. */
			ap.ops[i].st = ST_LOCAL;
		}
	}
	rm_phase(&ap, 1);
	rm_phase(&ap, 2);
	rm_phase(&ap, 3);
	for (i = 0; i < ap.n; i++) {
		if (ap.ops[i].kind == OP_CREATE_PRODUCT && ap.ops[i].st == ST_LOCAL && ap.ops[i].userid == 0) {
			zval *id = zend_hash_find(&ap.created, ap.ops[i].ref);
			if (id) ap.ops[i].userid = Z_LVAL_P(id);
			else rm_op_error(&ap.ops[i], ST_SKIPPED, "dependency", "the participant's account was not created");
		}
	}
	rm_report(&ap, return_value);
	rm_client_free(&c);
out_plan:
	for (i = 0; i < ap.n; i++) {
		if (ap.ops[i].code) zend_string_release(ap.ops[i].code);
		if (ap.ops[i].msg) zend_string_release(ap.ops[i].msg);
	}
	if (ap.ops) efree(ap.ops);
	zend_hash_destroy(&ap.created);
	zval_ptr_dtor(&ap.warnings);
}

#else /* !SHOP_SETUP_HAVE_CURL */

static ZEND_COLD void rm_no_curl(const char *fn)
{
	zend_throw_exception_ex(spl_ce_RuntimeException, 0,
		"%s(): shop_setup was built without libcurl (--without-shop-setup-curl): remote provisioning is not available", fn);
}

PHP_FUNCTION(shop_setup_remote_lookup)
{
	rm_no_curl("shop_setup_remote_lookup");
	RETURN_THROWS();
}

PHP_FUNCTION(shop_setup_remote_apply)
{
	rm_no_curl("shop_setup_remote_apply");
	RETURN_THROWS();
}

#endif
