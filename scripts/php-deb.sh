#!/bin/sh
# Runs the PHPT suite on another PHP version, from a distribution's own
# binary packages, on this Debian 12 machine (which ships PHP 8.2 only, and
# whose mirror serves no other version's source):
#   8.4  Debian 13 (trixie): php8.4-cli, -common, -dev and its libc6
#   8.3  Ubuntu 24.04 (noble): php8.3-cli, -common, -dev and its libc6
#   8.1  Ubuntu 22.04 (jammy): php8.1-cli, -common, -dev (on this machine's libc6)
# The packages are downloaded with apt, signatures checked (Debian's keyring
# of this machine; for Ubuntu, the archive key pinned below by fingerprint,
# taken from Ubuntu's keyring package), and unpacked in a work directory:
# nothing is installed, apt's lists and cache live in the work directory and
# /etc/apt is untouched. The 8.3 and 8.4 CLIs are pointed at their own
# distribution's C library with patchelf (interpreter and runpath; Debian 12's
# glibc is older than the one they need), so that run-tests.php's workers and
# the remote tests' mock server, which start PHP again by its path, run the
# same PHP.
# Then scripts/test-with-php.sh builds the extension against that version's
# headers and runs the suite. Prints "phpXY: N passed, N failed"; when the
# packages cannot be downloaded it says NOT RUN and counts nothing
# (0 passed, 0 failed) rather than fail on a mirror.
#   sh scripts/php-deb.sh 8.4                       # under a minute, a ~30 MB download included
#   SHOP_SETUP_PHPDEB_DIR=/path sh scripts/php-deb.sh 8.3   # keep the unpacked PHP there and reuse it
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
ver=${1:?usage: sh scripts/php-deb.sh 8.1|8.3|8.4}
label="php$(echo "$ver" | tr -d .)"
fail() { echo "$label: $*"; echo "$label: 0 passed, 1 failed"; exit 1; }
not_run() {
	echo "$label: NOT RUN: $*"
	echo "$label: 0 passed, 0 failed"
	exit 0
}
# Ubuntu Archive Automatic Signing Key (2018) <ftpmaster@ubuntu.com>: signs jammy's and noble's InRelease.
ubuntu_key=F6ECB3762474EDA9D21B7022871920D1991BC93C
ubuntu_keyring_deb=http://archive.ubuntu.com/ubuntu/pool/main/u/ubuntu-keyring/ubuntu-keyring_2023.11.28.1_all.deb
# own_libc: the CLI needs its distribution's C library (newer than Debian 12's);
# jammy's is older, so 8.1 runs on this machine's own.
case $ver in
	8.4) api_min=80400 distro=debian suite=trixie own_libc=1 ;;
	8.3) api_min=80300 distro=ubuntu suite=noble own_libc=1 ;;
	8.1) api_min=80100 distro=ubuntu suite=jammy own_libc=0 ;;
	*) fail "no distribution package of PHP $ver is known here (8.1, 8.3, 8.4)" ;;
esac
api_max=$((api_min + 100))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dir=${SHOP_SETUP_PHPDEB_DIR:-$work/php}/$ver
prefix="$dir/prefix"
runs() { "$prefix/bin/php" -r "exit(PHP_VERSION_ID >= $api_min && PHP_VERSION_ID < $api_max ? 0 : 1);" 2>/dev/null; }

