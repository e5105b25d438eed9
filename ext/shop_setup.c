/* shop_setup: module entry, start-up, phpinfo(). */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "ext/standard/info.h"
#include "zend_smart_str.h"
#include "php_shop_setup.h"
#include "shop_setup_binding.h"
#include "zend_attributes.h"
#ifdef __linux__
# include <sys/mman.h>
#endif
#if PHP_VERSION_ID < 80200
/* #[\SensitiveParameter] (which hides the web-service token from stack traces)
 * arrived in PHP 8.2; on 8.1 the generated registration of it compiles to nothing
 * and the extension's own messages still never show the token. */
# define zend_add_parameter_attribute(func, offset, name, argc) NULL
#endif
#include "shop_setup_arginfo.h"
#include "core/ss_common.h"

#ifdef SHOP_SETUP_HAVE_CURL
# include <curl/curl.h>
#endif

#ifndef SHOP_SETUP_RE2C_VERSION
# define SHOP_SETUP_RE2C_VERSION "unknown"
#endif

/* The core allocates through these, so its memory counts against memory_limit. */
static void *shop_setup_emalloc(size_t size) { return emalloc(size); }
static void *shop_setup_erealloc(void *ptr, size_t size) { return erealloc(ptr, size); }
static void shop_setup_efree(void *ptr) { efree(ptr); }

/*
 * The planner's big blocks (tables and arrays of a big order, >= SS_BIG_MIN)
 * are mapped with transparent huge pages where the kernel offers them
 * (THP "madvise", Debian's default): on this project's virtual machines a
 * fresh 4 KiB page costs ~12 us to fault in, and a 1,000,000-participant plan
 * touches hundreds of MiB. They still count against memory_limit (checked
 * here, with what Zend holds), and a request that dies halfway (a fatal error
 * elsewhere) gets them back in RSHUTDOWN. With USE_ZEND_ALLOC=0 (valgrind,
 * sanitizers) or without madvise(), they are plain ecalloc() blocks.
 */
#if defined(__linux__) && defined(MADV_HUGEPAGE)
# define SS_HUGE 1
# define SS_HUGE_ALIGN ((size_t)2 << 20)
# define SS_HUGE_SLOTS 64
typedef struct ss_huge_block {
	void *user, *base;
	size_t size, mapped;
} ss_huge_block;
ZEND_TLS ss_huge_block ss_huge_live[SS_HUGE_SLOTS];
ZEND_TLS size_t ss_huge_total;

/* The scratch of a big order's call (below). */
typedef struct ss_scratch {
	char *base, *map;
	size_t cap, used, mapped, last;   /* last: offset of the latest allocation's header */
	size_t dirty;   /* bytes an earlier call of this request touched (kept mapped): not zero */
	int active;     /* a call is carving from it */
} ss_scratch;
ZEND_TLS ss_scratch ss_scr;

/* Whether extra more bytes outside Zend's heap keep the request within memory_limit:
 * what Zend holds, the big blocks and the scratch in use all count. */
static int ss_within_limit(size_t extra)
{
	zend_long limit = PG(memory_limit);
	size_t held = ss_scr.used > ss_scr.dirty ? ss_scr.used : ss_scr.dirty;
	return limit <= 0 || (size_t)limit >= zend_memory_usage(0) + ss_huge_total + held + extra;
}

static void *shop_setup_big_alloc(size_t size)
{
	int i;
	char *base, *user;
	size_t mapped;

	for (i = 0; i < SS_HUGE_SLOTS && ss_huge_live[i].user; i++);
	if (i == SS_HUGE_SLOTS || size > SIZE_MAX - SS_HUGE_ALIGN) {
		return ecalloc(1, size);
	}
	if (!ss_within_limit(size)) {
		return NULL;   /* the caller reports an out-of-memory error naming memory_limit */
	}
	mapped = size + SS_HUGE_ALIGN;
	base = mmap(NULL, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED) {
		return NULL;
	}
	/* Huge pages need 2 MiB alignment. */
	user = (char *)(((uintptr_t)base + SS_HUGE_ALIGN - 1) & ~(uintptr_t)(SS_HUGE_ALIGN - 1));
	madvise(user, size, MADV_HUGEPAGE);
	ss_huge_live[i].user = user;
	ss_huge_live[i].base = base;
	ss_huge_live[i].size = size;
	ss_huge_live[i].mapped = mapped;
	ss_huge_total += size;
	return user;
}

