#!/bin/sh
# Builds shop_setup and runs every test, stage by stage:
#   core       C unit tests of the Zend-free core (tests/core/test_*.c), the
#              binding compiled as ZTS (scripts/zts-check.sh: syntax and types only),
#              and the module's exports: get_module() alone (scripts/exports-check.sh)
#   phpt       the PHPT suite
#   opcache    the PHPT suite with OPcache on, as web requests run PHP, then with its JIT
#   valgrind   the PHPT suite under valgrind (run-tests.php -m), then the core's C unit
#              tests under memcheck (scripts/core-valgrind.sh)
#   asan       the PHPT suite on a second build with ASan+UBSan (scripts/asan.sh)
#   pgo        the profile-guided build (scripts/pgo.sh: trained, rebuilt) and its PHPT suite
#   fuzz       every libFuzzer harness, SHOP_SETUP_FUZZ_SECONDS each (default 30; fuzz/run.sh)
#   session    the structure-aware harness fuzz/session_fuzz.php, plain then under ASan,
#              SHOP_SETUP_SESSION_SECONDS of random iterations each (default 30) after its heavy cases
#   pecl       the PECL tarball built without re2c, and its PHPT suite (scripts/pecl-check.sh)
#   php81      the PHPT suite on PHP 8.1: Ubuntu 22.04's CLI and headers, unpacked
#              beside this machine's 8.2 (scripts/php-deb.sh 8.1; NOT RUN, counting
#              nothing, when the packages cannot be downloaded)
#   php83      the same on PHP 8.3 from Ubuntu 24.04 (scripts/php-deb.sh 8.3)
#   php84      the same on PHP 8.4 from Debian 13 (scripts/php-deb.sh 8.4)
#   zts-debug  not run by default (~7 minutes): the PHPT suite on a ZTS debug build of
#              this PHP, built from Debian's source package (scripts/zts-debug.sh)
# SHOP_SETUP_QUICK=1 runs only core, phpt and a short session harness.
# SHOP_SETUP_STAGES="core phpt" runs only the stages named.
# Ends with one line "N passed, N failed" summing every stage; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
quick=${SHOP_SETUP_QUICK:-0}
if [ -n "${SHOP_SETUP_STAGES:-}" ]; then
	stages=$SHOP_SETUP_STAGES
elif [ "$quick" = 1 ]; then
	stages="core phpt session"
else
	stages="core phpt opcache valgrind asan pgo fuzz session pecl php81 php83 php84"
fi
sh scripts/deps.sh || { echo "deps failed"; echo "0 passed, 1 failed"; exit 1; }
sh scripts/build.sh || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

# Two cores: two PHPT workers (run-tests.php -j), no more.
jobs=${SHOP_SETUP_JOBS:-2}
export SHOP_SETUP_JOBS=$jobs
passed=0
failed=0
add() { passed=$((passed + $1)); failed=$((failed + $2)); }
has() { case " $stages " in *" $1 "*) return 0;; esac; return 1; }
t0=$(date +%s)
stage_start() { s0=$(date +%s); echo "== $1"; }
stage_end() { echo "   ($1: $(( $(date +%s) - s0 )) s)"; }

