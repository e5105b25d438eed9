# Sourced by scripts/test.sh, scripts/asan.sh and scripts/test-with-php.sh: reads a
# run-tests.php log. phpt_tally LOG [TAIL] prints the FAIL/BORK/WARN/LEAK/SKIP
# result lines (run-tests writes them after a carriage return and in colour,
# so both are stripped first) and sets phpt_passed, phpt_bad (failed + borked
# + warned + leaked: all count as failures) and phpt_skipped. A log without a
# "Tests passed" line (run-tests did not get that far) is one failure, and
# its last TAIL lines (default 30) are shown.
phpt_tally() {
	_log=$1
	sed 's/\x1b\[[0-9;]*m//g; s/.*\r//' "$_log" | grep -E '^(FAIL|BORK|WARN|LEAK|SKIP) '
	_count() { sed -n "s/^Tests $1 *: *\([0-9]*\).*/\1/p" "$_log" | head -n 1; }
	phpt_passed=$(_count passed)
	phpt_skipped=$(_count skipped)
	_f=$(_count failed); _b=$(_count borked); _w=$(_count warned); _l=$(_count leaked)
	[ -n "$phpt_passed" ] || { tail -n "${2:-30}" "$_log"; phpt_passed=0; _f=1; }
	phpt_bad=$(( ${_f:-0} + ${_b:-0} + ${_w:-0} + ${_l:-0} ))
}
