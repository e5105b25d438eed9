#!/bin/sh
# A profile-guided build of shop_setup (gcc), in _build/pgo/src, apart from the
# tree's own build:
#   1. built with -fprofile-generate;
#   2. trained: the PHPT suite (every function on its edge cases), then
#      scripts/pgo-train.php (orders of 40 to 6,000 participants generated
#      there, not bench/session.php's, so that the benchmark does not measure
#      the orders the profile was taken on);
#   3. built again from the same sources with -fprofile-use;
#   4. its own PHPT run: "phpt pgo: N passed, N failed".
# The module is _build/pgo/src/modules/shop_setup.so; `make -C _build/pgo/src
# install` installs it. Measured against the default build in docs/session.md
# ("An eleventh round").
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
b="$top/_build/pgo"
src="$b/src"
cc=${CC:-cc}

fail() { echo "pgo: $*" >&2; echo "phpt pgo: 0 passed, 1 failed"; exit 1; }

# clang takes the same flags but writes .profraw files that llvm-profdata must merge.
$cc --version 2>/dev/null | grep -qi 'gcc\|free software foundation' || fail "$cc is not gcc"
rm -rf "$src"
mkdir -p "$src"
cp -pR config.m4 Makefile.frag ext tests examples moodle scripts "$src/" || fail "copy failed"
cd "$src" || fail "no $src"
# As in scripts/build.sh: a header generated from this very stub is current,
# whatever the file times say (else make would run gen_stub.php).
hash=$(sha1sum ext/shop_setup.stub.php | cut -d ' ' -f 1)
grep -q "Stub hash: $hash" ext/shop_setup_arginfo.h && touch ext/shop_setup_arginfo.h
# A copied tree may hold the build products of the tree it came from.
find ext \( -name '*.lo' -o -name '*.o' -o -name '*.la' -o -name '*.so' -o -name '*.gcda' -o -name '*.dep' \) -exec rm -f {} +
rm -rf ext/.libs ext/core/.libs
phpize >/dev/null 2>&1 || fail "phpize failed"
CC="$cc" ./configure --enable-shop-setup ${SHOP_SETUP_CONFIGURE_FLAGS:-} >"$b/configure.log" 2>&1 \
	|| { tail -n 30 "$b/configure.log" >&2; fail "configure failed"; }
so="$src/modules/shop_setup.so"
flags="-g -O2"

make -s -j2 CFLAGS="$flags -fprofile-generate" LDFLAGS="-fprofile-generate" >"$b/make-generate.log" 2>&1 \
	|| { tail -n 40 "$b/make-generate.log" >&2; fail "instrumented build failed"; }
# Training: the suite's outcome is checked on the final build below.
NO_INTERACTION=1 REPORT_EXIT_STATUS=0 php run-tests.php -P -q -n -j"${SHOP_SETUP_JOBS:-2}" \
	-d "extension=$so" tests >"$b/train-phpt.log" 2>&1
php -n -d "extension=$so" -d memory_limit=-1 scripts/pgo-train.php >"$b/train.log" 2>&1 \
	|| { tail -n 20 "$b/train.log" >&2; fail "training failed"; }
n=$(find ext -name '*.gcda' | wc -l)
[ "$n" -gt 0 ] || fail "the training wrote no profile"

# The objects go, the profiles stay; the same sources and flags again.
find . \( -name '*.lo' -o -name '*.o' -o -name '*.la' -o -name '*.so' \) -exec rm -f {} +
make -s -j2 CFLAGS="$flags -fprofile-use -fprofile-correction" >"$b/make-use.log" 2>&1 \
	|| { tail -n 40 "$b/make-use.log" >&2; fail "profile-guided build failed"; }
[ -f "$so" ] || fail "no $so"
# A profile gcc did not find or could not use leaves that file built as usual.
bad='coverage mismatch\|corrupted profile\|profile count data file not found\|not found in profile data'
if grep -q "$bad" "$b/make-use.log"; then
	grep "$bad" "$b/make-use.log" | head -n 5 >&2
	fail "the profiles do not match the sources"
fi

. "$top/scripts/phpt-tally.sh"
log="$b/phpt.log"
NO_INTERACTION=1 REPORT_EXIT_STATUS=0 php run-tests.php -P -q -n -j"${SHOP_SETUP_JOBS:-2}" \
	-d "extension=$so" tests >"$log" 2>&1
phpt_tally "$log" 60
echo "pgo: trained on the PHPT suite and $(sed -n 's/^pgo training: //p' "$b/train.log"), $n profiles: _build/pgo/src/modules/shop_setup.so"
echo "phpt pgo: $phpt_passed passed, $phpt_bad failed"
[ "$phpt_bad" -eq 0 ]
