#!/bin/sh
# Installs the Debian packages shop_setup needs to build and test, when missing.
# Runs as root on a fresh Debian machine (CI, a developer's box); otherwise uses sudo.
set -eu
pkgs="php-dev php-cli php-parser re2c libcurl4-openssl-dev pkg-config gcc make valgrind clang libclang-rt-dev llvm patchelf php-pear"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "installing:$missing" >&2
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >&2
