#!/bin/sh
# Builds the floor extension (bench/floor/floor.c) in a temporary directory and
# runs bench/floor.php with it beside modules/shop_setup.so (sh scripts/build.sh first).
#   sh bench/floor/run.sh [--opcache] [participants] [rounds]
# --opcache: PHP runs with OPcache on (JIT off), as web requests run it.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
# SHOP_SETUP_SO: another build of the module (e.g. scripts/pgo.sh's).
so=${SHOP_SETUP_SO:-$root/modules/shop_setup.so}
test -f "$so" || { echo "build the extension first: sh scripts/build.sh" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root/bench/floor/config.m4" "$root/bench/floor/floor.c" "$root/ext/ss_fields.h" "$tmp/"
(cd "$tmp" && phpize >/dev/null 2>&1 && ./configure --enable-shop-setup-floor >/dev/null 2>&1 && make -s >/dev/null 2>&1) \
	|| { echo "the floor extension did not build (needs php-dev)" >&2; exit 1; }
php_mode=
if [ "${1:-}" = --opcache ]; then
	php_mode="-d zend_extension=opcache -d opcache.enable_cli=1"
	shift
fi
pin=
command -v taskset >/dev/null 2>&1 && pin="taskset -c $(($(nproc) - 1))"
# $php_mode is unquoted on purpose: two -d options or none.
# shellcheck disable=SC2086
$pin php -n $php_mode -d extension="$so" -d extension="$tmp/modules/shop_setup_floor.so" \
	-d memory_limit=-1 "$root/bench/floor.php" "$@"
