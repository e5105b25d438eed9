#!/bin/sh
# Runs the PHPT suite on PHP 8.4: Debian trixie's own php8.4 CLI and headers,
# on this Debian 12 machine. Debian 12 ships PHP 8.2 only and its mirror serves
# no other version's source, but trixie's binary packages can be downloaded.
# They are unpacked in a work directory (nothing is installed; apt's lists and
# cache live in the work directory, /etc/apt is untouched) and the CLI is
# pointed at trixie's own C library with patchelf (its interpreter and
# runpath; Debian 12's glibc is older than the one it needs), so that
# run-tests.php's workers and the remote tests' mock server, which start PHP
# again by its path, run the same PHP. Then scripts/test-with-php.sh builds
# the extension against the 8.4 headers and runs the suite. Prints
# "php84: N passed, N failed"; when the packages cannot be downloaded, it says
# NOT RUN and counts nothing (0 passed, 0 failed) rather than fail on the mirror.
#   sh scripts/php84.sh                         # under a minute, a ~30 MB download included
#   SHOP_SETUP_PHP84_DIR=/path sh scripts/php84.sh   # keep the unpacked PHP there and reuse it
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
fail() { echo "php84: $*"; echo "php84: 0 passed, 1 failed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dir=${SHOP_SETUP_PHP84_DIR:-$work/php84}
prefix="$dir/prefix"

if [ ! -x "$prefix/bin/php" ] || ! "$prefix/bin/php" -r 'exit(PHP_VERSION_ID >= 80400 && PHP_VERSION_ID < 80500 ? 0 : 1);' 2>/dev/null; then
	command -v patchelf >/dev/null 2>&1 || fail "needs patchelf (scripts/deps.sh installs it)"
	rm -rf "$dir"
	mkdir -p "$dir/apt/lists/partial" "$dir/apt/cache/archives/partial" "$dir/debs" "$dir/root" "$prefix/bin"
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" >"$dir/apt/sources.list"
	apt="-o Dir::Etc::sourcelist=$dir/apt/sources.list -o Dir::Etc::sourceparts=/nonexistent -o Dir::State::Lists=$dir/apt/lists -o Dir::Cache=$dir/apt/cache"
	# shellcheck disable=SC2086
	(cd "$dir/debs" && apt-get $apt update >"$dir/apt.log" 2>&1 \
		&& apt-get $apt download php8.4-cli php8.4-common php8.4-dev libc6 >>"$dir/apt.log" 2>&1) \
		|| {
			# The mirror, not the code: say so and count nothing, rather than fail CI.
			tail -n 3 "$dir/apt.log"
			echo "php84: NOT RUN: could not download trixie's php8.4 packages from deb.debian.org"
			echo "php84: 0 passed, 0 failed"
			exit 0
		}
	for d in "$dir"/debs/*.deb; do dpkg -x "$d" "$dir/root" || fail "could not unpack $d"; done
	r="$dir/root/usr"
	api=$(basename "$(ls -d "$r"/include/php/2* | head -n 1)")
	multiarch=$(gcc -print-multiarch)
	libs="$r/lib/$multiarch"
	interp="$libs/$(basename "$(patchelf --print-interpreter "$r/bin/php8.4")")"
	[ -x "$interp" ] || fail "no dynamic loader in trixie's libc6 ($interp)"
	cp "$r/bin/php8.4" "$prefix/bin/php"
	patchelf --set-interpreter "$interp" --set-rpath "$libs:/usr/lib/$multiarch" "$prefix/bin/php" \
		|| fail "patchelf failed"
	# php-config and phpize for this layout: headers and build files under $r,
	# libtool's files from this machine (as Debian's phpize takes them).
	sed -e "s|^prefix=\"/usr\"|prefix=\"$r\"|" -e "s|^php_binary=.*|php_binary=\"$prefix/bin/php\"|" \
		"$r/bin/php-config8.4" >"$prefix/bin/php-config"
	sed -e "s|^prefix='/usr'|prefix='$r'|" -e "s|^aclocaldir=.*|aclocaldir=/usr/share/aclocal|" -e "s|php-config8.4|php-config|g" \
		"$r/bin/phpize8.4" >"$prefix/bin/phpize"
	chmod +x "$prefix/bin/php-config" "$prefix/bin/phpize"
	[ -d "$r/lib/php/$api/build" ] || fail "no phpize build files for API $api"
fi
"$prefix/bin/php" -r 'exit(PHP_VERSION_ID >= 80400 && PHP_VERSION_ID < 80500 ? 0 : 1);' || fail "the unpacked PHP does not run"
sh "$top/scripts/test-with-php.sh" "$prefix" php84