if [ ! -x "$prefix/bin/php" ] || ! runs; then
	[ "$own_libc" = 0 ] || command -v patchelf >/dev/null 2>&1 || fail "needs patchelf (scripts/deps.sh installs it)"
	rm -rf "$dir"
	mkdir -p "$dir/apt/lists/partial" "$dir/apt/cache/archives/partial" "$dir/debs" "$dir/root" "$prefix/bin"
	if [ "$distro" = debian ]; then
		echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" >"$dir/apt/sources.list"
	else
		# Ubuntu's keyring package, trusted for the pinned key only.
		command -v gpg >/dev/null 2>&1 || fail "needs gpg"
		curl -fsS -m 60 -o "$dir/ubuntu-keyring.deb" "$ubuntu_keyring_deb" 2>/dev/null \
			|| not_run "could not download Ubuntu's keyring package"
		dpkg -x "$dir/ubuntu-keyring.deb" "$dir/keyring" || fail "could not unpack Ubuntu's keyring package"
		mkdir -m 700 "$dir/gnupg"
		GNUPGHOME="$dir/gnupg" gpg -q --batch --import "$dir/keyring/usr/share/keyrings/ubuntu-archive-keyring.gpg" 2>/dev/null
		GNUPGHOME="$dir/gnupg" gpg -q --batch --export "$ubuntu_key" >"$dir/ubuntu-archive-key.gpg" 2>/dev/null
		[ -s "$dir/ubuntu-archive-key.gpg" ] || fail "Ubuntu's keyring does not hold the pinned archive key $ubuntu_key"
		for s in "$suite" "$suite-updates"; do
			echo "deb [arch=amd64 signed-by=$dir/ubuntu-archive-key.gpg] http://archive.ubuntu.com/ubuntu $s main universe"
		done >"$dir/apt/sources.list"
	fi
	apt="-o Dir::Etc::sourcelist=$dir/apt/sources.list -o Dir::Etc::sourceparts=/nonexistent -o Dir::State::Lists=$dir/apt/lists -o Dir::Cache=$dir/apt/cache"
	# shellcheck disable=SC2086
	(cd "$dir/debs" && apt-get $apt update >"$dir/apt.log" 2>&1)
	rc=$?
	# A signature that does not verify is a failure, never a "not run".
	if grep -qE 'NO_PUBKEY|BADSIG|EXPKEYSIG|is not signed|signatures were invalid|could not be verified|couldn.t be verified' "$dir/apt.log"; then
		tail -n 5 "$dir/apt.log"
		fail "the package lists' signature did not verify"
	fi
	[ "$rc" -eq 0 ] || { tail -n 3 "$dir/apt.log"; not_run "could not read the package lists"; }
	libc=; [ "$own_libc" = 1 ] && libc=libc6
	# shellcheck disable=SC2086
	(cd "$dir/debs" && apt-get $apt download "php$ver-cli" "php$ver-common" "php$ver-dev" $libc >>"$dir/apt.log" 2>&1) \
		|| { tail -n 3 "$dir/apt.log"; not_run "could not download the php$ver packages"; }
	for d in "$dir"/debs/*.deb; do dpkg -x "$d" "$dir/root" || fail "could not unpack $d"; done
	r="$dir/root/usr"
	api=$(basename "$(ls -d "$r"/include/php/2* | head -n 1)")
	cp "$r/bin/php$ver" "$prefix/bin/php"
	if [ "$own_libc" = 1 ]; then
		multiarch=$(gcc -print-multiarch)
		libs="$r/lib/$multiarch"
		interp="$libs/$(basename "$(patchelf --print-interpreter "$r/bin/php$ver")")"
		[ -x "$interp" ] || fail "no dynamic loader in the packaged libc6 ($interp)"
		patchelf --set-interpreter "$interp" --set-rpath "$libs:/usr/lib/$multiarch" "$prefix/bin/php" \
			|| fail "patchelf failed"
	fi
	# php-config and phpize for this layout: headers and build files under $r,
	# libtool's files from this machine (as Debian's phpize takes them).
	sed -e "s|^prefix=\"/usr\"|prefix=\"$r\"|" -e "s|^php_binary=.*|php_binary=\"$prefix/bin/php\"|" \
		"$r/bin/php-config$ver" >"$prefix/bin/php-config"
	sed -e "s|^prefix='/usr'|prefix='$r'|" -e "s|^aclocaldir=.*|aclocaldir=/usr/share/aclocal|" -e "s|php-config$ver|php-config|g" \
		"$r/bin/phpize$ver" >"$prefix/bin/phpize"
	chmod +x "$prefix/bin/php-config" "$prefix/bin/phpize"
	[ -d "$r/lib/php/$api/build" ] || fail "no phpize build files for API $api"
fi
runs || fail "the unpacked PHP does not run"
sh "$top/scripts/test-with-php.sh" "$prefix" "$label"
