#!/bin/sh
# Reads the sanitizer report files written through log_path (scripts/asan.sh,
# fuzz/session_fuzz.php under ASAN), prints each error and each leak of ours, and
# ends with "sanitizer: N errors, N leaks in shop_setup, N leaks of PHP ignored".
# Exit status 1 when there is an error or a leak in shop_setup.
#
# Every AddressSanitizer or UndefinedBehaviorSanitizer report is an error. A leak
# is ours when a frame of its allocation stack is in our code (the module,
# ext/core/, ext/php_*.c): with USE_ZEND_ALLOC=0 Debian's php frees everything at
# shutdown except garbage cycles a script leaves behind ($a[] = &$a), whose
# stacks hold PHP frames only. LSan suppressions cannot say "no frame of ours",
# hence this filter rather than a suppression file (docs/hardening.md).
# Usage: fuzz/san-reports.sh DIR
dir=$1
files=$(find "$dir" -type f 2>/dev/null | sort)
if [ -z "$files" ]; then
	echo "sanitizer: 0 errors, 0 leaks in shop_setup, 0 leaks of PHP ignored"
	exit 0
fi
# shellcheck disable=SC2086
awk '
	function flush() {
		if (inblock) {
			if (ours) { nours++; printf "--- leak in shop_setup (%s):\n%s", FILENAME, block }
			else nphp++
		}
		inblock = 0; ours = 0; block = ""
	}
	FNR == 1 { flush(); if (other != "") printf "--- sanitizer report (%s):\n%s", prev, other; other = ""; prev = FILENAME }
	/^(Direct|Indirect) leak of/ { flush(); inblock = 1 }
	/ERROR: AddressSanitizer|ERROR: UndefinedBehaviorSanitizer|runtime error:|RTLD_DEEPBIND|LeakSanitizer has encountered|LeakSanitizer does not work/ { nerr++; keep = 1 }
	/^SUMMARY:/ { flush() }
	{
		if (inblock) { block = block $0 "\n"; if ($0 ~ /shop_setup|ext\/core\/|ext\/php_[a-z_]*\.c/) ours = 1 }
		else if (keep && n_other < 80) { other = other $0 "\n"; n_other++ }
	}
	END {
		flush()
		if (other != "") printf "--- sanitizer report (%s):\n%s", prev, other
		printf "sanitizer: %d errors, %d leaks in shop_setup, %d leaks of PHP ignored\n", nerr, nours, nphp
		exit (nerr + nours) ? 1 : 0
	}' $files
