/* shop_setup core: remote provisioning policy (see ss_remote.h). */
#include "ss_remote.h"

#include <stdio.h>
#include <string.h>

/* ---- form encoding ---------------------------------------------------- */

int ss_url_escape(ss_buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	if (len > (SIZE_MAX - 1) / 3 || ss_buf_reserve(b, len * 3) != 0) {
		return -1;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
			|| c == '-' || c == '.' || c == '_' || c == '~') {
			b->p[b->len++] = (char)c;
		} else {
			b->p[b->len++] = '%';
			b->p[b->len++] = hex[c >> 4];
			b->p[b->len++] = hex[c & 15];
		}
	}
	b->p[b->len] = '\0';
	return 0;
}

int ss_form_add(ss_form *f, const char *key, size_t klen, const char *val, size_t vlen)
{
	if ((f->buf.len && ss_buf_putc(&f->buf, '&') != 0)
		|| ss_url_escape(&f->buf, key, klen) != 0
		|| ss_buf_putc(&f->buf, '=') != 0
		|| ss_url_escape(&f->buf, val, vlen) != 0) {
		return -1;
	}
	f->vars++;
	return 0;
}

int ss_form_add_int(ss_form *f, const char *key, size_t klen, long long v)
{
	char num[24];
	int n = snprintf(num, sizeof num, "%lld", v);
	return ss_form_add(f, key, klen, num, (size_t)n);
}

size_t ss_form_key(char *out, size_t cap, const char *name, size_t index, const char *field)
{
	int n = field
		? snprintf(out, cap, "%s[%zu][%s]", name, index, field)
		: snprintf(out, cap, "%s[%zu]", name, index);
	if (n < 0 || (size_t)n >= cap) {
		if (cap) {
			out[0] = '\0';
		}
		return 0;
	}
	return (size_t)n;
}

void ss_form_free(ss_form *f)
{
	ss_buf_free(&f->buf);
	f->vars = 0;
}

/* ---- batches ----------------------------------------------------------- */

static int ss_batch_push(ss_batch *b, size_t lo, size_t hi, unsigned attempt)
{
	if (b->qhead + b->qlen == b->qcap) {
		if (b->qhead > 0) {
			memmove(b->q, b->q + b->qhead, b->qlen * sizeof *b->q);
			b->qhead = 0;
		} else {
			size_t cap = b->qcap ? b->qcap * 2 : 8;
			ss_range *nq;
			if (cap > SIZE_MAX / sizeof *nq) {
				return -1;
			}
			nq = ss_realloc(b->q, cap * sizeof *nq);
			if (!nq) {
				return -1;
			}
			b->q = nq;
			b->qcap = cap;
		}
	}
	b->q[b->qhead + b->qlen].lo = lo;
	b->q[b->qhead + b->qlen].hi = hi;
	b->q[b->qhead + b->qlen].attempt = attempt;
	b->qlen++;
	return 0;
}

/* Queues the items [lo, hi) that are PENDING, in chunks under the budget. */
static int ss_batch_chunk(ss_batch *b, size_t lo, size_t hi)
{
	size_t i = lo;

	while (i < hi) {
		size_t start, used = 0, count = 0;
		while (i < hi && b->state[i] != SS_ITEM_PENDING) {
			i++;
		}
		if (i == hi) {
			break;
		}
		start = i;
		while (i < hi && b->state[i] == SS_ITEM_PENDING) {
			size_t v = b->vars ? b->vars[i] : 1;
			if (count > 0 && (used + v > b->budget || (b->max_items && count == b->max_items))) {
				break;
			}
			used += v;
			count++;
			i++;
		}
		if (ss_batch_push(b, start, i, 0) != 0) {
			return -1;
		}
	}
	return 0;
}

int ss_batch_init(ss_batch *b, const uint32_t *vars, size_t n, size_t budget, size_t max_items)
{
	memset(b, 0, sizeof *b);
	b->n = n;
	b->vars = vars;
	b->budget = budget ? budget : 1;
	b->max_items = max_items;
	b->state = ss_malloc(n);
	if (!b->state) {
		return -1;
	}
	memset(b->state, SS_ITEM_PENDING, n);
	return ss_batch_chunk(b, 0, n);
}

void ss_batch_free(ss_batch *b)
{
	ss_free(b->state);
	ss_free(b->q);
	memset(b, 0, sizeof *b);
}

