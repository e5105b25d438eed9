/*
 * shop_setup core: the session planner behind shop_setup_session().
 *
 * Zend-free. The binding fills ss_session_in (order, handler parameters and,
 * in phase 2, the facts PHP looked up), calls ss_session_plan(), and turns the
 * ss_session_out back into PHP arrays. Strings in the input are views into
 * the caller's memory, which must outlive the output; strings the planner
 * makes (match keys, usernames, references, messages) live in out->arena.
 * Every lookup goes through the open-addressing tables of ss_hash.h: a plan is
 * O(participants + facts), apart from sorting the phase-1 lookup lists.
 * See docs/session-contract.md for the PHP shapes and docs/session.md for
 * the rules.
 */
#ifndef SS_PLANNER_H
#define SS_PLANNER_H

#include "ss_common.h"
#include "ss_hash.h"

typedef struct ss_sv {
	const char *p;
	size_t len;
} ss_sv;

/*
 * An address's match key made ahead by ss_session_mkey(): the binding makes it
 * while it reads the address, so that the planner need not read the address
 * again (in a big order, a cache miss per participant). ready 0: the planner
 * makes it.
 */
typedef struct ss_mkey {
	ss_sv key;                /* "" when the address is invalid */
	uint64_t hash;            /* ss_hash_bytes(key) */
	unsigned char st;         /* ss_email_status */
	unsigned char ready;
} ss_mkey;

/*
 * Characters Moodle's user table holds (lib/db/install.xml): a new account
 * whose field is longer cannot be inserted (user_create_user() does not check;
 * PostgreSQL and strict MySQL refuse the row). The username the planner makes
 * stays within 100.
 */
#define SS_USER_NAME_CHARS 100        /* firstname, lastname, email */
#define SS_USER_CITY_CHARS 120
#define SS_USER_INSTITUTION_CHARS 255
#define SS_USER_PHONE_CHARS 20
/* ss_session_participant.over: the fields the planner does not hold that are
 * longer than their column (the caller finds them with ss_sv_over()). */
enum { SS_OVER_CITY = 1, SS_OVER_INSTITUTION = 2, SS_OVER_PHONE2 = 4 };

/*
 * What the planner reads of a participant. The fields it only passes on to
 * create_user (city, institution, phone2) stay with the caller, which notes
 * in over whether they fit Moodle's columns: every loop over the participants
 * reads these records, 120 bytes each.
 */
typedef struct ss_session_participant {
	ss_mkey mkey;      /* of email, or of typed when email is "" */
	ss_sv role;        /* key of $order['users'] */
	ss_sv typed;       /* the email key, as typed */
	ss_sv email;       /* 'email' field ("" -> typed is used) */
	ss_sv firstname, lastname;
	/* ss_session_names() made these while the names were in cache (names_ready);
	 * else the planner looks at the names itself. */
	unsigned char names_ready, first_blank, last_blank;
	unsigned char over;   /* SS_OVER_* */
} ss_session_participant;

/* 1 when s (well-formed UTF-8) has more than max characters. Inline for its
 * usual case, a string no longer in bytes than max: it runs on three fields of
 * every participant. */
int ss_sv_over_chars(ss_sv s, size_t max);
static inline int ss_sv_over(ss_sv s, size_t max)
{
	return s.len > max && ss_sv_over_chars(s, max);
}

/* Handler parameters the planner reads; has_* says the key was present. */
typedef enum ss_session_param {
	SS_P_COURSENAME, SS_P_SUPERVISOR, SS_P_AUTOENROLSUPERVISOR, SS_P_CUSTOMERSUPPORT,
	SS_P_SUPPORTROLE, SS_P_STARTTIME, SS_P_ENDTIME, SS_P_DURATION, SS_P_REQUIREDROLES,
	SS_P_GROUPNAME, SS_P_ATTACHEXISTING, SS_P_OPERATORROLE, SS_P_PARTICIPANTROLE,
	SS_P_CUSTOMERROLE,
	SS_P_COUNT
} ss_session_param;

/* Name of a parameter (its handler key). */
const char *ss_session_param_name(ss_session_param p);
/* The parameter a key names, or SS_P_COUNT. */
ss_session_param ss_session_param_lookup(const char *key, size_t len);

typedef struct ss_fact_user {
	ss_mkey mkey;             /* of email */
	int64_t id;
	ss_sv email, username, auth;
	int suspended, deleted;
} ss_fact_user;

typedef struct ss_fact_enrolment {
	int64_t courseid, userid, timestart, timeend;
	int status;               /* ENROL_USER_ACTIVE 0, ENROL_USER_SUSPENDED 1 */
	int other;                /* 1: through another method than manual (self, cohort...); 0: manual or not said */
	const int64_t *roles;     /* role ids in the course context */
	size_t nroles;
} ss_fact_enrolment;

typedef struct ss_fact_ra {
	int64_t roleid, userid, contextuserid;
} ss_fact_ra;

