#!/bin/sh
# Builds and runs every libFuzzer harness fuzz/fuzz_<name>.c for N seconds each
# (default 30), against the Zend-free core built with clang's sanitizers.
#   fuzz/run.sh [seconds] [name...]
# Each harness starts from its committed seeds fuzz/corpus/<name>/ (which also
# replay every input that once found a bug) and grows a work corpus in
# _build/fuzz/corpus/<name>. Prints one line per fuzzer with executions and
# coverage (libFuzzer's cov: edges, ft: features), a crash's reproducer, and ends
# with "fuzz: N passed, N failed". Exit status 1 when a fuzzer failed.
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
secs=${1:-30}
[ $# -gt 0 ] && shift
b="$top/_build/fuzz"
cc=${SHOP_SETUP_FUZZ_CC:-clang}
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
passed=0
failed=0
mkdir -p "$b/artifacts"

command -v "$cc" >/dev/null || { echo "fuzz: $cc not found (apt-get install clang libclang-rt-dev)"; echo "fuzz: 0 passed, 1 failed"; exit 1; }
if ! make -s -C ext/core CC="$cc" CFLAGS="-g -O1 -fsanitize=fuzzer-no-link $san -DSS_BATCH_PART=2" BUILD="$b/core" >"$b/core.log" 2>&1; then
	cat "$b/core.log"
	echo "fuzz: 0 passed, 1 failed"
	exit 1
fi

names="$*"
if [ -z "$names" ]; then
	for f in fuzz/fuzz_*.c; do
		n=${f#fuzz/fuzz_}
		names="$names ${n%.c}"
	done
fi

for name in $names; do
	exe="$b/fuzz_$name"
	# A harness may be committed before its area lands: "requires: ss_x.h" in its
	# first lines names the core header it needs.
	req=$(sed -n '1,30s/.*requires: \(ss_[a-z_]*\.h\).*/\1/p' "fuzz/fuzz_$name.c" | head -n 1)
	if [ -n "$req" ] && [ ! -f "ext/core/$req" ]; then
		echo "fuzz $name: skipped (ext/core/$req not in this tree yet)"
		continue
	fi
	if ! "$cc" -g -O1 -fsanitize=fuzzer $san -I ext/core -I fuzz "fuzz/fuzz_$name.c" "$b/core/libsscore.a" -o "$exe" >"$b/$name.build.log" 2>&1; then
		cat "$b/$name.build.log"
		echo "fuzz $name: build FAILED"
		failed=$((failed + 1))
		continue
	fi
	work="$b/corpus/$name"
	seeds="fuzz/corpus/$name"
	mkdir -p "$work" "$seeds"
	dict=""
	[ -f "fuzz/$name.dict" ] && dict="-dict=fuzz/$name.dict"
	log="$b/$name.log"
	# -rss_limit_mb and -malloc_limit_mb: a harness that allocates a gigabyte fails.
	# shellcheck disable=SC2086
	ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
		"$exe" -max_total_time="$secs" -print_final_stats=1 -max_len=8192 -timeout=10 \
		-rss_limit_mb=1024 -malloc_limit_mb=512 -artifact_prefix="$b/artifacts/$name-" \
		$dict "$work" "$seeds" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
	ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
	corp=$(grep -o 'corp: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
	line="fuzz $name: ${execs:-0} execs in ${secs}s, cov: ${cov:-0} ft: ${ft:-0} corpus: ${corp:-0}"
	if [ "$rc" -eq 0 ] && [ -n "$execs" ]; then
		echo "$line: ok"
		passed=$((passed + 1))
	else
		echo "$line: FAILED (exit $rc)"
		grep -E 'property failed|ERROR: |runtime error|SUMMARY|^  [^ #]' "$log" | head -n 20
		art=$(sed -n 's/.*Test unit written to \(.*\)/\1/p' "$log" | tail -n 1)
		if [ -n "$art" ] && [ -f "$art" ]; then
			echo "  reproducer: $art ($(wc -c <"$art") bytes), first bytes:"
			head -c 256 "$art" | od -An -c | head -n 8
			echo "  replay: $exe $art"
		fi
		failed=$((failed + 1))
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
