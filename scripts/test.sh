#!/bin/sh
# Builds shop_setup and runs every test: the C unit tests of the Zend-free core,
# the PHPT suite, and (unless SHOP_SETUP_QUICK=1) the PHPT suite again under
# valgrind. Ends with one line "N passed, N failed"; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
sh scripts/deps.sh || exit 1
sh scripts/build.sh || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
add() { passed=$((passed + $1)); failed=$((failed + $2)); }

# C unit tests of the core, built without PHP.
out=$(make -s -C ext/core test 2>&1)
echo "$out"
n=$(echo "$out" | grep -c ': [0-9]* passed, [0-9]* failed')
p=$(echo "$out" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed/\1/p' | awk '{s+=$1} END {print s+0}')
f=$(echo "$out" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed/\2/p' | awk '{s+=$1} END {print s+0}')
[ "$n" -gt 0 ] || f=$((f + 1))
echo "$out" | grep -q 'Error\|error:' && f=$((f + 1))
add "$p" "$f"

# PHPT: FAIL, BORK, WARN and LEAK all count as failures.
phpt() {
	label=$1; shift
	log=$(mktemp)
	NO_INTERACTION=1 REPORT_EXIT_STATUS=0 php run-tests.php -P -q -n \
		-d "extension=$top/modules/shop_setup.so" "$@" tests >"$log" 2>&1
	grep -E '^(FAIL|BORK|WARN|LEAK|SKIP)' "$log"
	count() { sed -n "s/^Tests $1 *: *\([0-9]*\).*/\1/p" "$log" | head -n 1; }
	tp=$(count passed); tf=$(count failed); tb=$(count borked); tw=$(count warned); tl=$(count leaked)
	[ -n "$tp" ] || { cat "$log"; tp=0; tf=1; }
	bad=$(( ${tf:-0} + ${tb:-0} + ${tw:-0} + ${tl:-0} ))
	echo "phpt $label: $tp passed, $bad failed"
	add "$tp" "$bad"
	rm -f "$log"
}
phpt plain
if [ "${SHOP_SETUP_QUICK:-0}" != 1 ]; then
	phpt valgrind -m
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