typedef struct ss_fact_role {
	ss_sv shortname;
	int64_t id;
} ss_fact_role;

typedef struct ss_session_in {
	/* order */
	ss_sv transactionid;
	/* Mixed into product references ("" for none): one of several items of a
	 * bill sharing its transaction id (see ss_session_reference). */
	ss_sv refscope;
	int64_t quantity;
	int64_t operatorid;
	int64_t now;
	int renewable;
	ss_session_participant *parts; /* nparts of them (the caller's ss_flat_alloc()) */
	size_t nparts;
	ss_sv params[SS_P_COUNT];
	unsigned char has_param[SS_P_COUNT];
	int partial;              /* options['partial'] */
	int ops_as_flags;         /* participants' operations stay as their need bits (columns) */
	ss_arena keys;            /* match keys ss_session_mkey() copied: the caller frees it */

	/* facts (phase 2 when has_facts) */
	int has_facts;
	int has_course;
	int64_t course_id, course_startdate;
	int has_supportcourse;
	int64_t supportcourse_id;
	ss_fact_role *roles;
	size_t nroles;
	ss_fact_user *users;
	size_t nusers;
	ss_sv *usernames;
	size_t nusernames;
	int64_t *privileged;
	size_t nprivileged;
	ss_fact_enrolment *enrolments;
	size_t nenrolments;
	int has_group;
	int64_t group_id;
	int64_t *members;
	size_t nmembers;
	ss_fact_ra *ras;
	size_t nras;
	ss_sv *products;
	size_t nproducts;
} ss_session_in;

#define SS_NO_ISSUE UINT32_MAX

#define SS_IN_PART(in, i)  (&(in)->parts[i])
#define SS_OUT_PART(out, i) (&(out)->parts[i])

typedef enum ss_issue_level { SS_ISSUE_ERROR, SS_ISSUE_WARNING } ss_issue_level;

typedef struct ss_issue {
	ss_issue_level level;
	const char *code;         /* static */
	ss_sv message;            /* arena */
	int64_t part;             /* participant index or -1 */
	int64_t other;            /* the other participant of a duplicate, or -1 */
	const char *field;        /* static or NULL */
	uint32_t next;            /* next issue of the same participant, SS_NO_ISSUE at the end */
} ss_issue;

typedef enum ss_action { SS_ACT_NONE, SS_ACT_REUSE, SS_ACT_CREATE } ss_action;

/* ss_part_out_reset() (ss_planner.c) sets every field: add new ones there. */
typedef struct ss_part_out {
	ss_sv matchkey;           /* arena, or a view of the input when already normal; empty when invalid */
	ss_sv rolename;           /* role shortname enrolled with */
	ss_sv username;           /* candidate base (phase 1), final (phase 2) */
	int64_t roleid;           /* 0 when unknown */
	int64_t userid;           /* 0: none yet */
	uint64_t refhash;         /* product reference code (see ss_session_reference) */
	uint32_t first_issue, last_issue; /* chain of this participant's issues */
	uint32_t user;            /* index + 1 in in->users of the account reused, 0: none */
	uint32_t enrol;           /* index + 1 in in->enrolments of its enrolment in the course, 0: none */
	unsigned char action;     /* ss_action */
	unsigned char attach;
	unsigned char error;
	unsigned char need;       /* what the plan does for this participant (SS_NEED_*) */
	unsigned char est;        /* ss_email_status of the address */
} ss_part_out;

/* ss_part_out.need */
enum {
	SS_NEED_ENROL = 1, SS_NEED_ROLE = 2, SS_NEED_MEMBER = 4, SS_NEED_RA_OP = 8,
	SS_NEED_RA_MIRROR = 16, SS_NEED_PRODUCT = 32, SS_PROCEED = 64, SS_IS_OPERATOR = 128
};

typedef enum ss_op_kind {
	SS_OP_CREATE_USER, SS_OP_CREATE_GROUP, SS_OP_ENROL, SS_OP_ASSIGN_ROLE,
	SS_OP_ADD_MEMBER, SS_OP_ASSIGN_USER_ROLE, SS_OP_CREATE_PRODUCT, SS_OP_KINDS
} ss_op_kind;

const char *ss_op_kind_name(ss_op_kind k);

#define SS_REF_OPERATOR ((int64_t)-1)
#define SS_REF_NONE     ((int64_t)-2)

typedef struct ss_op {
	ss_op_kind kind;
	int64_t ref;              /* participant index, SS_REF_OPERATOR, or SS_REF_NONE (group) */
	int64_t userid;           /* 0 = null (created by this plan) */
	int64_t courseid, roleid, groupid; /* groupid 0 = the group this plan creates */
	int64_t timestart, timeend;
	int64_t contextref;       /* assign_user_role: whose user context */
	int64_t contextuserid;    /* 0 = null (created by this plan) */
	int64_t part;             /* create_product: participant index (see ss_session_reference) */
} ss_op;

