/* shop_setup core: the session planner (see ss_planner.h, docs/session.md). */
#include "ss_planner.h"
#include "ss_username.h"
#include "ss_email.h"
#include "ss_window.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- names ---- */

static const char *const ss_param_names[SS_P_COUNT] = {
	"coursename", "supervisor", "autoenrolsupervisor", "customersupport",
	"supportrole", "starttime", "endtime", "duration", "requiredroles",
	"groupname", "attachexisting", "operatorrole", "participantrole", "customerrole"
};

const char *ss_session_param_name(ss_session_param p)
{
	return (unsigned)p < SS_P_COUNT ? ss_param_names[p] : "";
}

ss_session_param ss_session_param_lookup(const char *key, size_t len)
{
	int i;
	for (i = 0; i < SS_P_COUNT; i++) {
		if (strlen(ss_param_names[i]) == len && memcmp(ss_param_names[i], key, len) == 0) {
			return (ss_session_param)i;
		}
	}
	return SS_P_COUNT;
}

const char *ss_op_kind_name(ss_op_kind k)
{
	static const char *const names[SS_OP_KINDS] = {
		"create_user", "create_group", "enrol", "assign_role", "add_member", "assign_user_role", "create_product"
	};
	return (unsigned)k < SS_OP_KINDS ? names[k] : "";
}

/* ---- small helpers ---- */

static int ss_sv_eq(ss_sv a, const char *b)
{
	size_t n = strlen(b);
	return a.len == n && memcmp(a.p, b, n) == 0;
}

static int ss_sv_same(ss_sv a, ss_sv b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.p, b.p, a.len) == 0);
}

/* The white space ss_sv_trim() removes. */
static inline int ss_sv_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static ss_sv ss_sv_trim(ss_sv s)
{
	while (s.len && ss_sv_space(s.p[0])) {
		s.p++;
		s.len--;
	}
	while (s.len && ss_sv_space(s.p[s.len - 1])) {
		s.len--;
	}
	return s;
}

/* ss_sv_trim(s).len == 0, looking no further than the first other byte. */
static inline int ss_sv_blank(ss_sv s)
{
	size_t i;
	for (i = 0; i < s.len; i++) {
		if (!ss_sv_space(s.p[i])) return 0;
	}
	return 1;
}

static ss_sv ss_sv_c(const char *s)
{
	ss_sv v;
	v.p = s;
	v.len = strlen(s);
	return v;
}

/* Length of s cut to at most max bytes on a UTF-8 character boundary. */
static int ss_cut(ss_sv s, size_t max)
{
	size_t n = s.len;
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s.p[n] & 0xC0) == 0x80) {
			n--;
		}
	}
	return (int)n;
}

/* ---- output building ---- */

typedef struct ss_ctx {
	const ss_session_in *in;
	ss_session_out *out;
	int nomem;
	int global_error;         /* an error that no participant filter can fix */
} ss_ctx;

static ss_sv ss_arena_sv(ss_ctx *c, const char *p, size_t len)
{
	ss_sv v = {"", 0};
	char *d = ss_arena_dup(&c->out->arena, p, len);
	if (!d) {
		c->nomem = 1;
		return v;
	}
	v.p = d;
	v.len = len;
	return v;
}

static ss_issue *ss_issue_add(ss_ctx *c, ss_issue_level level, const char *code, int64_t part,
	const char *field, const char *fmt, ...)
{
	ss_session_out *o = c->out;
	ss_issue *is;
	char buf[1024];
	va_list ap;
	int n;

	if (o->nissues == o->capissues) {
		size_t cap = o->capissues ? o->capissues * 2 : 16;
		ss_issue *ni = ss_realloc(o->issues, cap * sizeof(ss_issue));
		if (!ni) {
			c->nomem = 1;
			return NULL;
		}
		o->issues = ni;
		o->capissues = cap;
	}
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0) {
		n = 0;
	} else if ((size_t)n >= sizeof buf) {
		/* Cut on a character boundary: the message stays well-formed UTF-8. */
		n = (int)sizeof buf - 1;
		while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80) n--;
	}
	is = &o->issues[o->nissues];
	is->level = level;
	is->code = code;
	is->message = ss_arena_sv(c, buf, (size_t)n);
	is->part = part;
	is->other = -1;
	is->field = field;
	is->next = SS_NO_ISSUE;
	if (level == SS_ISSUE_ERROR) {
		o->ok = 0;
		if (part < 0) {
			c->global_error = 1;
		}
	}
	if (part >= 0) {
		ss_part_out *po = SS_OUT_PART(o, part);
		if (po->first_issue == SS_NO_ISSUE) {
			po->first_issue = (uint32_t)o->nissues;
		} else {
			o->issues[po->last_issue].next = (uint32_t)o->nissues;
		}
		po->last_issue = (uint32_t)o->nissues;
		if (level == SS_ISSUE_ERROR) {
			po->error = 1;
		}
	}
	o->nissues++;
	return is;
}

static inline int ss_op_add(ss_ctx *c, ss_op_kind kind, int variant, int64_t ref)
{
	ss_session_out *o = c->out;
	ss_op_lite *op;
	if (!o->ops.elem && ss_blocks_init(&o->ops, sizeof(ss_op_lite), 0, o->nparts * 6 + 8, 0) != 0) {
		c->nomem = 1;
		return -1;
	}
	op = ss_blocks_push_raw(&o->ops);
	if (!op) {
		c->nomem = 1;
		return -1;
	}
	o->nops++;
	op->kind = (unsigned char)kind;
	op->variant = (unsigned char)variant;
	op->ref = (int32_t)ref;
	return 0;
}

/*
 * The match key of an address (ss_email_normalize: Moodle's validate_email()
 * on the trimmed address, ASCII lower-cased). When the key equals the
 * trimmed input it is a view of the input, else a copy in the arena.
 */
static ss_email_status ss_matchkey_in(ss_arena *arena, int *nomem, ss_sv email, ss_sv *key)
{
	char stackbuf[256];
	char *buf = stackbuf;
	size_t klen = 0, start = 0, tlen = 0;
	int same = 0;
	ss_email_status st;

	key->p = "";
	key->len = 0;
	if (email.len > SS_MAX_EMAIL_LEN) {
		return SS_EMAIL_E_TOO_LONG;
	}
	if (email.len > sizeof stackbuf) {
		buf = ss_arena_alloc(arena, email.len);
		if (!buf) {
			*nomem = 1;
			return SS_EMAIL_E_SYNTAX;
		}
	}
	st = ss_email_normalize_ex(email.p, email.len, buf, &klen, &same, 1);
	if (st != SS_EMAIL_OK) {
		return st;
	}
	if (same) {
		*key = email;   /* nothing trimmed, nothing lower-cased */
		return SS_EMAIL_OK;
	}
	/* The key is as long as the trimmed address: when nothing was trimmed,
	 * not the same means lowered, hence a copy. */
	if (klen != email.len) {
		ss_email_trim(email.p, email.len, &start, &tlen);
		if (tlen == klen && memcmp(email.p + start, buf, klen) == 0) {
			key->p = email.p + start;   /* already a match key: no copy */
			key->len = klen;
			return SS_EMAIL_OK;
		}
	}
	key->p = buf == stackbuf ? ss_arena_dup(arena, buf, klen) : buf;
	if (!key->p) {
		*nomem = 1;
		key->p = "";
		return SS_EMAIL_E_SYNTAX;
	}
	key->len = klen;
	return SS_EMAIL_OK;
}

static ss_email_status ss_matchkey(ss_ctx *c, ss_sv email, ss_sv *key)
{
	return ss_matchkey_in(&c->out->arena, &c->nomem, email, key);
}

/* The tail of both: the key's hash, and whether it is made. */
static int ss_mkey_done(ss_mkey *k, int nomem)
{
	k->hash = k->st == SS_EMAIL_OK ? ss_hash_bytes(k->key.p, k->key.len) : 0;
	k->ready = !nomem;
	return nomem ? -1 : 0;
}

int ss_session_mkey_plain(ss_session_in *in, ss_sv email, ss_mkey *k)
{
	char buf[SS_EMAIL_PLAIN_MAX];
	int upper, nomem = 0;
	if (!ss_email_plain_key(email.p, email.len, buf, &upper)) return 0;
	/* The usual address, as ss_matchkey_in() would give it: the input itself,
	 * or its lowered copy (one pass, no layer in between). */
	k->key.p = upper ? ss_arena_dup(&in->keys, buf, email.len) : email.p;
	k->key.len = email.len;
	k->st = (unsigned char)SS_EMAIL_OK;
	if (!k->key.p) {
		/* Out of memory: what ss_matchkey_in() gives then. */
		nomem = 1;
		k->key.p = "";
		k->key.len = 0;
		k->st = (unsigned char)SS_EMAIL_E_SYNTAX;
	}
	return ss_mkey_done(k, nomem) ? -1 : 1;
}