int ss_batch_next(ss_batch *b, ss_range *out)
{
	if (b->qlen == 0) {
		return 0;
	}
	*out = b->q[b->qhead];
	b->qhead++;
	b->qlen--;
	if (b->qlen == 0) {
		b->qhead = 0;
	}
	ss_batch_mark(b, *out, SS_ITEM_SENT);
	return 1;
}

int ss_batch_retry(ss_batch *b, ss_range r)
{
	ss_batch_mark(b, r, SS_ITEM_PENDING);
	return ss_batch_push(b, r.lo, r.hi, r.attempt);
}

int ss_batch_reject(ss_batch *b, ss_range r)
{
	size_t mid;

	if (r.hi - r.lo <= 1) {
		ss_batch_mark(b, r, SS_ITEM_FAILED);
		return 1;
	}
	mid = r.lo + (r.hi - r.lo) / 2;
	ss_batch_mark(b, r, SS_ITEM_PENDING);
	b->bisections++;
	if (ss_batch_push(b, r.lo, mid, 0) != 0 || ss_batch_push(b, mid, r.hi, 0) != 0) {
		return -1;
	}
	return 0;
}

void ss_batch_mark(ss_batch *b, ss_range r, int state)
{
	size_t i;
	for (i = r.lo; i < r.hi && i < b->n; i++) {
		b->state[i] = (unsigned char)state;
	}
}

int ss_batch_requeue_pending(ss_batch *b, ss_range r)
{
	return ss_batch_chunk(b, r.lo, r.hi > b->n ? b->n : r.hi);
}

int ss_batch_set_budget(ss_batch *b, size_t budget)
{
	ss_range *old = b->q;
	size_t head = b->qhead, len = b->qlen, i;
	int rc = 0;

	b->budget = budget ? budget : 1;
	if (len == 0) {
		return 0;
	}
	b->q = NULL;
	b->qhead = b->qlen = b->qcap = 0;
	for (i = 0; i < len && rc == 0; i++) {
		rc = ss_batch_chunk(b, old[head + i].lo, old[head + i].hi);
	}
	ss_free(old);
	return rc;
}

size_t ss_batch_count(const ss_batch *b, int state)
{
	size_t i, c = 0;
	for (i = 0; i < b->n; i++) {
		c += b->state[i] == state;
	}
	return c;
}

/* ---- retry policy ------------------------------------------------------ */

ss_outcome ss_remote_classify(ss_transport t, long http_status, int body_is_json)
{
	switch (t) {
	case SS_T_CONNECT:
		return SS_O_RETRY;
	case SS_T_TIMEOUT:
	case SS_T_DROPPED:
		return SS_O_UNKNOWN;
	case SS_T_FATAL:
		return SS_O_FAIL;
	case SS_T_OK:
		break;
	}
	if (http_status >= 500 && http_status <= 599) {
		return SS_O_UNKNOWN;
	}
	if (http_status == 408 || http_status == 429) {
		/* Refused before processing: throttled or the server gave up waiting for the body. */
		return SS_O_RETRY;
	}
	if (http_status != 200) {
		return SS_O_FAIL;
	}
	return body_is_json ? SS_O_ANSWER : SS_O_UNKNOWN;
}

uint32_t ss_backoff_ms(unsigned attempt, uint32_t base_ms, uint32_t cap_ms, uint32_t rnd)
{
	uint64_t d = base_ms ? base_ms : 1;
	unsigned i;

	for (i = 1; i < attempt && d < cap_ms; i++) {
		d *= 2;
	}
	if (d > cap_ms) {
		d = cap_ms;
	}
	/* Equal jitter: d/2 fixed plus a uniform share of the other half. */
	return (uint32_t)(d / 2 + (d - d / 2 ? rnd % (d - d / 2 + 1) : 0));
}

/* ---- Moodle errors ----------------------------------------------------- */

ss_errclass ss_remote_error_class(const char *code, size_t len)
{
	/* Error codes that do not depend on the records sent: every call fails alike. */
	static const char *const site[] = {
		"invalidtoken", "accessexception", "servicerequireslogin", "sitemaintenance",
		"wsaccessuserdeleted", "wsaccessusersuspended", "wsaccessusernologin",
		"wsaccessuserunconfirmed", "wsaccessuserexpired", "invalidtimedtoken",
		"usernotfullysetup", "sitepolicynotagreed", "servicenotavailable",
		"requireloginerror", "forcepasswordchangenotice", "enablewsdescription",
	};
	size_t i;

	for (i = 0; i < sizeof site / sizeof site[0]; i++) {
		if (strlen(site[i]) == len && memcmp(site[i], code, len) == 0) {
			return SS_E_SITE;
		}
	}
	return SS_E_RECORD;
}
