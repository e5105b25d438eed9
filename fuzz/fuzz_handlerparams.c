/*
 * libFuzzer harness (requires: ss_handlerparams.h): the value checks of the
 * std_setuponecoursesession keys (ss_hp_check and friends), which
 * shop_setup_check_params() and the planner run on values buyers' products carry.
 * Input: one byte picks the key, the rest is the decoded value.
 * Properties: a failure's offset lies within the value; the verdict is the same
 * twice; flags and attach modes parse to their documented ranges, and agree
 * with ss_hp_check; every code has a message; a list's first duplicate lies
 * within it; ss_hp_find finds each key by its own name, and nothing else.
 */
#include "fuzz_common.h"
#include "ss_handlerparams.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const ss_hp_key *k;
	const char *v;
	size_t len, off = 0, off2 = 0, d;
	ss_hp_check_code c, c2;
	int fl, at;

	if (size < 1) return 0;
	k = &ss_hp_keys[data[0] % SS_HP_K_COUNT];
	v = (const char *)data + 1;
	len = size - 1;
	FUZZ_ASSERT(ss_hp_find(k->name, k->name_len) == k, "ss_hp_find(%s)", k->name);
	{
		const ss_hp_key *other = ss_hp_find(v, len);
		FUZZ_ASSERT(!other || (other->name_len == len && memcmp(other->name, v, len) == 0), "ss_hp_find matched another name");
	}
	c = ss_hp_check(k, v, len, &off);
	c2 = ss_hp_check(k, v, len, &off2);
	FUZZ_ASSERT(c == c2 && off == off2, "ss_hp_check not deterministic");
	FUZZ_ASSERT(ss_hp_check_message(c) != NULL, "no message for %d", c);
	if (c != SS_HP_OK) FUZZ_ASSERT(off <= len, "%s: offset %zu outside %zu bytes", k->name, off, len);
	fl = ss_hp_flag(v, len);
	at = ss_hp_attach(v, len);
	FUZZ_ASSERT(fl >= -1 && fl <= 1, "flag %d", fl);
	FUZZ_ASSERT(at >= -1 && at <= SS_HP_ATTACH_ALWAYS, "attach %d", at);
	if (k->type == SS_HP_FLAG && len > 0) FUZZ_ASSERT((fl >= 0) == (c == SS_HP_OK), "flag %d but check %d", fl, c);
	if (k->type == SS_HP_ATTACH_MODE && len > 0) FUZZ_ASSERT((at >= 0) == (c == SS_HP_OK), "attach %d but check %d", at, c);
	d = ss_hp_list_duplicate(v, len);
	FUZZ_ASSERT(d <= len, "duplicate at %zu of %zu", d, len);
	return 0;
}