int ss_session_mkey(ss_session_in *in, ss_sv email, ss_mkey *k)
{
	int nomem = 0, r = ss_session_mkey_plain(in, email, k);
	if (r) return r < 0 ? -1 : 0;
	k->st = (unsigned char)ss_matchkey_in(&in->keys, &nomem, email, &k->key);
	return ss_mkey_done(k, nomem);
}

void ss_session_names(ss_session_participant *p)
{
	p->first_blank = (unsigned char)ss_sv_blank(p->firstname);
	p->last_blank = (unsigned char)ss_sv_blank(p->lastname);
	p->names_ready = 1;
}

/*
 * The rows a table of facts is sized for. Most lookups in the role
 * assignments and the privileged accounts find nothing, and walk to a free
 * slot (one mispredicted branch per slot walked, as in the keys table below):
 * twice the rows keep such a table at most about a third full. That pays
 * while the table stays in the caches: at 10,000 participants the account
 * states took 195 -> 165 kcycles and the participants' needs 360 -> 310. At
 * 1,000,000 participants (170,000 enrolments), where every probe is a cache
 * miss anyway, the bigger tables made phase 2 3-5% slower: there they keep
 * their rows' size.
 */
static size_t ss_fact_slots(size_t rows)
{
	return rows <= 8192 ? 2 * rows : rows;
}

/* How far ahead of the participant loops the table slots are prefetched: at
 * 10,000 participants after a userland call, 16 took the participants loop
 * from 503 to 475-482 kcycles (medians of 45), 32 to 519. */
#define SS_AHEAD 16
/* The need bits of one operation each, but the enrolment: ROLE to PRODUCT,
 * bits 1 to 5, and how many of them a value holds. */
#define SS_NEED_OTHER (SS_NEED_ROLE | SS_NEED_MEMBER | SS_NEED_RA_OP | SS_NEED_RA_MIRROR | SS_NEED_PRODUCT)
typedef char ss_need_other_check[SS_NEED_OTHER == 62 && SS_NEED_ENROL == 1 ? 1 : -1];
#define SS_POP5(x) (((x) & 1) + (((x) >> 1) & 1) + (((x) >> 2) & 1) + (((x) >> 3) & 1) + (((x) >> 4) & 1))
#define SS_POP5_4(x) SS_POP5(x), SS_POP5((x) + 1), SS_POP5((x) + 2), SS_POP5((x) + 3)
static const unsigned char ss_other_ops[32] = {
	SS_POP5_4(0), SS_POP5_4(4), SS_POP5_4(8), SS_POP5_4(12),
	SS_POP5_4(16), SS_POP5_4(20), SS_POP5_4(24), SS_POP5_4(28)
};
#undef SS_POP5_4
#undef SS_POP5
/* head[i] of a participant whose key an earlier one has (accounts are indexed
 * by uint32_t, UINT32_MAX meaning none, as in ss_part_out.user). */
#define SS_HEAD_DUP (UINT32_MAX - 1)
#if defined(__GNUC__) || defined(__clang__)
# define SS_PREFETCH(p) __builtin_prefetch(p)
#else
# define SS_PREFETCH(p) ((void)(p))
#endif

/*
 * Participant j's match key, its status and its hash: the caller's
 * (mkey.ready: the binding made it while reading the address), else made here.
 */
static void ss_part_key(ss_ctx *c, size_t j)
{
	const ss_session_participant *p = SS_IN_PART(c->in, j);
	ss_part_out *po = SS_OUT_PART(c->out, j);
	if (p->mkey.ready) {
		po->est = p->mkey.st;
		po->matchkey = p->mkey.key;
		po->refhash = p->mkey.hash;
		return;
	}
	po->est = (unsigned char)ss_matchkey(c, p->email.len ? p->email : p->typed, &po->matchkey);
	if (po->est == SS_EMAIL_OK) po->refhash = ss_hash_bytes(po->matchkey.p, po->matchkey.len);
}

/* A participant's output, empty: field by field, since a memset() of the
 * record compiles to a `rep stos` that costs ~2% of a 10,000-participant call. */
static inline void ss_part_out_reset(ss_part_out *po)
{
	po->matchkey.p = po->rolename.p = po->username.p = NULL;
	po->matchkey.len = po->rolename.len = po->username.len = 0;
	po->roleid = po->userid = 0;
	po->refhash = 0;
	po->first_issue = po->last_issue = SS_NO_ISSUE;
	po->user = po->enrol = 0;
	po->action = po->attach = po->error = po->need = po->est = 0;
}

/* Crockford base32 of a 64-bit value: 13 characters. */
#define SS_B32C(v) (char)((v) < 10 ? '0' + (v) : (v) < 18 ? 'A' + (v) - 10 : (v) < 20 ? 'J' + (v) - 18 \
	: (v) < 22 ? 'M' + (v) - 20 : (v) < 27 ? 'P' + (v) - 22 : 'V' + (v) - 27)
/* Every 10-bit value as its two characters (the alphabet 0-9 A-H J K M N P-T V-Z, written as ranges). */
#define SS_B32P(v) {SS_B32C((v) >> 5), SS_B32C((v) & 31)}
#define SS_B32P4(v) SS_B32P(v), SS_B32P((v) + 1), SS_B32P((v) + 2), SS_B32P((v) + 3)
#define SS_B32P16(v) SS_B32P4(v), SS_B32P4((v) + 4), SS_B32P4((v) + 8), SS_B32P4((v) + 12)
#define SS_B32P64(v) SS_B32P16(v), SS_B32P16((v) + 16), SS_B32P16((v) + 32), SS_B32P16((v) + 48)
#define SS_B32P256(v) SS_B32P64(v), SS_B32P64((v) + 64), SS_B32P64((v) + 128), SS_B32P64((v) + 192)
static const char ss_base32_pairs[1024][2] = {
	SS_B32P256(0), SS_B32P256(256), SS_B32P256(512), SS_B32P256(768)
};
#undef SS_B32P256
#undef SS_B32P64
#undef SS_B32P16
#undef SS_B32P4
#undef SS_B32P

static void ss_base32(uint64_t v, char out[13])
{
	/* out[12 - k] is bits 5k.. of v: two characters (ten bits) at a time, then the top four bits. */
#define SS_B32_2(k) memcpy(out + 11 - (k), ss_base32_pairs[(v >> (5 * (k))) & 1023], 2)
	SS_B32_2(0); SS_B32_2(2); SS_B32_2(4); SS_B32_2(6); SS_B32_2(8); SS_B32_2(10);
#undef SS_B32_2
	out[0] = SS_B32C((unsigned)(v >> 60));
}
#undef SS_B32C

/* ---- sorting of the phase-1 lists ---- */

static int ss_sv_cmp(const void *a, const void *b)
{
	const ss_sv *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int r = n ? memcmp(x->p, y->p, n) : 0;
	if (r) return r;
	return x->len < y->len ? -1 : x->len > y->len;
}

/* ---- per-participant decisions (phase 2) ---- */

static int ss_enrol_active(const ss_fact_enrolment *e, int64_t now)
{
	return e->status == 0 && (e->timeend <= 0 || e->timeend > now);
}

/* 1 when e starts after both now and the session's start (start): the
 * person would have no access at first. */
static int ss_enrol_late(const ss_fact_enrolment *e, int64_t now, int64_t start)
{
	return e->timestart > now && e->timestart > start;
}

/* Which of several enrolments of one person in one course the plan goes by:
 * one that gives access when the session starts, whatever its method; else a
 * manual one (late, then inactive: enrol_user() would overwrite its dates, so
 * it is an error for a sales admin); last one of another method that gives no
 * access then, which the plan ignores (ss_enrol_of()). */
static int ss_enrol_rank(const ss_fact_enrolment *e, int64_t now, int64_t start)
{
	int active = ss_enrol_active(e, now);
	if (active && !ss_enrol_late(e, now, start)) return 3;
	if (e->other) return 0;
	return active ? 2 : 1;
}

/* The enrolment the plan goes by, or NULL. An enrolment through another
 * method (self, cohort, or one in a disabled instance) that gives no access
 * now, or starts after the session, is not the manual plugin's row:
 * enrol_user() adds a manual enrolment beside it and leaves it alone, so the
 * person counts as not enrolled. */