# Sums every "label: N passed, N failed" line of $1; a run with no such line, or
# a non-zero exit status ($2) with no failure counted, is one failure.
tally() {
	out=$1 rc=$2
	p=$(echo "$out" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' | awk '{s+=$1} END {print s+0}')
	f=$(echo "$out" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' | awk '{s+=$1} END {print s+0}')
	n=$(echo "$out" | grep -c ': [0-9]* passed, [0-9]* failed')
	[ "$n" -gt 0 ] || f=$((f + 1))
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	add "$p" "$f"
}

# Runs a script whose result lines match PATTERN ("<label>: N passed, N failed"),
# shows its output and counts those lines (a non-zero exit counts as a failure).
script_stage() {
	pattern=$1; shift
	out=$("$@" 2>&1)
	rc=$?
	echo "$out"
	tally "$(echo "$out" | grep "$pattern")" "$rc"
}

if has core; then
	stage_start core
	out=$(make -s -C ext/core test 2>&1)
	rc=$?
	echo "$out"
	echo "$out" | grep -q 'Error\|error:' && rc=1
	tally "$out" "$rc"
	# The binding compiled as a thread-safe PHP would (this machine's PHP is NTS).
	script_stage '^zts: [0-9]' sh scripts/zts-check.sh
	script_stage '^exports: [0-9]' sh scripts/exports-check.sh
	stage_end core
fi

# PHPT: FAIL, BORK, WARN and LEAK all count as failures.
. scripts/phpt-tally.sh
phpt() {
	label=$1; shift
	log=$(mktemp)
	NO_INTERACTION=1 REPORT_EXIT_STATUS=0 php run-tests.php -P -q -n -j"$jobs" \
		-d "extension=$top/modules/shop_setup.so" "$@" tests >"$log" 2>&1
	phpt_tally "$log" 100000
	echo "phpt $label: $phpt_passed passed, $phpt_bad failed"
	add "$phpt_passed" "$phpt_bad"
	rm -f "$log"
}
if has phpt; then
	stage_start phpt
	phpt plain
	stage_end phpt
fi
if has opcache; then
	stage_start opcache
	# OPcache interns a script's literals in its shared memory (not the strings
	# the module interned at start-up) and makes literal arrays immutable: what
	# a binding can get wrong only there. Debian's php8.2-cli depends on it.
	oc="-d zend_extension=opcache -d opcache.enable_cli=1"
	# shellcheck disable=SC2086
	if php -n $oc -r 'exit(opcache_get_status(false)["opcache_enabled"] ?? false ? 0 : 1);' 2>/dev/null; then
		# shellcheck disable=SC2086
		phpt opcache $oc
		# shellcheck disable=SC2086
		phpt opcache-jit $oc -d opcache.jit=tracing -d opcache.jit_buffer_size=64M
	else
		echo "phpt opcache: 0 passed, 1 failed (OPcache does not load: php8.2-opcache missing?)"
		add 0 1
	fi
	stage_end opcache
fi
if has valgrind; then
	stage_start valgrind
	# The test's own php runs under valgrind; the php children some tests start
	# (mock Moodle servers under php -S, git) do not: they do not load the module
	# or are not under test, and tracing them tripled the stage's time.
	VALGRIND_OPTS="${VALGRIND_OPTS:-} --trace-children-skip=*/php,*/php8.*,*/sh,*/git"
	export VALGRIND_OPTS
	phpt valgrind -m
	unset VALGRIND_OPTS
	# The core's C unit tests under memcheck too (uninitialised reads).
	script_stage '^core valgrind: [0-9]' sh scripts/core-valgrind.sh
	stage_end valgrind
fi

if has asan; then
	stage_start asan
	script_stage '^phpt asan:' sh scripts/asan.sh
	stage_end asan
fi

if has pgo; then
	stage_start pgo
	script_stage '^phpt pgo:' sh scripts/pgo.sh
	stage_end pgo
fi

if has fuzz; then
	stage_start fuzz
	script_stage '^fuzz: ' sh fuzz/run.sh "${SHOP_SETUP_FUZZ_SECONDS:-30}"
	stage_end fuzz
fi

if has session; then
	stage_start session
	# Random iterations for $budget seconds, after the heavy cases (100,000 participants...).
	if [ "$quick" = 1 ]; then budget=${SHOP_SETUP_SESSION_SECONDS:-5}; heavy=--no-heavy; else budget=${SHOP_SETUP_SESSION_SECONDS:-30}; heavy=; fi
	out=$(php -n -d "extension=$top/modules/shop_setup.so" -d memory_limit=4G fuzz/session_fuzz.php --seconds="$budget" $heavy 2>&1)
	rc=$?
	echo "$out" | tail -n 40
	tally "$(echo "$out" | grep '^session ')" "$rc"
	if [ "$quick" != 1 ]; then
		out=$(SHOP_SETUP_ASAN_RUN="\$SHOP_SETUP_PHP -n -d extension=\$SHOP_SETUP_SO -d memory_limit=4G fuzz/session_fuzz.php --label=asan --seconds=$budget" sh scripts/asan.sh --exec 2>&1)
		rc=$?
		echo "$out" | tail -n 40
		tally "$(echo "$out" | grep '^session ')" "$rc"
	fi
	stage_end session
fi

if has pecl; then
	stage_start pecl
	script_stage '^pecl: [0-9]' sh scripts/pecl-check.sh
	stage_end pecl
fi

for v in 8.1 8.3 8.4; do
	st=php$(echo "$v" | tr -d .)
	has "$st" || continue
	stage_start "$st"
	script_stage "^$st: [0-9]" sh scripts/php-deb.sh "$v"
	stage_end "$st"
done

if has zts-debug; then
	stage_start zts-debug
	script_stage '^zts-debug: [0-9]' sh scripts/zts-debug.sh
	stage_end zts-debug
fi

echo "total time: $(( $(date +%s) - t0 )) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