static void shop_setup_big_free(void *ptr, size_t size)
{
	int i;
	(void)size;
	for (i = 0; i < SS_HUGE_SLOTS; i++) {
		if (ss_huge_live[i].user == ptr) {
			munmap(ss_huge_live[i].base, ss_huge_live[i].mapped);
			ss_huge_total -= ss_huge_live[i].size;
			memset(&ss_huge_live[i], 0, sizeof ss_huge_live[i]);
			return;
		}
	}
	efree(ptr);   /* the registry was full: ecalloc() */
}

/*
 * The scratch (ss_scr) of a shop_setup_session() call on a big order: one mapping
 * on huge pages, reserved (not touched) for at least the order's estimated
 * working set. Every core allocation of the call, and the binding's arrays,
 * are carved from it by a bump pointer (frees are no-ops), so the planner's
 * memory costs one page fault per 2 MiB instead of one per 4 KiB, whatever
 * state Zend's heap is in. When the scratch is full, allocations go on to
 * emalloc() and the blocks above.
 * A call that went well leaves the mapping to the request's next call (phase
 * 2 after phase 1) when it touched at most SS_SCR_KEEP: its pages are in
 * already. Fresh pages are dear on a virtual machine: at 1,000,000
 * participants, phase 2 on a fresh scratch spent 0.35-0.6 s of system time
 * having ~740 MiB zeroed by the kernel, 10 ms on phase 1's (0.83-0.90 s a
 * call instead of 1.3-1.4 s). Meanwhile those pages count against
 * memory_limit; RSHUTDOWN, or a call that failed, unmaps it.
 * ss_big_alloc() promises zeroed memory: what an earlier call touched
 * ("dirty") is zeroed when handed out again, the rest is fresh from the
 * kernel.
 */
static int ss_huge_enabled;

#define SS_SCR_HDR ((size_t)16)   /* keeps 16-byte alignment; holds the size */
/* The most a kept scratch may hold between two calls of one request (a
 * 1,000,000-participant phase 2 touches ~740 MiB), and the least address
 * space a scratch maps (64-bit builds). */
#define SS_SCR_KEEP ((size_t)1024 << 20)
#define SS_SCR_VIRT ((size_t)1 << 30)
#define SS_SCR_IN(p) (ss_scr.base && (char *)(p) >= ss_scr.base && (char *)(p) < ss_scr.base + ss_scr.cap)

static void *ss_scr_alloc(size_t size)
{
	size_t need;
	char *p;
	if (!ss_scr.active || size > ss_scr.cap) return NULL;
	need = ((size + 15) & ~(size_t)15) + SS_SCR_HDR;
	if (ss_scr.cap - ss_scr.used < need || !ss_within_limit(need)) return NULL;
	p = ss_scr.base + ss_scr.used;
	*(size_t *)p = size;
	ss_scr.last = ss_scr.used;
	ss_scr.used += need;
	return p + SS_SCR_HDR;
}

static void *shop_setup_scr_malloc(size_t size)
{
	void *p = ss_scr_alloc(size);
	return p ? p : emalloc(size);
}

static void *shop_setup_scr_realloc(void *ptr, size_t size)
{
	if (ptr && SS_SCR_IN(ptr)) {
		size_t old = *(size_t *)((char *)ptr - SS_SCR_HDR), off = (size_t)((char *)ptr - ss_scr.base) - SS_SCR_HDR;
		void *np;
		if (off == ss_scr.last) {
			/* The latest allocation grows in place: what follows was never used. */
			size_t need = ((size + 15) & ~(size_t)15) + SS_SCR_HDR;
			if (ss_scr.cap - off >= need) {
				*(size_t *)((char *)ptr - SS_SCR_HDR) = size;
				if (off + need > ss_scr.used) ss_scr.used = off + need;
				return ptr;
			}
		}
		np = shop_setup_scr_malloc(size);
		memcpy(np, ptr, old < size ? old : size);
		return np;
	}
	return ptr ? erealloc(ptr, size) : shop_setup_scr_malloc(size);
}

