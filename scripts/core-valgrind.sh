#!/bin/sh
# Runs the C unit tests of the Zend-free core (tests/core/test_*.c) under
# valgrind's memcheck: ASan and UBSan do not see a decision taken on
# uninitialised memory, memcheck does (it found one in the username pool).
# Builds them first (make -C ext/core test). Prints one line per test program
# and "core valgrind: N passed, N failed" (a program passes when memcheck
# reports nothing and its own checks pass).
set -u
cd "$(dirname "$0")/.."
build=${SHOP_SETUP_CORE_BUILD:-_build/core}
command -v valgrind >/dev/null 2>&1 || { echo "core valgrind: valgrind not found"; echo "core valgrind: 0 passed, 1 failed"; exit 1; }
make -s -C ext/core test BUILD="../../$build" >/dev/null 2>&1 || { echo "core valgrind: the core tests do not pass without valgrind"; echo "core valgrind: 0 passed, 1 failed"; exit 1; }
passed=0
failed=0
for t in "$build"/test_*; do
	[ -x "$t" ] || continue
	log=$(mktemp)
	if valgrind -q --error-exitcode=99 "$t" >/dev/null 2>"$log"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "core valgrind: $(basename "$t") failed:"
		head -40 "$log"
	fi
	rm -f "$log"
done
echo "core valgrind: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
