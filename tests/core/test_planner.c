/* C unit tests: the session planner's decisions, without PHP. */
#include "ss_planner.h"
#include "ss_email.h"
#include "ss_hash.h"
#include "ss_test.h"

static ss_sv sv(const char *s)
{
	ss_sv v;
	v.p = s;
	v.len = strlen(s);
	return v;
}

static void part(ss_session_in *in, size_t i, const char *role, const char *email, const char *first, const char *last)
{
	ss_session_participant *p = SS_IN_PART(in, i);
	memset(p, 0, sizeof *p);
	p->role = sv(role);
	p->typed = sv(email);
	p->email = sv(email);
	p->firstname = sv(first);
	p->lastname = sv(last);
}

static size_t count_ops(const ss_session_out *o, ss_op_kind k)
{
	size_t i, n = 0;
	ss_op op;
	for (i = 0; i < o->nops; i++) {
		ss_session_op(o, i, &op);
		n += op.kind == k;
	}
	return n;
}

/*
 * ss_session_mkey() on one address agrees with ss_email_normalize_ex(): the
 * same status, the key's bytes, its hash; the key is a view of the address
 * exactly when the trimmed address is already the key, else a copy.
 */
static int mkey_agrees(ss_session_in *in, const char *email, size_t len)
{
	char out[SS_EMAIL_FILTER_MAX];
	size_t n = 0, b, t;
	int same;
	ss_mkey k, kp;
	ss_sv e;
	int inside, taken;
	size_t i;
	ss_email_status st = ss_email_normalize_ex(email, len, out, &n, &same, 1);
	e.p = email;
	e.len = len;
	if (ss_session_mkey(in, e, &k) != 0 || !k.ready || k.st != (unsigned char)st) return 0;
	/* The usual-address half takes exactly what the one-pass check takes, makes
	 * the same key, and never takes a NUL byte nor a byte of 0x80 and up (the
	 * binding then skips those checks). */
	memset(&kp, 0, sizeof kp);
	taken = ss_session_mkey_plain(in, e, &kp);
	if (taken != (ss_email_path(email, len) != SS_EMAIL_PATH_GENERAL)) return 0;
	if (taken) {
		if (!kp.ready || kp.st != k.st || kp.key.len != k.key.len || memcmp(kp.key.p, k.key.p, k.key.len) != 0
				|| kp.hash != k.hash) {
			return 0;
		}
		for (i = 0; i < len; i++) {
			if (email[i] == '\0' || (unsigned char)email[i] >= 0x80) return 0;
		}
	} else if (kp.ready || kp.key.p) {
		return 0;   /* *k untouched */
	}
	if (st != SS_EMAIL_OK) return k.key.len == 0;
	ss_email_trim(email, len, &b, &t);
	inside = k.key.p >= email && k.key.p < email + len;
	return k.key.len == n && memcmp(k.key.p, out, n) == 0 && k.hash == ss_hash_bytes(out, n)
		&& inside == (t == n && memcmp(email + b, out, n) == 0);
}

static int has_issue(const ss_session_out *o, const char *code)
{
	size_t i;
	for (i = 0; i < o->nissues; i++) {
		if (strcmp(o->issues[i].code, code) == 0) return 1;
	}
	return 0;
}

