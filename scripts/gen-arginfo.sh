#!/bin/sh
# Regenerates ext/shop_setup_arginfo.h from ext/shop_setup.stub.php with PHP's own
# gen_stub.php (from php-dev) and nikic/PHP-Parser 4.15 from Debian's php-parser
# package, so nothing is downloaded. Usage: scripts/gen-arginfo.sh
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
gen=$(ls "$(php-config --prefix)"/lib/php/*/build/gen_stub.php /usr/lib/php/*/build/gen_stub.php 2>/dev/null | head -n 1 || true)
[ -f "$gen" ] || { echo "gen_stub.php not found: install php-dev" >&2; exit 1; }
[ -d /usr/share/php/PhpParser ] || { echo "PHP-Parser not found: apt-get install php-parser" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$gen" "$work/gen_stub.php"
# gen_stub.php looks for PHP-Parser-<version>/lib/PhpParser beside itself.
ver=$(sed -n 's/.*\$version = "\([0-9.]*\)".*/\1/p' "$gen" | head -n 1)
mkdir -p "$work/PHP-Parser-$ver/lib"
ln -s /usr/share/php/PhpParser "$work/PHP-Parser-$ver/lib/PhpParser"
php "$work/gen_stub.php" -f "$top/ext/shop_setup.stub.php"
