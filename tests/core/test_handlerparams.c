/* C unit tests of the handler-parameter key table and value checks, without PHP. */
#include "ss_handlerparams.h"
#include "ss_test.h"

static ss_hp_check_code chk(ss_hp_key_id id, const char *s, size_t *off)
{
	return ss_hp_check(&ss_hp_keys[id], s, strlen(s), off);
}

int main(void)
{
	size_t off, i;
	char big[300];

	/* The table is indexed by id and found by exact name. */
	for (i = 0; i < SS_HP_K_COUNT; i++) {
		SS_CHECK(ss_hp_keys[i].id == (ss_hp_key_id)i);
		SS_CHECK(ss_hp_find(ss_hp_keys[i].name, ss_hp_keys[i].name_len) == &ss_hp_keys[i]);
	}
	SS_CHECK(ss_hp_find("Coursename", 10) == NULL && ss_hp_find("course", 6) == NULL);
	SS_CHECK(ss_hp_keys[SS_HP_K_COURSENAME].required && !ss_hp_keys[SS_HP_K_SUPERVISOR].required);
	SS_CHECK(strcmp(ss_hp_keys[SS_HP_K_SUPERVISOR].default_value, "teacher") == 0);
	SS_CHECK(strcmp(ss_hp_keys[SS_HP_K_ATTACHEXISTING].default_value, "owned") == 0);

	SS_CHECK(chk(SS_HP_K_COURSENAME, "FORM-01 été", &off) == SS_HP_OK);
	SS_CHECK(chk(SS_HP_K_COURSENAME, "", &off) == SS_HP_E_EMPTY);
	SS_CHECK(chk(SS_HP_K_COURSENAME, "a<b>c", &off) == SS_HP_E_TAGS && off == 1);
	SS_CHECK(chk(SS_HP_K_COURSENAME, "a < b", &off) == SS_HP_OK);
	SS_CHECK(chk(SS_HP_K_COURSENAME, "a\tb", &off) == SS_HP_E_CONTROL && off == 1);
	memset(big, 'x', 255); big[255] = 0;
	SS_CHECK(chk(SS_HP_K_COURSENAME, big, &off) == SS_HP_OK);
	big[255] = 'x'; big[256] = 0;
	SS_CHECK(chk(SS_HP_K_COURSENAME, big, &off) == SS_HP_E_TOO_LONG && off == 255);
	SS_CHECK(chk(SS_HP_K_GROUPNAME, big, &off) == SS_HP_E_TOO_LONG && off == 254);

	SS_CHECK(chk(SS_HP_K_SUPERVISOR, "editingteacher", &off) == SS_HP_OK);
	SS_CHECK(chk(SS_HP_K_SUPERVISOR, "course_owner-2", &off) == SS_HP_OK);
	SS_CHECK(chk(SS_HP_K_SUPERVISOR, "Teacher", &off) == SS_HP_E_ROLE_CHARS && off == 0);
	SS_CHECK(chk(SS_HP_K_SUPERVISOR, "tea cher", &off) == SS_HP_E_ROLE_CHARS && off == 3);
	SS_CHECK(chk(SS_HP_K_SUPERVISOR, "0", &off) == SS_HP_E_ROLE_CHARS);
	/* customerrole: a role shortname, or empty for none. */
	SS_CHECK(strcmp(ss_hp_keys[SS_HP_K_CUSTOMERROLE].default_value, "customer") == 0);
	SS_CHECK(chk(SS_HP_K_CUSTOMERROLE, "", &off) == SS_HP_OK);
	SS_CHECK(chk(SS_HP_K_CUSTOMERROLE, "customer", &off) == SS_HP_OK);
	SS_CHECK(chk(SS_HP_K_CUSTOMERROLE, "Customer", &off) == SS_HP_E_ROLE_CHARS && off == 0);
	SS_CHECK(chk(SS_HP_K_SUPPORTROLE, "", &off) == SS_HP_E_EMPTY);
	SS_CHECK(chk(SS_HP_K_SUPERVISOR, "", &off) == SS_HP_E_EMPTY);
	memset(big, 'r', 101); big[101] = 0;
	SS_CHECK(chk(SS_HP_K_OPERATORROLE, big, &off) == SS_HP_E_TOO_LONG);
	big[100] = 0;
	SS_CHECK(chk(SS_HP_K_OPERATORROLE, big, &off) == SS_HP_OK);

	SS_CHECK(chk(SS_HP_K_REQUIREDROLES, "student, supervisor,teacher", &off) == SS_HP_OK);
	SS_CHECK(chk(SS_HP_K_REQUIREDROLES, "student,,teacher", &off) == SS_HP_E_LIST_EMPTY_ITEM && off == 8);
	SS_CHECK(chk(SS_HP_K_REQUIREDROLES, "student,", &off) == SS_HP_E_LIST_EMPTY_ITEM && off == 8);
	SS_CHECK(chk(SS_HP_K_REQUIREDROLES, "student, Teacher", &off) == SS_HP_E_ROLE_CHARS && off == 9);
	SS_CHECK(ss_hp_list_duplicate("student, teacher ,student", 25) == 18);
	SS_CHECK(ss_hp_list_duplicate("student,teacher", 15) == 15);

	SS_CHECK(ss_hp_flag("1", 1) == 1 && ss_hp_flag("YES", 3) == 1 && ss_hp_flag("Off", 3) == 0);
	SS_CHECK(ss_hp_flag("", 0) == 0 && ss_hp_flag("2", 1) == -1 && ss_hp_flag("yess", 4) == -1 && ss_hp_flag("ye", 2) == -1);
	SS_CHECK(chk(SS_HP_K_AUTOENROLSUPERVISOR, "maybe", &off) == SS_HP_E_FLAG);

	SS_CHECK(chk(SS_HP_K_CUSTOMERSUPPORT, "12", &off) == SS_HP_OK);
	SS_CHECK(chk(SS_HP_K_CUSTOMERSUPPORT, "SUPPORT", &off) == SS_HP_OK);
	SS_CHECK(chk(SS_HP_K_CUSTOMERSUPPORT, "000", &off) == SS_HP_E_COURSE_ID);
	SS_CHECK(chk(SS_HP_K_CUSTOMERSUPPORT, "", &off) == SS_HP_E_EMPTY);

	SS_CHECK(chk(SS_HP_K_STARTTIME, "1767225600", &off) == SS_HP_OK);
	SS_CHECK(chk(SS_HP_K_STARTTIME, "+3D", &off) == SS_HP_E_TIME);
	SS_CHECK(chk(SS_HP_K_ENDTIME, "+3D", &off) == SS_HP_OK);
	SS_CHECK(chk(SS_HP_K_ENDTIME, "2026-02-30", &off) == SS_HP_E_TIME && off == 8);
	SS_CHECK(chk(SS_HP_K_DURATION, "30", &off) == SS_HP_OK);
	SS_CHECK(chk(SS_HP_K_DURATION, "30.5", &off) == SS_HP_E_DAYS && off == 2);

	SS_CHECK(ss_hp_attach("owned", 5) == SS_HP_ATTACH_OWNED && ss_hp_attach("Owned", 5) == -1);
	SS_CHECK(chk(SS_HP_K_ATTACHEXISTING, "sometimes", &off) == SS_HP_E_ATTACH);

	/* Suggestions for unknown keys. */
	SS_CHECK(ss_hp_suggest("coursname", 9) == &ss_hp_keys[SS_HP_K_COURSENAME]);
	SS_CHECK(ss_hp_suggest("CourseName", 10) == &ss_hp_keys[SS_HP_K_COURSENAME]);
	SS_CHECK(ss_hp_suggest("groupename", 10) == &ss_hp_keys[SS_HP_K_GROUPNAME]);
	SS_CHECK(ss_hp_suggest("supervizor", 10) == &ss_hp_keys[SS_HP_K_SUPERVISOR]);
	SS_CHECK(ss_hp_suggest("requiredrole", 12) == &ss_hp_keys[SS_HP_K_REQUIREDROLES]);
	SS_CHECK(ss_hp_suggest("endtiem", 7) == &ss_hp_keys[SS_HP_K_ENDTIME]);
	SS_CHECK(ss_hp_suggest("role", 4) == NULL);
	SS_CHECK(ss_hp_suggest("enrol", 5) == NULL);
	SS_CHECK(ss_hp_suggest("x", 1) == NULL);
	SS_CHECK(ss_hp_suggest("a_very_long_key_name_that_is_unrelated_to_any", 45) == NULL);

	SS_TEST_END("core handlerparams");
}