int main(void)
{
	ss_session_in in;
	ss_session_out out;
	ss_fact_role roles[2] = {{{"student", 7}, 5}, {{"teacher", 7}, 3}};
	ss_fact_user users[1];
	int64_t eroles[1] = {5};
	ss_fact_enrolment enrols[1];
	ss_buf b = SS_BUF_INIT;

	memset(&in, 0, sizeof in);
	/* Fact rows' fields the test leaves out (mkey: no key made ahead) are zero. */
	memset(users, 0, sizeof users);
	memset(enrols, 0, sizeof enrols);
	in.transactionid = sv("TX9");
	in.quantity = 4;
	in.operatorid = 42;
	in.now = 1767225600;
	in.params[SS_P_COURSENAME] = sv("FORM-01");
	in.has_param[SS_P_COURSENAME] = 1;
	in.params[SS_P_REQUIREDROLES] = sv("student, teacher");
	in.has_param[SS_P_REQUIREDROLES] = 1;
	SS_CHECK((in.parts = ss_flat_alloc(3, sizeof(ss_session_participant))) != NULL);
	in.nparts = 3;
	part(&in, 0, "student", "Jean.Dupont@Exemple.FR", "Jean", "Dupont");
	part(&in, 1, "student", "helene@x.example", "Hélène", "Lefèvre");
	part(&in, 2, "teacher", "tutor@x.example", "Tom", "Tutor");

	/* Phase 1: three keys, in the order of first appearance; no error; one seat left. */
	SS_CHECK(ss_session_plan(&in, &out) == SS_SESSION_OK);
	SS_CHECK(out.phase == 1 && out.ok);
	SS_CHECK(out.nemails == 3 && out.email_parts[0] == 0 && out.email_parts[1] == 1 && out.email_parts[2] == 2);
	SS_CHECK(SS_OUT_PART(&out, 0)->matchkey.len == 22 && memcmp(SS_OUT_PART(&out, 0)->matchkey.p, "jean.dupont@exemple.fr", 22) == 0);
	SS_CHECK(out.nusernames == 3 && memcmp(out.usernames[1].p, "helene.lefevre", 14) == 0);
	SS_CHECK(has_issue(&out, "seats_unassigned") && !has_issue(&out, "seats_exceeded"));
	ss_session_out_free(&out);

	/* Phase 2: Jean exists (other case) and is enrolled as student; two accounts to create. */
	users[0].id = 7;
	users[0].email = sv("jean.dupont@exemple.fr");
	users[0].username = sv("jdupont");
	users[0].auth = sv("manual");
	users[0].suspended = users[0].deleted = 0;
	enrols[0].courseid = 10;
	enrols[0].userid = 7;
	enrols[0].status = 0;
	enrols[0].timestart = enrols[0].timeend = 0;
	enrols[0].roles = eroles;
	enrols[0].nroles = 1;
	in.has_facts = 1;
	in.has_course = 1;
	in.course_id = 10;
	in.roles = roles;
	in.nroles = 2;
	in.users = users;
	in.nusers = 1;
	in.enrolments = enrols;
	in.nenrolments = 1;
	SS_CHECK(ss_session_plan(&in, &out) == SS_SESSION_OK);
	SS_CHECK(out.phase == 2 && out.ok && !out.blocked);
	SS_CHECK(SS_OUT_PART(&out, 0)->action == SS_ACT_REUSE && SS_OUT_PART(&out, 0)->userid == 7);
	SS_CHECK(SS_OUT_PART(&out, 1)->action == SS_ACT_CREATE && SS_OUT_PART(&out, 1)->attach);
	SS_CHECK(SS_OUT_PART(&out, 2)->roleid == 3);
	SS_CHECK(count_ops(&out, SS_OP_CREATE_USER) == 2);
	SS_CHECK(count_ops(&out, SS_OP_CREATE_GROUP) == 1);
	SS_CHECK(count_ops(&out, SS_OP_ENROL) == 3);             /* operator + two new */
	SS_CHECK(count_ops(&out, SS_OP_ADD_MEMBER) == 4);
	SS_CHECK(count_ops(&out, SS_OP_ASSIGN_USER_ROLE) == 4);  /* two new accounts, both directions */
	SS_CHECK(count_ops(&out, SS_OP_CREATE_PRODUCT) == 3);
	SS_CHECK(out.created == 2 && out.reused == 1 && out.skipped == 1);
	SS_CHECK(ss_session_reference(&in, &out, 0, &b) == 0 && b.len == 3 + 1 + 13 && memcmp(b.p, "TX9-", 4) == 0);
	{
		/* A scope ends the same reference: "-" and the scope, NUL-terminated. */
		char plain[32];
		memcpy(plain, b.p, b.len);
		in.refscope.p = "901";
		in.refscope.len = 3;
		b.len = 0;
		SS_CHECK(ss_session_reference(&in, &out, 0, &b) == 0 && b.len == 3 + 1 + 13 + 4
			&& b.len == SS_REFERENCE_LEN(&in) && memcmp(b.p, plain, 17) == 0
			&& memcmp(b.p + 17, "-901", 5) == 0);
		in.refscope.p = NULL;
		in.refscope.len = 0;
	}
	b.len = 0;
	SS_CHECK(ss_session_line(&in, &out, 1, &b) == 0 && strstr(b.p, "new account helene.lefevre") == b.p);
	{
		/* Kinds never go backwards: operations are grouped by kind. */
		size_t i;
		int sorted = 1;
		ss_op prev, op;
		for (i = 0; i < out.nops; i++) {
			ss_session_op(&out, i, &op);
			if (i && op.kind < prev.kind) sorted = 0;
			prev = op;
		}
		SS_CHECK(sorted);
	}
	ss_session_out_free(&out);

	/* The same person twice, other spelling, other role: an error, no operation. */
	part(&in, 2, "teacher", " HELENE@x.example", "Hélène", "Lefèvre");
	SS_CHECK(ss_session_plan(&in, &out) == SS_SESSION_OK);
	SS_CHECK(!out.ok && out.nops == 0 && has_issue(&out, "duplicate"));
	SS_CHECK(SS_OUT_PART(&out, 1)->error && SS_OUT_PART(&out, 2)->error && !SS_OUT_PART(&out, 0)->error);
	ss_session_out_free(&out);

	/* Partial: the valid participant is planned, the duplicates are left out. */
	in.partial = 1;
	SS_CHECK(ss_session_plan(&in, &out) == SS_SESSION_OK);
	SS_CHECK(!out.ok && out.nops > 0 && has_issue(&out, "partial"));
	SS_CHECK(count_ops(&out, SS_OP_CREATE_PRODUCT) == 1);
	ss_session_out_free(&out);

	/* More participants than seats: an order error even with partial. */
	in.quantity = 2;
	part(&in, 2, "teacher", "tutor@x.example", "Tom", "Tutor");
	SS_CHECK(ss_session_plan(&in, &out) == SS_SESSION_OK);
	SS_CHECK(!out.ok && out.nops == 0 && has_issue(&out, "seats_exceeded"));
	ss_session_out_free(&out);

	/* Match keys made ahead (the binding's ss_session_mkey()): the one-pass
	 * addresses, the trimmed, the lowered, the refused, the long. */
	{
		static const char *const addrs[] = {
			"jean.dupont@exemple.fr", "Jean.Dupont@Exemple.FR", " jean.dupont@exemple.fr ", " Jean@X.fr\t",
			"a@b.fr", "ab@cd.e", "x@y", "@x.fr", "a..b@x.fr", "a@x..fr", "a@-x.fr", "<a@x.fr>", "",
			"\"quoted local\"@x.fr", "user+tag@sub.example.co.uk", "UPPER+Tag@EXAMPLE.COM",
			"a@b\xC3\xA9.fr", "a\xC2\xA0@x.fr", "\xC2\xA0" "a@x.fr", "\xC3\xA9t\xC3\xA9@x.fr", "a\xFF@x.fr",
		};
		char big[300];
		size_t i, ok = 0, bad = 0, paths[3] = {0, 0, 0};
		for (i = 0; i < sizeof addrs / sizeof addrs[0]; i++) {
			bad += !mkey_agrees(&in, addrs[i], strlen(addrs[i]));
			paths[ss_email_path(addrs[i], strlen(addrs[i]))]++;
		}
		bad += !mkey_agrees(&in, "ab\0c@x.fr", 10);
		bad += !mkey_agrees(&in, "abc@x.fr\0", 9);
		SS_CHECK(bad == 0);
		/* Around the one-pass paths' limits (64 bytes for 16 at a time, 254 for
		 * the byte loop): 20 bytes of local part, a domain of 9-letter labels. */
		for (i = 30; i <= 270; i++) {
			size_t k, klen;
			memset(big, 'a', 20);
			big[5] = 'B';
			big[20] = '@';
			for (k = 21; k < i - 3; k++) big[k] = (k - 21) % 10 == 9 && k + 1 < i - 3 ? '.' : 'x';
			memcpy(big + i - 3, ".FR", 3);
			bad += !mkey_agrees(&in, big, i);
			paths[ss_email_path(big, i)]++;
			ok += ss_email_normalize(big, i, NULL, &klen) == SS_EMAIL_OK;
		}
		SS_CHECK(bad == 0);
		/* Each path is taken, and long addresses are accepted, not only refused. */
		SS_CHECK(paths[SS_EMAIL_PATH_GENERAL] > 0 && paths[SS_EMAIL_PATH_BYTES] > 0);
#if defined(__SSE2__) || defined(_M_X64) || defined(_M_AMD64)
		SS_CHECK(paths[SS_EMAIL_PATH_16] > 0);
#endif
		SS_CHECK(ok > 200);
		ss_arena_free(&in.keys);
	}

	ss_flat_free(in.parts, 3, sizeof(ss_session_participant));
	ss_buf_free(&b);
	SS_TEST_END("planner");
}
