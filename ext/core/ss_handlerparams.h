/*
 * shop_setup core: the handler parameters of std_setuponecoursesession.
 *
 * Zend-free. The table of known keys (name, type, default), and the value
 * checks shop_setup_check_params() runs, so that the planner and the checker
 * agree on one definition. Values are the decoded strings ss_params_parse
 * yields. See docs/session-contract.md for what each key means.
 */
#ifndef SS_HANDLERPARAMS_H
#define SS_HANDLERPARAMS_H

#include "ss_common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ss_hp_type {
	SS_HP_COURSE_SHORTNAME, /* Moodle course shortname: PARAM_TEXT, 1..255 characters */
	SS_HP_COURSE_REF,       /* course shortname, or a numeric course id (digits, > 0) */
	SS_HP_ROLE,             /* role shortname: [a-z0-9_-], 1..100 bytes, not "0" (Moodle's define-role rules) */
	SS_HP_ROLE_OR_NONE,     /* a role shortname as SS_HP_ROLE, or empty: none */
	SS_HP_ROLE_LIST,        /* comma list of role shortnames; "supervisor" names the operator-side seat */
	SS_HP_FLAG,             /* 1/0, true/false, yes/no, on/off (any case); empty is false */
	SS_HP_TIME,             /* starttime: Unix timestamp or ISO 8601 (ss_window.h) */
	SS_HP_END_TIME,         /* endtime: also "0" (open) and +N[DHWM] (ss_window.h) */
	SS_HP_DAYS,             /* duration: a whole number of days */
	SS_HP_TEXT,             /* display text: 1..254 characters, no control characters */
	SS_HP_ATTACH_MODE       /* never | owned | always */
} ss_hp_type;

typedef enum ss_hp_key_id {
	SS_HP_K_COURSENAME = 0,
	SS_HP_K_SUPERVISOR,
	SS_HP_K_AUTOENROLSUPERVISOR,
	SS_HP_K_CUSTOMERSUPPORT,
	SS_HP_K_SUPPORTROLE,
	SS_HP_K_STARTTIME,
	SS_HP_K_ENDTIME,
	SS_HP_K_DURATION,
	SS_HP_K_REQUIREDROLES,
	SS_HP_K_GROUPNAME,
	SS_HP_K_ATTACHEXISTING,
	SS_HP_K_OPERATORROLE,
	SS_HP_K_PARTICIPANTROLE,
	SS_HP_K_CUSTOMERROLE,
	SS_HP_K_COUNT
} ss_hp_key_id;

typedef struct ss_hp_key {
	ss_hp_key_id id;
	const char *name;
	size_t name_len;
	ss_hp_type type;
	int required;
	/*
	 * Default as a parameter string value; NULL when there is none or when it
	 * is derived: groupname ("Session <transactionid>"), operatorrole (the value
	 * of supervisor), starttime/endtime/duration (ss_window_compute decides).
	 */
	const char *default_value;
} ss_hp_key;

/* The known keys, indexed by ss_hp_key_id (ss_hp_keys[SS_HP_K_SUPERVISOR].name is "supervisor"). */
extern const ss_hp_key ss_hp_keys[SS_HP_K_COUNT];

/* The known key named name[0..len), or NULL. Exact, case-sensitive match. */
const ss_hp_key *ss_hp_find(const char *name, size_t len);

/*
 * The known key an unknown one was probably meant to be: same letters in
 * another case, or at most two edits away (Levenshtein; a transposition
 * counts two) for names of 4 bytes or more. NULL when none is close.
 */
const ss_hp_key *ss_hp_suggest(const char *name, size_t len);

typedef enum ss_hp_attach_mode {
	SS_HP_ATTACH_NEVER = 0,
	SS_HP_ATTACH_OWNED,
	SS_HP_ATTACH_ALWAYS
} ss_hp_attach_mode;

/* 1 or 0 for a flag value, -1 when it is not one. */
int ss_hp_flag(const char *s, size_t len);
/* The mode, or -1. */
int ss_hp_attach(const char *s, size_t len);

/* Outcome of one value check. */
typedef enum ss_hp_check_code {
	SS_HP_OK = 0,
	SS_HP_E_EMPTY,          /* empty where a value is needed */
	SS_HP_E_TOO_LONG,       /* over the column's length (255 / 254 characters, 100 bytes for roles) */
	SS_HP_E_CONTROL,        /* a control character */
	SS_HP_E_TAGS,           /* HTML tags, which PARAM_TEXT would strip */
	SS_HP_E_ROLE_CHARS,     /* a character outside [a-z0-9_-] (upper case included) */
	SS_HP_E_FLAG,           /* not a flag value */
	SS_HP_E_TIME,           /* not a timestamp / ISO 8601 / relative form, or out of range */
	SS_HP_E_DAYS,           /* not a whole number of days */
	SS_HP_E_ATTACH,         /* not never|owned|always */
	SS_HP_E_LIST_EMPTY_ITEM,/* requiredroles: an empty item (",," or a trailing comma) */
	SS_HP_E_COURSE_ID       /* customersupport: numeric id 0 */
} ss_hp_check_code;

/*
 * Checks value s[0..len) of key k. On failure returns the code and sets
 * *erroff to the byte offset of the fault inside s (0 when the value as a
 * whole is at fault). Warnings (a duplicate item in requiredroles) are not
 * failures; see ss_hp_list_duplicate().
 */
ss_hp_check_code ss_hp_check(const ss_hp_key *k, const char *s, size_t len, size_t *erroff);

/* For SS_HP_ROLE_LIST: byte offset of the first item repeated earlier in the list, or len. */
size_t ss_hp_list_duplicate(const char *s, size_t len);

/* A stable English description of a code, for messages ("is not a role shortname ..."). */
const char *ss_hp_check_message(ss_hp_check_code c);

#ifdef __cplusplus
}
#endif
#endif