static const ss_fact_enrolment *ss_enrol_of(const ss_session_in *in, const ss_imap_slot *s, int64_t start)
{
	const ss_fact_enrolment *e = s ? &in->enrolments[s->val - 1] : NULL;
	return e && e->other && (!ss_enrol_active(e, in->now) || ss_enrol_late(e, in->now, start)) ? NULL : e;
}

static int ss_has_role(const ss_fact_enrolment *e, int64_t roleid)
{
	size_t i;
	for (i = 0; e && i < e->nroles; i++) {
		if (e->roles[i] == roleid) return 1;
	}
	return 0;
}

static void ss_resolve_params(ss_ctx *c)
{
	const ss_session_in *in = c->in;
	ss_session_out *o = c->out;
	int i;
	static const char *const defaults[SS_P_COUNT] = {
		"", "teacher", "1", "", "student", "", "", "365", "student", "", "owned", "", "student", "customer"
	};

	for (i = 0; i < SS_P_COUNT; i++) {
		o->params[i] = in->has_param[i] ? ss_sv_trim(in->params[i]) : ss_sv_c(defaults[i]);
	}
	if (o->params[SS_P_SUPERVISOR].len == 0) {
		o->params[SS_P_SUPERVISOR] = ss_sv_c("teacher");
	}
	if (o->params[SS_P_SUPPORTROLE].len == 0) {
		o->params[SS_P_SUPPORTROLE] = ss_sv_c("student");
	}
	if (o->params[SS_P_PARTICIPANTROLE].len == 0) {
		o->params[SS_P_PARTICIPANTROLE] = ss_sv_c("student");
	}
	if (o->params[SS_P_OPERATORROLE].len == 0) {
		o->params[SS_P_OPERATORROLE] = o->params[SS_P_SUPERVISOR];
	}
	if (o->params[SS_P_COURSENAME].len == 0) {
		ss_issue_add(c, SS_ISSUE_ERROR, "missing_param", -1, "coursename",
			"The handler parameter coursename (the course shortname) is missing.");
	}
	{
		ss_sv a = o->params[SS_P_AUTOENROLSUPERVISOR];
		if (ss_sv_eq(a, "0") || ss_sv_eq(a, "false") || ss_sv_eq(a, "no") || ss_sv_eq(a, "off")) {
			o->autoenrol = 0;
		} else if (a.len == 0 || ss_sv_eq(a, "1") || ss_sv_eq(a, "true") || ss_sv_eq(a, "yes") || ss_sv_eq(a, "on")) {
			o->autoenrol = 1;
		} else {
			o->autoenrol = 1;
			ss_issue_add(c, SS_ISSUE_ERROR, "invalid_param", -1, "autoenrolsupervisor",
				"The handler parameter autoenrolsupervisor must be 0 or 1, not \"%.*s\".", ss_cut(a, 40), a.p);
		}
	}
	{
		ss_sv a = o->params[SS_P_ATTACHEXISTING];
		if (ss_sv_eq(a, "never")) {
			o->attachexisting = 0;
		} else if (ss_sv_eq(a, "owned") || a.len == 0) {
			o->attachexisting = 1;
		} else if (ss_sv_eq(a, "always")) {
			o->attachexisting = 2;
		} else {
			o->attachexisting = 1;
			ss_issue_add(c, SS_ISSUE_ERROR, "invalid_param", -1, "attachexisting",
				"The handler parameter attachexisting must be never, owned or always, not \"%.*s\".", ss_cut(a, 40), a.p);
		}
	}
	if (in->has_param[SS_P_GROUPNAME] && o->params[SS_P_GROUPNAME].len) {
		o->groupname = o->params[SS_P_GROUPNAME];
	} else {
		char buf[160];
		int n = snprintf(buf, sizeof buf, "Session %.*s", ss_cut(in->transactionid, 100), in->transactionid.p);
		o->groupname = ss_arena_sv(c, buf, (size_t)n);
	}
}

/* The enrolment window (ss_window_compute, with local_shop's meaning). */
static void ss_session_window(ss_ctx *c)
{
	const ss_session_in *in = c->in;
	ss_session_out *o = c->out;
	ss_window_input wi;
	ss_window w;
	ss_window_error err;
	ss_window_status st;

	memset(&wi, 0, sizeof wi);
#define SS_WSTR(field, prm) do { if (in->has_param[prm]) { wi.field.ptr = in->params[prm].p; wi.field.len = in->params[prm].len; } } while (0)
	SS_WSTR(starttime, SS_P_STARTTIME);
	SS_WSTR(endtime, SS_P_ENDTIME);
	SS_WSTR(duration, SS_P_DURATION);
#undef SS_WSTR
	wi.now = in->now < 0 ? 0 : in->now;
	wi.coursestart = in->has_facts && in->has_course ? in->course_startdate : 0;
	wi.renewable = in->renewable;
	st = ss_window_compute(&wi, &w, &err);
	if (st == SS_WINDOW_OK) {
		o->window_start = w.start;
		o->window_end = w.end;
		return;
	}
	o->window_start = wi.now;
	o->window_end = 0;
	if (st == SS_WINDOW_E_ORDER) {
		ss_issue_add(c, SS_ISSUE_ERROR, "invalid_window", -1, "endtime",
			"The enrolment would end (%lld) before it starts (%lld).", (long long)w.end, (long long)w.start);
	} else {
		ss_issue_add(c, SS_ISSUE_ERROR, "invalid_param", -1, ss_window_field_name(err.field),
			"The handler parameter %s %s at byte %zu: it must be %s.", ss_window_field_name(err.field),
			ss_window_status_message(st), err.offset, ss_window_field_expects(err.field));
	}
}

/* Quoted participant for messages: "typed" (role). */
#define SS_PQ(pt) ss_cut((pt)->typed, 80), (pt)->typed.p, ss_cut((pt)->role, 40), (pt)->role.p

int ss_sv_over_chars(ss_sv s, size_t max)
{
	size_t i, chars = 0;
	for (i = 0; i < s.len; i++) chars += ((unsigned char)s.p[i] & 0xC0) != 0x80;
	return chars > max;
}

/* A new account: each field longer than Moodle's column is an error (the
 * insert would fail, and the whole transaction with it). */
static void ss_check_columns(ss_ctx *c, size_t i, const ss_session_participant *p, const ss_part_out *po)
{
	/* The address as create_user stores it is as long as its match key (ASCII). */
	const struct { int over; const char *field; unsigned max; } col[] = {
		{po->matchkey.len > SS_USER_NAME_CHARS, "email", SS_USER_NAME_CHARS},
		{ss_sv_over(p->firstname, SS_USER_NAME_CHARS), "firstname", SS_USER_NAME_CHARS},
		{ss_sv_over(p->lastname, SS_USER_NAME_CHARS), "lastname", SS_USER_NAME_CHARS},
		{(p->over & SS_OVER_CITY) != 0, "city", SS_USER_CITY_CHARS},
		{(p->over & SS_OVER_INSTITUTION) != 0, "institution", SS_USER_INSTITUTION_CHARS},
		{(p->over & SS_OVER_PHONE2) != 0, "phone2", SS_USER_PHONE_CHARS},
	};
	size_t k;
	for (k = 0; k < sizeof col / sizeof col[0]; k++) {
		if (!col[k].over) continue;
		ss_issue_add(c, SS_ISSUE_ERROR, "field_too_long", (int64_t)i, col[k].field,
			"\"%.*s\" (%.*s): %s is longer than the %u characters Moodle's user table holds for a new account.",
			SS_PQ(p), col[k].field, col[k].max);
	}
}

/*
 * Whether a role missing from the site is only customerrole left at its
 * default (local_shop's "customer", which its install creates): a warning
 * then, since the operator still gets supportrole in the support course.
 * Given explicitly, or also named by another parameter or by requiredroles,
 * a missing role is an error like any other.
 */
static int ss_customer_role_optional(const ss_ctx *c, const ss_smap *reqroles, ss_sv name)
{
	const ss_sv *pr = c->out->params;
	static const ss_session_param others[] = {SS_P_SUPERVISOR, SS_P_OPERATORROLE, SS_P_PARTICIPANTROLE, SS_P_SUPPORTROLE};
	size_t k;
	if (c->in->has_param[SS_P_CUSTOMERROLE] || !ss_sv_same(name, pr[SS_P_CUSTOMERROLE])) return 0;
	for (k = 0; k < sizeof others / sizeof others[0]; k++) {
		if (ss_sv_same(name, pr[others[k]])) return 0;
	}
	return !ss_sv_eq(name, "student") && !ss_smap_find(reqroles, name.p, name.len);
}

