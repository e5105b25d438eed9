/*
 * LD_PRELOAD shim for the ASAN run of the PHPT suite (scripts/asan.sh).
 *
 * Debian's php loads extensions with dlopen(..., RTLD_DEEPBIND), which the
 * sanitizer runtimes refuse (google/sanitizers#611: a deep-bound library would
 * call libc's malloc instead of ASan's). This shim is preloaded before the ASan
 * runtime, drops RTLD_DEEPBIND and hands the call on to the next dlopen, the
 * ASan interceptor. Nothing else changes: shop_setup.so exports only its
 * get_module symbol, so deep binding makes no difference to which code runs.
 */
#define _GNU_SOURCE
#include <dlfcn.h>

void *dlopen(const char *file, int mode)
{
	static void *(*next)(const char *, int);
	if (!next) {
		next = (void *(*)(const char *, int))dlsym(RTLD_NEXT, "dlopen");
	}
	return next(file, mode & ~RTLD_DEEPBIND);
}