static void shop_setup_scr_free(void *ptr)
{
	if (!SS_SCR_IN(ptr)) efree(ptr);
}

static void *shop_setup_scr_big_alloc(size_t size)
{
	char *p = ss_scr_alloc(size);
	if (!p) return shop_setup_big_alloc(size);
	if ((size_t)(p - ss_scr.base) < ss_scr.dirty) {
		/* An earlier call of this request wrote here: zero what it may have written. */
		size_t off = (size_t)(p - ss_scr.base), n = ss_scr.dirty - off;
		memset(p, 0, n < size ? n : size);
	}
	return p;
}

static void shop_setup_scr_big_free(void *ptr, size_t size)
{
	if (!SS_SCR_IN(ptr)) shop_setup_big_free(ptr, size);
}

/* Unmaps the scratch, in use or kept. */
static void ss_scratch_release(void)
{
	if (ss_scr.map) munmap(ss_scr.map, ss_scr.mapped);
	memset(&ss_scr, 0, sizeof ss_scr);
}

void shop_setup_scratch_begin(size_t reserve)
{
	char *map;
	size_t mapped, want;
	if (!ss_huge_enabled || ss_scr.active || reserve < SS_HUGE_ALIGN || reserve > SIZE_MAX / 4) return;
	if (ss_scr.base && ss_scr.cap >= reserve) {
		/* The scratch an earlier call of this request kept (phase 1, then
		 * phase 2): its pages are in already. */
		ss_scr.used = ss_scr.last = 0;
		ss_scr.active = 1;
		return;
	}
	ss_scratch_release();
	/* Address space is cheap on 64 bits and untouched pages cost nothing: a
	 * roomy mapping (twice the estimate) lets phase 2, whose estimate also
	 * counts the facts, reuse phase 1's. */
	want = reserve;
	if (sizeof(void *) >= 8) {
		reserve *= 2;   /* reserve <= SIZE_MAX / 4 */
		if (reserve < SS_SCR_VIRT) reserve = SS_SCR_VIRT;
	}
	for (;;) {
		mapped = reserve + SS_HUGE_ALIGN;
		map = mmap(NULL, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (map != MAP_FAILED) break;
		if (reserve == want) return;
		reserve = want;   /* strict overcommit: the estimate alone */
	}
	ss_scr.map = map;
	ss_scr.mapped = mapped;
	ss_scr.base = (char *)(((uintptr_t)map + SS_HUGE_ALIGN - 1) & ~(uintptr_t)(SS_HUGE_ALIGN - 1));
	ss_scr.cap = reserve;
	ss_scr.used = ss_scr.last = ss_scr.dirty = 0;
	ss_scr.active = 1;
	madvise(ss_scr.base, reserve, MADV_HUGEPAGE);
}

void shop_setup_scratch_end(int keep)
{
	if (!ss_scr.active) return;
	if (ss_scr.used > ss_scr.dirty) ss_scr.dirty = ss_scr.used;
	ss_scr.active = 0;
	ss_scr.used = ss_scr.last = 0;
	/* Kept for the request's next call when it went well and touched at most
	 * SS_SCR_KEEP; it counts against memory_limit meanwhile (ss_within_limit). */
	if (!keep || ss_scr.dirty > SS_SCR_KEEP) ss_scratch_release();
}

static void shop_setup_big_release_all(void)
{
	int i;
	ss_scratch_release();
	for (i = 0; i < SS_HUGE_SLOTS; i++) {
		if (ss_huge_live[i].user) {
			munmap(ss_huge_live[i].base, ss_huge_live[i].mapped);
			memset(&ss_huge_live[i], 0, sizeof ss_huge_live[i]);
		}
	}
	ss_huge_total = 0;
}
#else
void shop_setup_scratch_begin(size_t reserve) { (void)reserve; }
void shop_setup_scratch_end(int keep) { (void)keep; }
#endif

void shop_setup_quote(smart_str *buf, const char *s, size_t len, size_t max)
{
	size_t i = 0, n = len > max ? max : len;
	static const char hex[] = "0123456789ABCDEF";

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
			smart_str_appendc(buf, (char)c);
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xF4) {
			/* A well-formed UTF-8 character is kept whole, or not at all when the cut
			 * at max would split it: the message stays valid UTF-8. */
			size_t w = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
			if (w <= len - i && ss_utf8_check(s + i, w) == w) {
				if (i + w > n) {
					break;
				}
				smart_str_appendl(buf, s + i, w);
				i += w;
				continue;
			}
		}
		smart_str_appendl(buf, "\\x", 2);
		smart_str_appendc(buf, hex[c >> 4]);
		smart_str_appendc(buf, hex[c & 15]);
		i++;
	}
	if (i < len) {
		smart_str_appendl(buf, "...", 3);
	}
}

