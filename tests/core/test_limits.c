/* C unit tests of the resource limits of ss_common.h, at their exact boundaries, without PHP. */
#include <stdlib.h>
#include "ss_params.h"
#include "ss_test.h"

static size_t pairs;
static int count(void *ctx, const ss_params_pair *p) { (void)ctx; (void)p; pairs++; return 0; }

int main(void)
{
	ss_params_error e;
	size_t n = SS_MAX_PARAMS_LEN + 1;
	char *s = malloc(n);

	SS_CHECK(s != NULL);
	if (!s) SS_TEST_END("core limits");
	memset(s, 'x', n);
	s[0] = 'k';
	s[1] = '=';
	/* Exactly SS_MAX_PARAMS_LEN bytes: accepted and parsed whole. */
	pairs = 0;
	SS_CHECK(ss_params_parse(s, SS_MAX_PARAMS_LEN, count, NULL, &e) == SS_PARAMS_OK && pairs == 1);
	/* One more byte: refused before decoding, the offset is the limit. */
	pairs = 0;
	SS_CHECK(ss_params_parse(s, n, count, NULL, &e) == SS_PARAMS_E_TOO_LONG && pairs == 0);
	SS_CHECK(e.status == SS_PARAMS_E_TOO_LONG && e.offset == SS_MAX_PARAMS_LEN);
	free(s);
	SS_TEST_END("core limits");
}