ss_session_status ss_session_plan(const ss_session_in *in, ss_session_out *out)
{
	ss_ctx ctx, *c = &ctx;
	ss_smap keys = SS_SMAP_INIT, reqroles = SS_SMAP_INIT, rolemap = SS_SMAP_INIT, rolesneeded = SS_SMAP_INIT;
	ss_smap products = SS_SMAP_INIT;
	ss_imap priv = SS_IMAP_INIT, enrol = SS_IMAP_INIT, members = SS_IMAP_INIT, ras = SS_IMAP_INIT, refs = SS_IMAP_INIT;
	ss_username_batch unames;
	int names_ready = 0;
	uint32_t *user_next = NULL;
	uint32_t *head = NULL;             /* phase 2: each participant's first account (see SS_HEAD_DUP) */
	ss_sv needed_last = {NULL, 0};    /* the role name last put in rolesneeded */
	ss_buf tmp = SS_BUF_INIT;
	size_t i, n = in->nparts;
	ss_session_status st = SS_SESSION_OK;
	ss_email_status est;

	memset(out, 0, sizeof *out);
	out->phase = in->has_facts ? 2 : 1;
	out->ok = 1;
	c->in = in;
	c->out = out;
	c->nomem = 0;
	c->global_error = 0;

	if (n > SS_MAX_PARTICIPANTS) {
		return SS_SESSION_E_TOO_MANY;
	}
	/* Not zeroed: the participants' loop below sets each record first. */
	out->parts = ss_flat_alloc(n, sizeof(ss_part_out));
	if (!out->parts) {
		return SS_SESSION_E_NOMEM;
	}
	out->nparts = n;

	ss_resolve_params(c);
	ss_session_window(c);

	/* Phase 1 lists the match keys in the order's order, first appearance. */
	if (!in->has_facts) {
		out->email_parts = ss_malloc_n(n, sizeof(size_t));
		if (!out->email_parts) goto nomem;
	} else {
		head = ss_malloc_n(n, sizeof(uint32_t));
		if (!head) goto nomem;
	}

	/* Roles a participant may hold: student, _supervisor, and requiredroles.
	 * The keys table is sized for twice the participants, so that it ends at
	 * most about a third full: each participant's key is mostly new, and
	 * finding a free slot by linear probing takes (1 + 1/(1 - load)^2) / 2
	 * slots on average, whose loop exit is mispredicted once per extra slot.
	 * Sized for n (up to 0.7 full), the participants' loop took 510 kcycles
	 * at 10,000 participants and the accounts' lookups 155; now 420 and 125
	 * (the table's 32 bytes a slot: 512 KiB more to zero, 30 kcycles). */
	if (ss_smap_init(&reqroles, 8) != 0 || ss_smap_init(&keys, 2 * n) != 0 || ss_smap_init(&rolesneeded, 8) != 0) {
		goto nomem;
	}
	{
		ss_sv rr = out->params[SS_P_REQUIREDROLES];
		size_t s = 0, j;
		for (j = 0; j <= rr.len; j++) {
			if (j == rr.len || rr.p[j] == ',') {
				ss_sv item;
				item.p = rr.p + s;
				item.len = j - s;
				item = ss_sv_trim(item);
				if (item.len && !ss_smap_put(&reqroles, item.p, item.len, NULL)) goto nomem;
				s = j + 1;
			}
		}
	}
#define SS_NEED_ROLE_NAME(sv) do { if ((sv).len && !ss_smap_put(&rolesneeded, (sv).p, (sv).len, NULL)) goto nomem; } while (0)
	SS_NEED_ROLE_NAME(out->params[SS_P_SUPERVISOR]);
	SS_NEED_ROLE_NAME(out->params[SS_P_OPERATORROLE]);
	SS_NEED_ROLE_NAME(out->params[SS_P_PARTICIPANTROLE]);
	if (out->params[SS_P_CUSTOMERSUPPORT].len) {
		SS_NEED_ROLE_NAME(out->params[SS_P_SUPPORTROLE]);
		SS_NEED_ROLE_NAME(out->params[SS_P_CUSTOMERROLE]);
	}

	/* Participants: role, names, address, duplicates. The keys table's slot of
	 * the participant SS_AHEAD ahead is prefetched when its key is made. */
	for (i = 0; i < n; i++) {
		const ss_session_participant *p = SS_IN_PART(in, i);
		ss_part_out *po = SS_OUT_PART(out, i);
		ss_sv email = p->email.len ? p->email : p->typed;

		ss_part_out_reset(po);
		if (i + SS_AHEAD < n && SS_IN_PART(in, i + SS_AHEAD)->mkey.ready) {
			ss_smap_prefetch(&keys, SS_IN_PART(in, i + SS_AHEAD)->mkey.hash);
		}
		ss_part_key(c, i);
		if (c->nomem) goto nomem;

		if (ss_sv_eq(p->role, "student")) {
			po->rolename = ss_sv_c("student");
		} else if (ss_sv_eq(p->role, "_supervisor")) {
			po->rolename = out->params[SS_P_SUPERVISOR];
		} else if (p->role.len && ss_smap_find(&reqroles, p->role.p, p->role.len)) {
			po->rolename = p->role;
		} else {
			ss_issue_add(c, SS_ISSUE_ERROR, "unknown_role", (int64_t)i, "role",
				"\"%.*s\" is filed under the role \"%.*s\", which is neither student, _supervisor nor listed in requiredroles.",
				SS_PQ(p));
		}
		if (po->rolename.p != needed_last.p || po->rolename.len != needed_last.len) {
			/* Participants come role by role: one lookup per run of a role. */
			SS_NEED_ROLE_NAME(po->rolename);
			needed_last = po->rolename;
		}
		if (p->names_ready ? p->first_blank : ss_sv_blank(p->firstname)) {
			ss_issue_add(c, SS_ISSUE_ERROR, "missing_field", (int64_t)i, "firstname",
				"\"%.*s\" (%.*s) has no first name.", SS_PQ(p));
		}
		if (p->names_ready ? p->last_blank : ss_sv_blank(p->lastname)) {
			ss_issue_add(c, SS_ISSUE_ERROR, "missing_field", (int64_t)i, "lastname",
				"\"%.*s\" (%.*s) has no last name.", SS_PQ(p));
		}
		est = (ss_email_status)po->est;
		if (est != SS_EMAIL_OK) {
			po->matchkey.p = "";
			po->matchkey.len = 0;
			ss_issue_add(c, SS_ISSUE_ERROR, "invalid_email", (int64_t)i, "email",
				"\"%.*s\" (%.*s): \"%.*s\" is not an address Moodle accepts: %s", SS_PQ(p), ss_cut(email, 80), email.p,
				ss_email_status_message(est));
		} else {
			int created;
			ss_smap_slot *s = ss_smap_put_h(&keys, po->matchkey.p, po->matchkey.len, po->refhash, &created);
			if (!s) goto nomem;
			if (created) {
				s->val = i;
				if (!in->has_facts) out->email_parts[out->nemails++] = i;
				else head[i] = UINT32_MAX;
			} else {
				const ss_session_participant *q = SS_IN_PART(in, s->val);
				ss_issue *is = ss_issue_add(c, SS_ISSUE_ERROR, "duplicate", (int64_t)i, "email",
					"\"%.*s\" (%.*s) and \"%.*s\" (%.*s) are the same person (%.*s): one account, one seat; remove one entry.",
					SS_PQ(q), SS_PQ(p), ss_cut(po->matchkey, 80), po->matchkey.p);
				if (head) head[i] = SS_HEAD_DUP;
				if (is) is->other = (int64_t)s->val;
				SS_OUT_PART(out, s->val)->error = 1;
			}
		}
		if (c->nomem) goto nomem;
	}

	/* Seats: every participant of every role; the operator's own enrolment uses none. */
	out->seats = in->quantity;
	out->declared = (int64_t)n;
	out->unassigned = in->quantity > (int64_t)n ? in->quantity - (int64_t)n : 0;
	if ((int64_t)n > in->quantity) {
		ss_issue_add(c, SS_ISSUE_ERROR, "seats_exceeded", -1, "quantity",
			"The order lists %zu participants for %lld seats bought.", n, (long long)in->quantity);
	} else if ((int64_t)n < in->quantity) {
		ss_issue_add(c, SS_ISSUE_WARNING, "seats_unassigned", -1, "quantity",
			"%lld of the %lld seats bought are not assigned to anyone.", (long long)out->unassigned, (long long)in->quantity);
	}

	if (!in->has_facts) {
		/* Phase 1: what PHP must look up. */
		size_t nr = 0;
		ss_smap bases = SS_SMAP_INIT;
		/* One base per participant, not per match key: one person typed twice with two
		 * names (a student and a tutor) has two bases for one key. */
		out->usernames = ss_malloc_n(n, sizeof(ss_sv));
		out->roles = ss_malloc_n(rolesneeded.count, sizeof(ss_sv));
		if (!out->usernames || !out->roles || ss_smap_init(&bases, keys.count) != 0) goto nomem;
		for (i = 0; i < n; i++) {
			const ss_session_participant *p = SS_IN_PART(in, i);
			ss_part_out *po = SS_OUT_PART(out, i);
			int created;
			if (!po->matchkey.len) continue;
			if (ss_username_base(p->firstname.p, p->firstname.len, p->lastname.p, p->lastname.len,
					po->matchkey.p, po->matchkey.len, &tmp) != 0) {
				ss_smap_free(&bases);
				goto nomem;
			}
			po->username = ss_arena_sv(c, tmp.p, tmp.len);
			if (c->nomem || !ss_smap_put(&bases, po->username.p, po->username.len, &created)) {
				ss_smap_free(&bases);
				goto nomem;
			}
			if (created) {
				out->usernames[out->nusernames++] = po->username;
			}
		}
		ss_smap_free(&bases);
		{
			uint64_t cur = 0;
			ss_smap_slot *sl;
			while ((sl = ss_smap_each(&rolesneeded, &cur))) {
				ss_sv name;
				name.p = sl->key;
				name.len = sl->len;
				if (ss_customer_role_optional(c, &reqroles, name)) out->optional_role = name;
				else out->roles[nr++] = name;
			}
		}
		out->nlookuproles = nr;
		qsort(out->roles, out->nlookuproles, sizeof(ss_sv), ss_sv_cmp);
		goto done;
	}

	/* ---- Phase 2: the facts. ---- */
	if (!in->has_course) {
		ss_issue_add(c, SS_ISSUE_ERROR, "course_not_found", -1, "coursename",
			"No course has the shortname \"%.*s\".", ss_cut(out->params[SS_P_COURSENAME], 100), out->params[SS_P_COURSENAME].p);
	}
	if (out->params[SS_P_CUSTOMERSUPPORT].len && !in->has_supportcourse) {
		ss_issue_add(c, SS_ISSUE_ERROR, "supportcourse_not_found", -1, "customersupport",
			"The customer support course \"%.*s\" does not exist.", ss_cut(out->params[SS_P_CUSTOMERSUPPORT], 100),
			out->params[SS_P_CUSTOMERSUPPORT].p);
	}
	if (ss_smap_init(&rolemap, in->nroles) != 0) goto nomem;
	for (i = 0; i < in->nroles; i++) {
		ss_smap_slot *s = ss_smap_put(&rolemap, in->roles[i].shortname.p, in->roles[i].shortname.len, NULL);
		if (!s) goto nomem;
		s->val = (uint64_t)in->roles[i].id;
	}
	/* Every role the plan uses must exist (sorted for a deterministic message order). */
	{
		ss_sv *names = ss_malloc_n(rolesneeded.count, sizeof(ss_sv));
		size_t k = 0;
		if (!names) goto nomem;
		{
			uint64_t cur = 0;
			ss_smap_slot *sl;
			while ((sl = ss_smap_each(&rolesneeded, &cur))) {
				names[k].p = sl->key;
				names[k++].len = sl->len;
			}
		}
		qsort(names, k, sizeof(ss_sv), ss_sv_cmp);
		for (i = 0; i < k; i++) {
			if (ss_smap_find(&rolemap, names[i].p, names[i].len)) continue;
			if (ss_customer_role_optional(c, &reqroles, names[i])) {
				ss_issue_add(c, SS_ISSUE_WARNING, "customer_role_not_found", -1, "customerrole",
					"No role has the shortname \"%.*s\" (local_shop's customer role, the default of customerrole): "
					"the operator gets only supportrole in the customer support course. "
					"Set customerrole to another role, or leave it empty (customerrole=) for none.",
					ss_cut(names[i], 100), names[i].p);
				continue;
			}
			ss_issue_add(c, SS_ISSUE_ERROR, "role_not_found", -1, "roles",
				"No role has the shortname \"%.*s\".", ss_cut(names[i], 100), names[i].p);
		}
		ss_free(names);
	}
#define SS_ROLEID(sv) ((sv).len && ss_smap_find(&rolemap, (sv).p, (sv).len) ? (int64_t)ss_smap_find(&rolemap, (sv).p, (sv).len)->val : 0)

	/* Accounts by match key, found in the participants' keys table: head[j] is
	 * the first account of participant j's key (UINT32_MAX: none), user_next
	 * chains the accounts sharing it, in the site's order. Accounts no
	 * participant names cost one lookup and are kept nowhere. */
	user_next = ss_malloc_n(in->nusers, sizeof(uint32_t));
	if (!user_next) goto nomem;
	for (i = 0; i < in->nusers; i++) {
		const ss_fact_user *u = &in->users[i];
		ss_sv key;
		uint64_t h;
		ss_smap_slot *s;
		uint32_t *at;
		if (i + SS_AHEAD < in->nusers && in->users[i + SS_AHEAD].mkey.ready) {
			ss_smap_prefetch(&keys, in->users[i + SS_AHEAD].mkey.hash);
		}
		user_next[i] = UINT32_MAX;
		if (u->deleted) continue;
		if (u->mkey.ready) {
			if (u->mkey.st != SS_EMAIL_OK) continue;
			key = u->mkey.key;
			h = u->mkey.hash;
		} else {
			if (ss_matchkey(c, u->email, &key) != SS_EMAIL_OK) {
				if (c->nomem) goto nomem;
				continue;   /* an address Moodle refuses cannot match a valid one */
			}
			h = ss_hash_bytes(key.p, key.len);
		}
		s = ss_smap_find_h(&keys, key.p, key.len, h);
		if (!s) continue;
		/* Appended, to keep the site's order in the ambiguous_email message. */
		for (at = &head[s->val]; *at != UINT32_MAX; at = &user_next[*at]);
		*at = (uint32_t)i;
	}
	/* The site's usernames (the list, then the accounts' own): the batch
	 * resolves the new accounts' names against them below. */
	if (ss_username_batch_init(&unames, in->nusernames + in->nusers, n) != 0) goto nomem;
	names_ready = 1;
	{
		size_t total = in->nusernames + in->nusers, k;
		for (k = 0; k < total; k++) {
			ss_sv nm = k < in->nusernames ? in->usernames[k] : in->users[k - in->nusernames].username;
			if (nm.len && ss_username_batch_site(&unames, nm.p, nm.len) != 0) goto nomem;
		}
	}
	if (ss_imap_init(&priv, ss_fact_slots(in->nprivileged)) != 0 || ss_imap_init(&enrol, ss_fact_slots(in->nenrolments)) != 0
		|| ss_imap_init(&members, ss_fact_slots(in->nmembers)) != 0 || ss_imap_init(&ras, ss_fact_slots(in->nras)) != 0
		|| ss_smap_init(&products, in->nproducts) != 0) goto nomem;
	for (i = 0; i < in->nprivileged; i++) {
		if (!ss_imap_put(&priv, in->privileged[i], 0, 0, NULL)) goto nomem;
	}
	for (i = 0; i < in->nenrolments; i++) {
		/* Several enrolment instances for one user and course: the one
		 * ss_enrol_rank() puts first wins. The support course's enrolment (the
		 * operator's) starts now, the course's with the window. */
		int created;
		int64_t start = in->has_supportcourse && in->enrolments[i].courseid == in->supportcourse_id ? in->now : out->window_start;
		ss_imap_slot *s = ss_imap_put(&enrol, in->enrolments[i].courseid, in->enrolments[i].userid, 0, &created);
		if (!s) goto nomem;
		if (created || ss_enrol_rank(&in->enrolments[i], in->now, start) > ss_enrol_rank(&in->enrolments[s->val - 1], in->now, start)) {
			s->val = i + 1;
		}
	}
	for (i = 0; in->has_group && i < in->nmembers; i++) {
		if (!ss_imap_put(&members, in->members[i], 0, 0, NULL)) goto nomem;
	}
	for (i = 0; i < in->nras; i++) {
		if (!ss_imap_put(&ras, in->ras[i].roleid, in->ras[i].userid, in->ras[i].contextuserid, NULL)) goto nomem;
	}
	for (i = 0; i < in->nproducts; i++) {
		if (!ss_smap_put(&products, in->products[i].p, in->products[i].len, NULL)) goto nomem;
	}

	{
		const int64_t op_id = in->operatorid;
		const int64_t courseid = in->course_id;
		const int64_t suprole = SS_ROLEID(out->params[SS_P_SUPERVISOR]);
		const int64_t operatorrole = SS_ROLEID(out->params[SS_P_OPERATORROLE]);
		const int64_t mirrorrole = SS_ROLEID(out->params[SS_P_PARTICIPANTROLE]);
		const int64_t supportrole = SS_ROLEID(out->params[SS_P_SUPPORTROLE]);
		/* local_shop's support enrolment gives student and customer: customerrole
		 * (default customer; empty, the same as supportrole or missing: none). */
		const int64_t customerrole = out->params[SS_P_CUSTOMERSUPPORT].len
			&& !ss_sv_same(out->params[SS_P_CUSTOMERROLE], out->params[SS_P_SUPPORTROLE])
			? SS_ROLEID(out->params[SS_P_CUSTOMERROLE]) : 0;
		ss_sv last_role = {NULL, 0};
		int64_t last_roleid = 0;
		const ss_fact_enrolment *op_enrol = NULL, *op_support = NULL;
		int op_in_course = 0, op_need_enrol = 0, op_need_role = 0, op_need_member = 0;
		int op_need_support = 0, op_need_support_role = 0, op_need_support_customer = 0;
		int blocked;
		size_t pcreate = 0, penrol = 0, pother = 0;   /* participants' operations, by kind */
		ss_imap_slot *es;
		/* A privileged operator (site admin, system role) is attached to nobody: the
		 * mirror role would give participants a role in an admin's user context. */
		const int op_privileged = ss_imap_find(&priv, op_id, 0, 0) != NULL;

		if (op_privileged && n > 0) {
			ss_issue_add(c, SS_ISSUE_WARNING, "operator_privileged", -1, "operator",
				"The operator #%lld is a site admin or holds a system role: no participant is attached to them.",
				(long long)op_id);
		}

		out->groupid = in->has_group ? in->group_id : 0;
		out->operatorid = op_id;
		out->courseid = courseid;
		out->supportcourseid = in->has_supportcourse ? in->supportcourse_id : 0;
		out->suprole = suprole;
		out->operatorrole = operatorrole;
		out->mirrorrole = mirrorrole;
		out->supportrole = supportrole;
		out->customerrole = customerrole;
		out->now = in->now;

		/* Accounts, account states, enrolment states, references. */
		for (i = 0; i < n; i++) {
			const ss_session_participant *p = SS_IN_PART(in, i);
			ss_part_out *po = SS_OUT_PART(out, i);
			uint32_t u0;
			if (!po->matchkey.len) continue;
			/* Participants of one role share its name's bytes: look it up once per run. */
			if (po->rolename.p != last_role.p || po->rolename.len != last_role.len) {
				last_role = po->rolename;
				last_roleid = SS_ROLEID(last_role);
			}
			po->roleid = last_roleid;

			/* A duplicate's accounts are those of the first participant with its
			 * key, whose slot the key finds (the participants' loop put it there). */
			u0 = head[i];
			if (u0 == SS_HEAD_DUP) u0 = head[ss_smap_find_h(&keys, po->matchkey.p, po->matchkey.len, po->refhash)->val];
			if (u0 == UINT32_MAX) {
				po->action = SS_ACT_CREATE;
				if (p->over || po->matchkey.len > SS_USER_NAME_CHARS || p->firstname.len > SS_USER_NAME_CHARS
					|| p->lastname.len > SS_USER_NAME_CHARS) ss_check_columns(c, i, p, po);
			} else if (user_next[u0] != UINT32_MAX) {
				uint32_t j = u0;
				tmp.len = 0;
				for (; j != UINT32_MAX; j = user_next[j]) {
					char num[32];
					int m = snprintf(num, sizeof num, "%s#%lld", tmp.len ? ", " : "", (long long)in->users[j].id);
					if (ss_buf_append(&tmp, num, (size_t)m) != 0) goto nomem;
					if (in->users[j].username.len) {
						ss_buf_putc(&tmp, ' ');
						ss_buf_putc(&tmp, '(');
						ss_buf_append(&tmp, in->users[j].username.p, (size_t)ss_cut(in->users[j].username, 100));
						ss_buf_putc(&tmp, ')');
					}
					if (tmp.len > 600) {
						ss_buf_append(&tmp, ", ...", 5);
						break;
					}
				}
				ss_issue_add(c, SS_ISSUE_ERROR, "ambiguous_email", (int64_t)i, "email",
					"\"%.*s\" (%.*s): several accounts use this address (%.*s); the sales admin must choose one.",
					SS_PQ(p), (int)tmp.len, tmp.p);
			} else {
				const ss_fact_user *u = &in->users[u0];
				po->userid = u->id;
				po->username = u->username;
				po->user = u0 + 1;
				po->action = SS_ACT_REUSE;
				if (u->suspended) {
					ss_issue_add(c, SS_ISSUE_ERROR, "account_suspended", (int64_t)i, "email",
						"\"%.*s\" (%.*s): the account #%lld (%.*s) is suspended; enrolling it would give no access.",
						SS_PQ(p), (long long)u->id, ss_cut(u->username, 100), u->username.p);
				} else if (ss_sv_eq(u->auth, "nologin")) {
					ss_issue_add(c, SS_ISSUE_ERROR, "account_nologin", (int64_t)i, "email",
						"\"%.*s\" (%.*s): the account #%lld (%.*s) cannot log in (auth nologin).",
						SS_PQ(p), (long long)u->id, ss_cut(u->username, 100), u->username.p);
				}
				es = ss_imap_find(&enrol, courseid, u->id, 0);
				if (!ss_enrol_of(in, es, out->window_start)) es = NULL;
				po->enrol = es ? (uint32_t)es->val : 0;
				if (es) {
					const ss_fact_enrolment *e = &in->enrolments[es->val - 1];
					if (e->status != 0) {
						ss_issue_add(c, SS_ISSUE_ERROR, "enrolment_suspended", (int64_t)i, "email",
							"\"%.*s\" (%.*s): the enrolment of #%lld in the course is suspended; a sales admin must reactivate it (re-enrolling would overwrite its dates).",
							SS_PQ(p), (long long)u->id);
					} else if (e->timeend > 0 && e->timeend <= in->now) {
						ss_issue_add(c, SS_ISSUE_ERROR, "enrolment_ended", (int64_t)i, "email",
							"\"%.*s\" (%.*s): the enrolment of #%lld in the course ended; a sales admin must extend it (re-enrolling would overwrite its dates).",
							SS_PQ(p), (long long)u->id);
					} else if (ss_enrol_late(e, in->now, out->window_start)) {
						/* Enrolled for later than this session starts: skipped, the person
						 * would have no access at first (Moodle counts an enrolment from
						 * its timestart). A re-run of this order finds its own enrolments
						 * starting at the window's start, never after. */
						ss_issue_add(c, SS_ISSUE_ERROR, "enrolment_not_started", (int64_t)i, "email",
							"\"%.*s\" (%.*s): the enrolment of #%lld in the course starts after this session does; a sales admin must move its start (re-enrolling would overwrite its dates).",
							SS_PQ(p), (long long)u->id);
					}
				}
			}
			if (c->nomem) goto nomem;
		}

		if (keys.collisions) {
			/* Two addresses share a 64-bit hash, hence a product reference (rare: find them). */
			if (ss_imap_init(&refs, n) != 0) goto nomem;
			for (i = 0; i < n; i++) {
				ss_part_out *po = SS_OUT_PART(out, i);
				ss_imap_slot *rs;
				int created;
				if (!po->matchkey.len) continue;
				rs = ss_imap_put(&refs, (int64_t)po->refhash, 0, 0, &created);
				if (!rs) goto nomem;
				if (created) {
					rs->val = i;
				} else if (!ss_sv_same(SS_OUT_PART(out, rs->val)->matchkey, po->matchkey)) {
					ss_issue_add(c, SS_ISSUE_ERROR, "reference_collision", (int64_t)i, "email",
						"\"%.*s\" (%.*s) and \"%.*s\" (%.*s) would share a product reference.",
						SS_PQ(SS_IN_PART(in, rs->val)), SS_PQ(SS_IN_PART(in, i)));
					c->global_error = 1;
				}
			}
		}
		blocked = c->global_error || (!out->ok && !in->partial);
		if (in->partial && !out->ok && !c->global_error) {
			size_t skipped = 0;
			for (i = 0; i < n; i++) skipped += SS_OUT_PART(out, i)->error;
			ss_issue_add(c, SS_ISSUE_WARNING, "partial", -1, NULL,
				"Partial plan: %zu participant(s) in error are left out.", skipped);
		}

		/* Usernames for the accounts to create: each base in the output arena
		 * with room for its suffix, where the batch writes the name. */
		for (i = 0; i < n; i++) {
			const ss_session_participant *p = SS_IN_PART(in, i);
			ss_part_out *po = SS_OUT_PART(out, i);
			char *name;
			if (i + SS_AHEAD < n) {
				const ss_session_participant *q = SS_IN_PART(in, i + SS_AHEAD);
				SS_PREFETCH(q->firstname.p);
				SS_PREFETCH(q->lastname.p);
			}
			if (po->action != SS_ACT_CREATE || po->error) continue;
			if (ss_username_base(p->firstname.p, p->firstname.len, p->lastname.p, p->lastname.len,
					po->matchkey.p, po->matchkey.len, &tmp) != 0) goto nomem;
			name = ss_arena_alloc(&out->arena, tmp.len + SS_USERNAME_SUFFIX_MAX);
			if (!name) goto nomem;
			memcpy(name, tmp.p, tmp.len);
			po->username.p = name;
			po->username.len = tmp.len;
			if (ss_username_batch_base(&unames, name, tmp.len, &po->username.len) != 0) goto nomem;
		}
		if (ss_username_batch_run(&unames) != 0) goto nomem;

		/* The operator: course enrolment, support course. */
		if (courseid) {
			op_enrol = ss_enrol_of(in, ss_imap_find(&enrol, courseid, op_id, 0), out->window_start);
		}
		if (out->autoenrol) {
			if (!op_enrol) {
				op_need_enrol = 1;
				op_in_course = 1;
			} else if (op_enrol->status != 0 || (op_enrol->timeend > 0 && op_enrol->timeend <= in->now)) {
				ss_issue_add(c, SS_ISSUE_WARNING, "operator_enrolment_inactive", -1, "operator",
					"The operator's enrolment #%lld in the course is suspended or ended: left as it is.", (long long)op_id);
			} else {
				op_in_course = 1;
				if (ss_has_role(op_enrol, suprole)) out->skipped++;
				else op_need_role = 1;
			}
		} else if (op_enrol && op_enrol->status == 0) {
			op_in_course = 1;
		}
		if (op_in_course) {
			if (in->has_group && ss_imap_find(&members, op_id, 0, 0)) out->skipped++;
			else op_need_member = 1;
		}
		if (out->params[SS_P_CUSTOMERSUPPORT].len && in->has_supportcourse) {
			op_support = ss_enrol_of(in, ss_imap_find(&enrol, in->supportcourse_id, op_id, 0), in->now);
			if (!op_support) {
				op_need_support = 1;
				op_need_support_customer = customerrole != 0;
			} else if (op_support->status != 0) {
				ss_issue_add(c, SS_ISSUE_WARNING, "operator_enrolment_inactive", -1, "customersupport",
					"The operator's enrolment in the customer support course is suspended: left as it is.");
			} else {
				if (ss_has_role(op_support, supportrole)) out->skipped++;
				else op_need_support_role = 1;
				if (customerrole && ss_has_role(op_support, customerrole)) out->skipped++;
				else op_need_support_customer = customerrole != 0;
			}
		}

		/* Participants: what is missing. */
		for (i = 0; i < n; i++) {
			ss_part_out *po = SS_OUT_PART(out, i);
			const ss_fact_enrolment *e = NULL;
			int has_ra_op = -1;   /* the operator's role in this user's context: -1 not looked up yet */
			if (po->error) {
				po->action = SS_ACT_NONE;   /* nothing is done for them (their errors are all known by now) */
				continue;
			}
			if (!po->matchkey.len) continue;
			po->need = SS_PROCEED;
			if (po->action == SS_ACT_REUSE && po->enrol) {
				e = &in->enrolments[po->enrol - 1];   /* found when the account was matched */
			}
			if (po->userid && po->userid == op_id) {
				/* The operator holds a seat too: one enrolment, two roles. */
				po->need |= SS_IS_OPERATOR;
				if (op_need_enrol || op_need_role || e) {
					int has = ss_has_role(e, po->roleid) || ((op_need_enrol || op_need_role) && po->roleid == suprole);
					if (has) out->skipped++;
					else po->need |= SS_NEED_ROLE;
				} else {
					po->need |= SS_NEED_ENROL;
				}
				if (!op_in_course) {
					op_in_course = 1;
					if (!(in->has_group && ss_imap_find(&members, op_id, 0, 0))) op_need_member = 1;
				}
			} else {
				if (!e) po->need |= SS_NEED_ENROL;
				else if (ss_has_role(e, po->roleid)) out->skipped++;
				else po->need |= SS_NEED_ROLE;
				if (po->userid && in->has_group && ss_imap_find(&members, po->userid, 0, 0)) out->skipped++;
				else po->need |= SS_NEED_MEMBER;
			}
			/* Delegation. */
			if (po->userid == op_id || op_privileged) {
				po->attach = 0;
			} else if (po->action == SS_ACT_CREATE) {
				po->attach = 1;
			} else if (ss_imap_find(&priv, po->userid, 0, 0)) {
				po->attach = 0;
				if (out->attachexisting == 2) {
					ss_issue_add(c, SS_ISSUE_WARNING, "not_attached_privileged", (int64_t)i, "email",
						"\"%.*s\" (%.*s): the account #%lld is a site admin or holds a system role: never attached to the operator.",
						SS_PQ(SS_IN_PART(in, i)), (long long)po->userid);
				}
			} else if (out->attachexisting == 2) {
				po->attach = 1;
			} else if (out->attachexisting == 1) {
				has_ra_op = ss_imap_find(&ras, operatorrole, op_id, po->userid) != NULL;
				po->attach = (unsigned char)has_ra_op;
			}
			if (po->attach) {
				if (has_ra_op < 0) has_ra_op = po->userid && ss_imap_find(&ras, operatorrole, op_id, po->userid);
				if (has_ra_op) out->skipped++;
				else po->need |= SS_NEED_RA_OP;
				if (po->userid && ss_imap_find(&ras, mirrorrole, po->userid, op_id)) out->skipped++;
				else po->need |= SS_NEED_RA_MIRROR;
			}
			tmp.len = 0;
			if (products.count && ss_session_reference(in, out, i, &tmp) != 0) goto nomem;
			if (products.count && ss_smap_find(&products, tmp.p, tmp.len)) out->skipped++;
			else po->need |= SS_NEED_PRODUCT;
			if (po->action == SS_ACT_REUSE) out->reused++;
			/* What the participant's operations come to (for in->ops_as_flags). */
			pcreate += po->action == SS_ACT_CREATE;
			penrol += po->need & SS_NEED_ENROL;
			pother += ss_other_ops[(po->need & SS_NEED_OTHER) >> 1];
			if (c->nomem) goto nomem;
		}

		/* Operations, kind by kind, the operator first, then participants in order.
		 * With in->ops_as_flags the participants' stay as their need bits,
		 * counted in the loop above: only the group's and the operator's are stored. */
		if (!blocked) {
#define SS_EMIT(kind, variant, ref) do { if (ss_op_add(c, (kind), (variant), (ref)) != 0) goto nomem; } while (0)
			const int each = !in->ops_as_flags;
			if (in->ops_as_flags) {
				out->nflagops = pcreate + penrol + pother;
				out->created = (int64_t)pcreate;
			}
			for (i = 0; each && i < n; i++) {
				const ss_part_out *po = SS_OUT_PART(out, i);
				if ((po->need & SS_PROCEED) && po->action == SS_ACT_CREATE) {
					SS_EMIT(SS_OP_CREATE_USER, 0, (int64_t)i);
					out->created++;
				}
			}
			if (!in->has_group) SS_EMIT(SS_OP_CREATE_GROUP, 0, SS_REF_NONE);
			if (op_need_enrol) SS_EMIT(SS_OP_ENROL, SS_V_COURSE, SS_REF_OPERATOR);
			if (op_need_support) SS_EMIT(SS_OP_ENROL, SS_V_SUPPORT, SS_REF_OPERATOR);
			out->enrolments = op_need_enrol + op_need_support + (each ? 0 : (int64_t)penrol);
			for (i = 0; each && i < n; i++) {
				if (SS_OUT_PART(out, i)->need & SS_NEED_ENROL) {
					SS_EMIT(SS_OP_ENROL, SS_V_COURSE, (int64_t)i);
					out->enrolments++;
				}
			}
			if (op_need_role) SS_EMIT(SS_OP_ASSIGN_ROLE, SS_V_COURSE, SS_REF_OPERATOR);
			if (op_need_support_role) SS_EMIT(SS_OP_ASSIGN_ROLE, SS_V_SUPPORT, SS_REF_OPERATOR);
			if (op_need_support_customer) SS_EMIT(SS_OP_ASSIGN_ROLE, SS_V_SUPPORT_CUSTOMER, SS_REF_OPERATOR);
			for (i = 0; each && i < n; i++) {
				if (SS_OUT_PART(out, i)->need & SS_NEED_ROLE) SS_EMIT(SS_OP_ASSIGN_ROLE, SS_V_COURSE, (int64_t)i);
			}
			if (op_need_member) SS_EMIT(SS_OP_ADD_MEMBER, SS_V_COURSE, SS_REF_OPERATOR);
			for (i = 0; each && i < n; i++) {
				if (SS_OUT_PART(out, i)->need & SS_NEED_MEMBER) SS_EMIT(SS_OP_ADD_MEMBER, SS_V_COURSE, (int64_t)i);
			}
			for (i = 0; each && i < n; i++) {
				const unsigned need = SS_OUT_PART(out, i)->need;
				if (need & SS_NEED_RA_OP) SS_EMIT(SS_OP_ASSIGN_USER_ROLE, SS_V_OPERATOR_ROLE, (int64_t)i);
				if (need & SS_NEED_RA_MIRROR) SS_EMIT(SS_OP_ASSIGN_USER_ROLE, SS_V_MIRROR_ROLE, (int64_t)i);
			}
			for (i = 0; each && i < n; i++) {
				if (SS_OUT_PART(out, i)->need & SS_NEED_PRODUCT) SS_EMIT(SS_OP_CREATE_PRODUCT, 0, (int64_t)i);
			}
#undef SS_EMIT
		}
		out->blocked = blocked;
	}
	goto done;

nomem:
	st = SS_SESSION_E_NOMEM;
done:
	if (c->nomem) st = SS_SESSION_E_NOMEM;
	ss_smap_free(&keys);
	ss_smap_free(&reqroles);
	ss_smap_free(&rolemap);
	ss_smap_free(&rolesneeded);
	ss_smap_free(&products);
	ss_imap_free(&refs);
	ss_imap_free(&priv);
	ss_imap_free(&enrol);
	ss_imap_free(&members);
	ss_imap_free(&ras);
	if (names_ready) ss_username_batch_free(&unames);
	ss_free(user_next);
	ss_free(head);
	ss_buf_free(&tmp);
	return st;
}