PHP_MINIT_FUNCTION(shop_setup)
{
	static const ss_alloc_hooks hooks = {shop_setup_emalloc, shop_setup_erealloc, shop_setup_efree, NULL, NULL};
#ifdef SS_HUGE
	static const ss_alloc_hooks huge_hooks = {shop_setup_scr_malloc, shop_setup_scr_realloc, shop_setup_scr_free,
		shop_setup_scr_big_alloc, shop_setup_scr_big_free};
	const char *za = getenv("USE_ZEND_ALLOC");
#endif
#if defined(ZTS) && defined(COMPILE_DL_SHOP_SETUP)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
#ifdef SS_HUGE
	ss_huge_enabled = !(za && za[0] == '0');
	ss_set_alloc_hooks(ss_huge_enabled ? &huge_hooks : &hooks);
#else
	ss_set_alloc_hooks(&hooks);
#endif
	register_shop_setup_symbols(module_number);
	shop_setup_params_minit();
	shop_setup_session_minit();
#ifdef SHOP_SETUP_HAVE_CURL
	/* area: remote provisioning. Not thread-safe: once here, not lazily in a request (ZTS). */
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		return FAILURE;
	}
#endif
	return SUCCESS;
}

PHP_MSHUTDOWN_FUNCTION(shop_setup)
{
	ss_set_alloc_hooks(NULL);
#ifdef SHOP_SETUP_HAVE_CURL
	curl_global_cleanup();
#endif
	return SUCCESS;
}

PHP_RINIT_FUNCTION(shop_setup)
{
#if defined(ZTS) && defined(COMPILE_DL_SHOP_SETUP)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	return SUCCESS;
}

PHP_RSHUTDOWN_FUNCTION(shop_setup)
{
#ifdef SS_HUGE
	shop_setup_big_release_all();
#endif
	return SUCCESS;
}

PHP_MINFO_FUNCTION(shop_setup)
{
	php_info_print_table_start();
	php_info_print_table_header(2, "shop_setup support", "enabled");
	php_info_print_table_row(2, "Version", PHP_SHOP_SETUP_VERSION);
	php_info_print_table_row(2, "re2c version used", SHOP_SETUP_RE2C_VERSION);
#ifdef SHOP_SETUP_HAVE_CURL
	php_info_print_table_row(2, "libcurl version", curl_version_info(CURLVERSION_NOW)->version);
#else
	php_info_print_table_row(2, "libcurl version", "disabled");
#endif
	php_info_print_table_end();
}

zend_module_entry shop_setup_module_entry = {
	STANDARD_MODULE_HEADER,
	"shop_setup",
	ext_functions,
	PHP_MINIT(shop_setup),
	PHP_MSHUTDOWN(shop_setup),
	PHP_RINIT(shop_setup),
	PHP_RSHUTDOWN(shop_setup),
	PHP_MINFO(shop_setup),
	PHP_SHOP_SETUP_VERSION,
	STANDARD_MODULE_PROPERTIES
};

#ifdef COMPILE_DL_SHOP_SETUP
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_GET_MODULE(shop_setup)
#endif
