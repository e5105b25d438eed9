#!/bin/sh
# Builds shop_setup against another PHP build and runs the PHPT suite with it:
# for a PHP version or flavour this machine's packages don't have (another
# minor version, ZTS, debug). PREFIX is where that PHP is installed
# (PREFIX/bin/php, PREFIX/bin/phpize, PREFIX/bin/php-config). The build happens
# in a copy of the tracked files, so this tree's own build is untouched; it
# uses -Werror=implicit-function-declaration, since a Zend function missing
# from that version would otherwise only warn, link lazily, and kill PHP with
# "undefined symbol" the first time a test reaches it. Prints
# "LABEL: N passed, N failed" (LABEL defaults to php-VERSION). Below PHP 8.2
# the remote tests' mock Moodle server runs on this machine's `php` when it is
# 8.2 or later (SHOP_SETUP_MOCK_PHP: set it to choose another).
#   sh scripts/test-with-php.sh PREFIX [LABEL]
# A PHP to test with, e.g. 8.1 from php-src's PHP-8.1 branch (needs bison):
#   ./buildconf --force && ./configure --prefix=PREFIX --disable-all --enable-cli \
#     --disable-cgi --disable-phpdbg --enable-filter --enable-ctype && make -j2 && make install
# (filter and ctype: the remote tests' mock Moodle server runs under php -n.)
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
prefix=${1:?usage: sh scripts/test-with-php.sh PREFIX [LABEL]}
php="$prefix/bin/php"
label=${2:-php-$("$php" -r 'echo PHP_VERSION;' 2>/dev/null || echo unknown)}
fail() { echo "$label: $*"; echo "$label: 0 passed, 1 failed"; exit 1; }
[ -x "$php" ] && [ -x "$prefix/bin/phpize" ] || fail "no PHP build (bin/php, bin/phpize) under $prefix"
jobs=${SHOP_SETUP_JOBS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$php" -v | head -n 1

mkdir "$work/ext"
git ls-files -z | xargs -0 tar -cf - | tar -xf - -C "$work/ext" || fail "could not copy the tree"
(cd "$work/ext" && "$prefix/bin/phpize" >"$work/ext-build.log" 2>&1 \
	&& CFLAGS="-O2 -g -Werror=implicit-function-declaration" ./configure --with-php-config="$prefix/bin/php-config" \
		--enable-shop-setup >>"$work/ext-build.log" 2>&1 \
	&& make -j"$jobs" >>"$work/ext-build.log" 2>&1) \
	|| { grep -E '\.[ch]:[0-9]+:[0-9]+: (fatal )?(error|warning):|^configure: error' "$work/ext-build.log" | head -n 20; fail "shop_setup did not build against $prefix"; }
grep -E '\.[ch]:[0-9]+:[0-9]+: warning:' "$work/ext-build.log" | head -n 20

# The remote tests' mock Moodle server serves several requests at once with
# the built-in server's workers, which hold requests before PHP 8.2 (php-src
# GH-9400, see tests/inc/moodle_mock.inc): serve the mock with this machine's
# PHP then, as a Moodle site would run its own PHP; without one, the tests
# that need it skip.
if [ -z "${SHOP_SETUP_MOCK_PHP:-}" ] && [ "$("$php" -n -r 'echo PHP_VERSION_ID;')" -lt 80200 ]; then
	host_php=$(command -v php || true)
	if [ -n "$host_php" ] && [ "$("$host_php" -n -r 'echo PHP_VERSION_ID;' 2>/dev/null || echo 0)" -ge 80200 ]; then
		SHOP_SETUP_MOCK_PHP=$host_php
		export SHOP_SETUP_MOCK_PHP
		echo "$label: the mock Moodle server runs on $("$host_php" -n -r 'echo PHP_VERSION;') (this PHP's built-in server holds requests with workers)"
	fi
fi

log="$work/phpt.log"
(cd "$work/ext" && NO_INTERACTION=1 REPORT_EXIT_STATUS=0 TEST_PHP_EXECUTABLE="$php" "$php" \
	run-tests.php -P -q -n -j"$jobs" -d "extension=$work/ext/modules/shop_setup.so" tests >"$log" 2>&1)
. "$top/scripts/phpt-tally.sh"
phpt_tally "$log"
echo "$label: $phpt_passed passed, $phpt_bad failed (${phpt_skipped:-0} skipped, listed above)"
[ "$phpt_bad" -eq 0 ]
