#!/bin/sh
# Runs the PHPT suite on a thread-safe (ZTS) debug build of this machine's PHP
# version. Debian ships NTS release builds only; this builds the CLI from
# Debian's own source package (apt-get source: deb-src of this release, lists
# kept in the work directory, nothing changed in /etc/apt), configured
# --enable-zts --enable-debug with the extensions the tests use, then builds
# shop_setup against it in a copy of the tree. A debug build adds Zend's
# assertions and reports every emalloc leak at the end of a request (a test
# that leaks fails). The suite runs through scripts/test-with-php.sh, which
# prints "zts-debug: N passed, N failed".
#   sh scripts/zts-debug.sh            # ~7 minutes on two cores, mostly PHP's build
#   SHOP_SETUP_ZTS_PREFIX=/path sh scripts/zts-debug.sh   # keep the PHP build there and reuse it
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
fail() { echo "zts-debug: $*"; echo "zts-debug: 0 passed, 1 failed"; exit 1; }
ver=$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;') || fail "no php"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=${SHOP_SETUP_ZTS_PREFIX:-$work/php}
jobs=${SHOP_SETUP_JOBS:-2}

if [ ! -x "$prefix/bin/php" ] || ! "$prefix/bin/php" -r 'exit(PHP_ZTS && PHP_DEBUG ? 0 : 1);'; then
	codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
	[ -n "$codename" ] || fail "cannot tell this Debian release"
	mkdir -p "$work/apt/lists/partial"
	echo "deb-src http://deb.debian.org/debian $codename main" >"$work/apt/sources.list"
	apt="-o Dir::Etc::sourcelist=$work/apt/sources.list -o Dir::Etc::sourceparts=/nonexistent -o Dir::State::Lists=$work/apt/lists"
	# shellcheck disable=SC2086
	(cd "$work" && apt-get $apt update >"$work/apt.log" 2>&1 && apt-get $apt source --download-only "php$ver" >>"$work/apt.log" 2>&1) \
		|| { tail -n 5 "$work/apt.log"; fail "could not download Debian's php$ver source"; }
	orig=$(ls "$work"/php"$ver"_*.orig.tar.* | grep -v '\.asc$' | head -n 1)
	tar -xf "$orig" -C "$work" || fail "could not unpack the source"
	src=$(find "$work" -maxdepth 1 -type d -name 'php-*' | head -n 1)
	(cd "$src" && ./configure --prefix="$prefix" --enable-zts --enable-debug --disable-all --enable-cli \
		--disable-cgi --disable-phpdbg --enable-filter --enable-ctype >"$work/php-configure.log" 2>&1 \
		&& make -j"$jobs" >"$work/php-make.log" 2>&1 && make install >"$work/php-install.log" 2>&1) \
		|| { tail -n 20 "$work"/php-*.log; fail "PHP's ZTS debug build failed"; }
fi
# shop_setup against it, in a copy of the tracked files (this tree's build stays NTS).
sh "$top/scripts/test-with-php.sh" "$prefix" zts-debug
