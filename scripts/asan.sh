#!/bin/sh
# Builds a second copy of shop_setup with AddressSanitizer + UndefinedBehaviorSanitizer
# in _build/asan and runs the whole PHPT suite on it. Any sanitizer report is a failure.
# Ends with "phpt asan: N passed, N failed"; exits non-zero on any failure.
#
#   scripts/asan.sh                 # build + run every tests/*.phpt
#   scripts/asan.sh tests/x.phpt    # build + run some tests
#   SHOP_SETUP_ASAN_RUN='$SHOP_SETUP_PHP -n -d extension=$SHOP_SETUP_SO x.php' scripts/asan.sh --exec
#                                   # build + run a command with the sanitized php
#
# Choices (docs/hardening.md has the reasons):
# - gcc's ASan/UBSan (the compiler phpize uses); the PHP binary is not instrumented,
#   so the runtime is LD_PRELOADed (ASan must be the first DSO loaded).
# - USE_ZEND_ALLOC=0 and NOT USE_TRACKED_ALLOC: every emalloc is a real malloc that
#   nothing frees behind our back, so LeakSanitizer sees a leaked emalloc of ours.
#   (Tracked alloc, as run-tests --asan sets it, frees leftovers at request end and
#   would hide exactly the leaks we look for.)
# - detect_leaks=1, and fuzz/san-reports.sh sorts the leak reports: a leak with a frame
#   in our code fails, one with PHP frames only (a garbage cycle a script leaves at
#   shutdown) is counted and ignored. Suppression files cannot express that.
# - ZEND_DONT_UNLOAD_MODULES=1 keeps shop_setup.so mapped at shutdown, so leak stacks
#   are symbolised and our frames can be told from PHP's.
# - Reports are written to files (log_path) and any such file fails the stage, even
#   when a test's EXPECTF pattern would have swallowed the report.
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
b="$top/_build/asan"
src="$b/src"
cc=${SHOP_SETUP_ASAN_CC:-gcc}
san="-fsanitize=address,undefined -fno-omit-frame-pointer -g -O1"

fail() { echo "asan: $*" >&2; echo "phpt asan: 0 passed, 1 failed"; exit 1; }

# Copy the sources, keeping modification times so that make rebuilds only what changed.
mkdir -p "$src"
rm -rf "$src/tests" # ext/ is copied over: its objects stay, make rebuilds what changed
rm -rf "$src/examples"
cp -pR config.m4 Makefile.frag ext tests examples "$src/" || fail "copy failed"   # tests read examples/session/columns.php
cd "$src" || fail "no $src"
if [ ! -f Makefile ] || [ config.m4 -nt Makefile ] || [ Makefile.frag -nt Makefile ]; then
	phpize >/dev/null 2>&1 || fail "phpize failed"
	CC="$cc" CFLAGS="$san" LDFLAGS="-fsanitize=address,undefined" \
		./configure --enable-shop-setup ${SHOP_SETUP_CONFIGURE_FLAGS:-} >"$b/configure.log" 2>&1 \
		|| { tail -n 30 "$b/configure.log" >&2; fail "configure failed"; }
fi
make -s -j2 >"$b/make.log" 2>&1 || { tail -n 40 "$b/make.log" >&2; fail "make failed"; }
so="$src/modules/shop_setup.so"
[ -f "$so" ] || fail "no $so"

libasan=$($cc -print-file-name=libasan.so)
libubsan=$($cc -print-file-name=libubsan.so)
[ -f "$libasan" ] || fail "$cc has no libasan (apt-get install libasan8 / libclang-rt-dev)"
# Debian's php dlopen()s extensions with RTLD_DEEPBIND, which ASan refuses: a shim
# preloaded before the runtime drops the flag (fuzz/nodeepbind.c says why that is safe).
shim="$b/nodeepbind.so"
if [ ! -f "$shim" ] || [ "$top/fuzz/nodeepbind.c" -nt "$shim" ]; then
	$cc -shared -fPIC -O1 -o "$shim" "$top/fuzz/nodeepbind.c" -ldl || fail "shim build failed"
fi
preload="$shim:$libasan"
# clang's ASan runtime contains UBSan's; gcc's does not.
[ "$cc" = gcc ] && [ -f "$libubsan" ] && preload="$preload:$libubsan"

logs="$b/reports"
rm -rf "$logs"
mkdir -p "$logs"
symb=$(command -v llvm-symbolizer || true)
# Only this wrapper's process gets the sanitizer runtime: run-tests.php, sh, diff...
# run as usual.
cat >"$b/php" <<EOF
#!/bin/sh
export USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1
export ASAN_OPTIONS="verify_asan_link_order=0:detect_leaks=1:exitcode=86:log_path=$logs/asan:check_initialization_order=1:strict_string_checks=1${symb:+:external_symbolizer_path=$symb}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$logs/ubsan"
LD_PRELOAD="$preload" exec "$(command -v php)" "\$@"
EOF
chmod +x "$b/php"

if [ "${1:-}" = "--exec" ]; then
	cd "$top"
	SHOP_SETUP_PHP="$b/php" SHOP_SETUP_SO="$so" sh -c "${SHOP_SETUP_ASAN_RUN:?}"
	rc=$?
	sh "$top/fuzz/san-reports.sh" "$logs" || rc=1
	exit $rc
fi

[ $# -gt 0 ] || set -- tests
log="$b/run-tests.log"
NO_INTERACTION=1 REPORT_EXIT_STATUS=0 \
	php run-tests.php -q -n -j"${SHOP_SETUP_JOBS:-2}" -p "$b/php" -d "extension=$so" "$@" >"$log" 2>&1
cd "$top"
. scripts/phpt-tally.sh
phpt_tally "$log" 40
bad=$phpt_bad
sh fuzz/san-reports.sh "$logs" || bad=$((bad + 1))
echo "phpt asan: $phpt_passed passed, $bad failed"
[ "$bad" -eq 0 ]