/* An operation as stored: 8 bytes; ss_session_op() expands it. */
typedef struct ss_op_lite {
	unsigned char kind;       /* ss_op_kind */
	unsigned char variant;    /* SS_V_* */
	int32_t ref;              /* participant index, or SS_REF_OPERATOR / SS_REF_NONE */
} ss_op_lite;

enum {
	SS_V_COURSE = 0,          /* enrol / assign_role / add_member in the session course */
	SS_V_SUPPORT = 1,         /* enrol / assign_role in the support course */
	SS_V_SUPPORT_CUSTOMER = 2, /* assign_role in the support course: customerrole */
	SS_V_OPERATOR_ROLE = 0,   /* assign_user_role: the operator in the participant's context */
	SS_V_MIRROR_ROLE = 1      /* assign_user_role: the participant in the operator's context */
};

typedef struct ss_session_out {
	int phase;                /* 1 lookup, 2 plan */
	int ok;
	ss_issue *issues;
	size_t nissues, capissues;
	ss_part_out *parts;       /* nparts of them (ss_flat_alloc()) */
	size_t nparts;
	ss_blocks ops;            /* ss_op_lite */
	size_t nops;
	size_t nflagops;          /* participants' operations left as need bits (in->ops_as_flags) */

	/* resolved facts the operations refer to */
	int64_t operatorid, courseid, supportcourseid;
	int64_t suprole, operatorrole, mirrorrole, supportrole;
	int64_t customerrole;     /* the operator's second role in the support course (0: none) */
	int64_t now;
	int blocked;              /* errors hold every operation back */

	/* resolved parameters (defaults applied) */
	ss_sv params[SS_P_COUNT];
	int autoenrol;
	int attachexisting;       /* 0 never, 1 owned, 2 always */
	ss_sv groupname;
	int64_t window_start, window_end;
	int64_t groupid;          /* 0 = to be created / unknown */

	/* phase 1 lookups (arena or input views), unique; emails and usernames in
	 * the order of first appearance, roles sorted. The emails are match keys:
	 * the k-th is the one of participant email_parts[k]. */
	size_t *email_parts;
	size_t nemails;
	ss_sv *usernames;
	size_t nusernames;
	ss_sv *roles;
	size_t nlookuproles;
	/* A role to look up that the plan does without when the site lacks it:
	 * customerrole at its default (len 0: none). Not among roles. */
	ss_sv optional_role;

	/* summary */
	int64_t seats, declared, unassigned, created, reused, enrolments, skipped;

	ss_arena arena;
} ss_session_out;

typedef enum ss_session_status {
	SS_SESSION_OK = 0,
	SS_SESSION_E_NOMEM,
	SS_SESSION_E_TOO_MANY    /* more than SS_MAX_PARTICIPANTS */
} ss_session_status;

/* Makes the match key of email into *k (a view of email, or a copy in
 * in->keys). 0, -1 on OOM. */
int ss_session_mkey(ss_session_in *in, ss_sv email, ss_mkey *k);
/* The same for the usual address only, the one the one-pass check takes
 * (ss_email_plain_key()): 1 when it took email and made *k, 0 when it did not
 * (*k untouched: ss_session_mkey() decides), -1 on OOM. An address it takes
 * holds only ASCII letters, digits, '.', '-', '_', '+' and one '@': no NUL
 * byte, valid UTF-8, at most SS_EMAIL_PLAIN_MAX bytes. */
int ss_session_mkey_plain(ss_session_in *in, ss_sv email, ss_mkey *k);
/* Notes whether p's first and last names are blank (white space only), for the
 * planner's missing_field check, while the caller has just read them. */
void ss_session_names(ss_session_participant *p);
/* Plans (phase 2 when in->has_facts, else phase 1). out is always initialised: free it. */
ss_session_status ss_session_plan(const ss_session_in *in, ss_session_out *out);
/* The i-th operation, expanded. */
void ss_session_op(const ss_session_out *out, size_t i, ss_op *op);
/* Appends participant i's product reference to b: "<transactionid>-<13 base32>",
 * then "-<refscope>" when the order has one. */
int ss_session_reference(const ss_session_in *in, const ss_session_out *out, size_t i, ss_buf *b);
/* The same written at dst, which has room for SS_REFERENCE_LEN(in) bytes (no NUL). */
#define SS_REFERENCE_LEN(in) ((in)->transactionid.len + 14 + ((in)->refscope.len ? (in)->refscope.len + 1 : 0))
void ss_session_reference_to(const ss_session_in *in, const ss_session_out *out, size_t i, char *dst);
/* Appends the readable line saying what the plan does for participant i to b. */
int ss_session_line(const ss_session_in *in, const ss_session_out *out, size_t i, ss_buf *b);
void ss_session_out_free(ss_session_out *out);


#endif