void ss_session_op(const ss_session_out *o, size_t i, ss_op *op)
{
	const ss_op_lite *l = ((ss_op_lite *)ss_blocks_at(&o->ops, i));
	const ss_part_out *po = l->ref >= 0 ? SS_OUT_PART(o, l->ref) : NULL;
	memset(op, 0, sizeof *op);
	op->kind = (ss_op_kind)l->kind;
	op->ref = l->ref;
	op->part = l->ref;
	op->userid = po ? po->userid : (l->ref == SS_REF_OPERATOR ? o->operatorid : 0);
	op->courseid = o->courseid;
	op->groupid = o->groupid;
	switch (op->kind) {
	case SS_OP_ENROL:
	case SS_OP_ASSIGN_ROLE:
		if (l->variant == SS_V_SUPPORT || l->variant == SS_V_SUPPORT_CUSTOMER) {
			op->courseid = o->supportcourseid;
			op->roleid = l->variant == SS_V_SUPPORT ? o->supportrole : o->customerrole;
			op->timestart = o->now;
			op->timeend = 0;
		} else {
			op->roleid = po ? po->roleid : o->suprole;
			op->timestart = o->window_start;
			op->timeend = o->window_end;
		}
		break;
	case SS_OP_ASSIGN_USER_ROLE:
		if (l->variant == SS_V_OPERATOR_ROLE) {
			op->userid = o->operatorid;
			op->roleid = o->operatorrole;
			op->contextref = l->ref;
			op->contextuserid = po ? po->userid : 0;
		} else {
			op->roleid = o->mirrorrole;
			op->contextref = SS_REF_OPERATOR;
			op->contextuserid = o->operatorid;
		}
		break;
	case SS_OP_CREATE_PRODUCT:
		op->timestart = o->window_start;
		op->timeend = o->window_end;
		break;
	default:
		break;
	}
}

