#!/bin/sh
# Compiles the Zend binding as a thread-safe (ZTS) PHP would, against this
# machine's PHP headers (Debian ships NTS builds only): ZTS=1 turns EG(), PG()
# and the module's TLS into their thread-safe forms, so a global read the
# wrong way or a missing ZEND_TSRMLS_CACHE fails here. Syntax and types only:
# nothing is linked or run. Prints "zts: N passed, N failed" (one per file).
# Needs php-config (php-dev) and a configured tree (scripts/build.sh).
set -u
cd "$(dirname "$0")/.."
cc=${CC:-cc}
inc=$(php-config --includes) || { echo "zts: php-config not found"; echo "zts: 0 passed, 1 failed"; exit 1; }
passed=0
failed=0
for f in ext/*.c; do
	# shellcheck disable=SC2086
	if out=$($cc -fsyntax-only -std=gnu99 -Wall -Werror -D_GNU_SOURCE -DHAVE_CONFIG_H -DZTS=1 \
			-DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -I. -Iext -Iext/core $inc "$f" 2>&1); then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "zts: $f does not compile as ZTS:"
		echo "$out" | head -n 20
	fi
done
echo "zts: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
