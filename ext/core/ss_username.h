/*
 * shop_setup core: local_shop's username scheme for new participant accounts.
 *
 * local_shop (datahandling/handlercommonlib.php, shop_generate_username) builds
 * "firstname.lastname": lower case, apostrophes removed, white space runs as
 * '-', a handful of French accents folded, then base, base1, base2... until no
 * account holds it. Here every Latin letter (Latin-1 Supplement, Latin
 * Extended-A/B, Latin Extended Additional) folds to ASCII (ß -> ss, æ -> ae,
 * ø -> o, ł -> l, đ -> d, þ -> th...), and whatever Moodle's PARAM_USERNAME
 * would strip (anything but [a-z0-9_.@-] while extendedusernamechars is off)
 * is dropped, so that user_create_user() accepts the name unchanged.
 */
#ifndef SS_USERNAME_H
#define SS_USERNAME_H

#include "ss_common.h"
#include "ss_hash.h"

#define SS_USERNAME_MAX      100 /* {user}.username is char(100) */
#define SS_USERNAME_BASE_MAX 90  /* room for a numeric suffix */

/*
 * Appends the base username of (firstname, lastname) to out (after clearing
 * it). Both must be well-formed UTF-8. When both parts fold to nothing (a name
 * in a non-Latin script), the local part of fallback (an email match key) is
 * used, and "user" when that is empty too. Returns 0, -1 on OOM.
 */
int ss_username_base(const char *first, size_t flen, const char *last, size_t llen,
	const char *fallback, size_t fblen, ss_buf *out);

/* Appends the ASCII folding of one code point (empty when none) to out. */
int ss_username_fold_cp(uint32_t cp, ss_buf *out);

/*
 * The usernames already taken (on the site and by this plan), with a counter
 * per base so that handing out n names costs O(n). The planner uses the batch
 * below; this pool, which compares the names themselves, is what the tests
 * and the fuzzer check the batch against.
 */
typedef struct ss_username_pool {
	ss_smap taken;   /* name -> 0, or for a base found taken the next suffix to try */
	ss_arena arena;
} ss_username_pool;

int ss_username_pool_init(ss_username_pool *p, size_t expected);
/* Marks a name taken (compared lower-cased, as Moodle stores them). */
int ss_username_pool_take(ss_username_pool *p, const char *name, size_t len);
int ss_username_pool_is_taken(const ss_username_pool *p, const char *name, size_t len);
/*
 * Picks base, else base1, base2... (local_shop's order), marks it taken and
 * returns it (NUL-terminated, owned by the pool) with its length in *len.
 */
const char *ss_username_pool_unique(ss_username_pool *p, const char *base, size_t blen, size_t *len);
/* Room a name needs past its base for the longest suffix and the NUL. */
#define SS_USERNAME_SUFFIX_MAX 21
void ss_username_pool_free(ss_username_pool *p);

/*
 * Many names at once, with the same results as one pool fed the site's names
 * and then asked for each base in turn (one exception: two different names
 * whose 64-bit hashes are equal count as one, so that a free name may get a
 * suffix it did not need; a taken name is never handed out, see
 * ss_username.c), but cache-friendly: a base b only
 * ever yields b, b1, b2..., which all share b's stem (b without its trailing
 * digits), and only a taken name with that stem can block one of them. So
 * names are split by a hash of their stem into partitions small enough for
 * the caches, and each partition is resolved alone, its bases in the order
 * they came; a taken name whose stem no base has is left out altogether.
 *   ss_username_batch_init(&b, most site names, most bases);
 *   ss_username_batch_site(&b, name, len) for each name taken on the site;
 *   ss_username_batch_base(&b, buf, blen, &len) for each base, in order: buf
 *     holds the base and SS_USERNAME_SUFFIX_MAX spare bytes, and must outlive
 *     the batch;
 *   ss_username_batch_run(&b), once: each buf then holds its name,
 *     NUL-terminated, and *len its length;
 *   ss_username_batch_free(&b).
 * All return 0, -1 on OOM (or when more names come than announced).
 */
typedef struct ss_username_batch {
	struct ss_uname_site *site;
	struct ss_uname_base *base;
	size_t nsite, nbase, maxsite, maxbase;
	ss_arena arena;      /* lower-cased copies of site names */
} ss_username_batch;
int ss_username_batch_init(ss_username_batch *b, size_t maxsite, size_t maxbase);
int ss_username_batch_site(ss_username_batch *b, const char *name, size_t len);
int ss_username_batch_base(ss_username_batch *b, char *buf, size_t blen, size_t *len);
int ss_username_batch_run(ss_username_batch *b);
void ss_username_batch_free(ss_username_batch *b);

/* Longest ASCII folding of one character, or (size_t)-1 when over the bound
 * the name loop reserves for (a self-check for the tests). */
size_t ss_username_fold_max(void);

#endif