void ss_session_reference_to(const ss_session_in *in, const ss_session_out *out, size_t i, char *dst)
{
	if (in->transactionid.len) memcpy(dst, in->transactionid.p, in->transactionid.len);
	dst[in->transactionid.len] = '-';
	ss_base32(SS_OUT_PART(out, i)->refhash, dst + in->transactionid.len + 1);
	if (in->refscope.len) {
		dst[in->transactionid.len + 14] = '-';
		memcpy(dst + in->transactionid.len + 15, in->refscope.p, in->refscope.len);
	}
}

int ss_session_reference(const ss_session_in *in, const ss_session_out *out, size_t i, ss_buf *b)
{
	if (ss_buf_reserve(b, SS_REFERENCE_LEN(in)) != 0) return -1;
	ss_session_reference_to(in, out, i, b->p + b->len);
	b->len += SS_REFERENCE_LEN(in);
	b->p[b->len] = '\0';
	return 0;
}

#define SS_LIT(b, s) ss_buf_append((b), (s), sizeof(s) - 1)

int ss_session_line(const ss_session_in *in, const ss_session_out *out, size_t i, ss_buf *b)
{
	const ss_part_out *po = SS_OUT_PART(out, i);
	unsigned f = po->need;
	char num[48];
	int m;

	if (ss_buf_reserve(b, 200) != 0) return -1;
	if (po->error || !(f & SS_PROCEED)) {
		if (out->phase == 1) return SS_LIT(b, "not valid: see the errors");
		return po->first_issue == SS_NO_ISSUE ? SS_LIT(b, "not set up: the same person is listed again in the order")
			: SS_LIT(b, "not set up: see the errors");
	}
	if (po->action == SS_ACT_CREATE) {
		SS_LIT(b, "new account ");
		ss_buf_append(b, po->username.p, po->username.len);
	} else {
		m = snprintf(num, sizeof num, "existing account #%lld", (long long)po->userid);
		ss_buf_append(b, num, (size_t)m);
		if (po->username.len) {
			SS_LIT(b, " (");
			ss_buf_append(b, po->username.p, (size_t)ss_cut(po->username, 100));
			ss_buf_putc(b, ')');
		}
	}
	if (f & SS_NEED_ENROL) SS_LIT(b, "; enrol as ");
	else if (f & SS_NEED_ROLE) SS_LIT(b, "; already enrolled, add the role ");
	else SS_LIT(b, "; already enrolled as ");
	ss_buf_append(b, po->rolename.p, (size_t)ss_cut(po->rolename, 100));
	if (!(f & SS_IS_OPERATOR)) {
		if (f & SS_NEED_MEMBER) SS_LIT(b, "; add to the group");
		else SS_LIT(b, "; already in the group");
	}
	if (po->attach) {
		if (f & (SS_NEED_RA_OP | SS_NEED_RA_MIRROR)) SS_LIT(b, "; attach to the operator");
		else SS_LIT(b, "; already attached to the operator");
	} else if (po->userid != in->operatorid) {
		SS_LIT(b, "; not attached to the operator");
	}
	if (f & SS_NEED_PRODUCT) SS_LIT(b, "; record the seat");
	else SS_LIT(b, "; seat already recorded");
	if (out->blocked) SS_LIT(b, " (on hold: the order has errors)");
	return 0;
}

void ss_session_out_free(ss_session_out *out)
{
	ss_free(out->issues);
	ss_flat_free(out->parts, out->nparts, sizeof(ss_part_out));
	ss_blocks_free(&out->ops);
	ss_free(out->email_parts);
	ss_free(out->usernames);
	ss_free(out->roles);
	ss_arena_free(&out->arena);
	memset(out, 0, sizeof *out);
}
