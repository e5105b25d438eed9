#!/bin/sh
# What `pecl install shop_setup-X.tgz` does on a machine without re2c: makes
# the PECL tarball (pecl package) from the tracked files plus the C that re2c
# generates, unpacks it in a temporary directory, builds it there with re2c
# out of PATH, and runs the PHPT suite the tarball ships. Then checks that a
# git clone without re2c stops at configure with a message naming re2c.
# Prints "pecl: N passed, N failed".
#   sh scripts/pecl-check.sh
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
fail() { echo "pecl: $*"; echo "pecl: 0 passed, 1 failed"; exit 1; }
command -v pecl >/dev/null 2>&1 || fail "needs pecl (php-pear; scripts/deps.sh installs it)"
command -v re2c >/dev/null 2>&1 || fail "needs re2c to make the tarball"
jobs=${SHOP_SETUP_JOBS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The tarball, from a copy of the tracked files with the lexers' C generated.
mkdir "$work/src" "$work/unpacked" "$work/clone" "$work/bin"
git ls-files -z | xargs -0 tar -cf - | tar -xf - -C "$work/src" || fail "could not copy the tree"
(cd "$work/src" && for r in ext/core/*.re; do re2c --no-generation-date -W -Werror -o "${r%.re}.c" "$r" || exit 1; done \
	&& pecl package package.xml >"$work/package.log" 2>&1) || { tail -n 5 "$work/package.log"; fail "pecl package failed"; }
tgz=$(ls "$work"/src/shop_setup-*.tgz 2>/dev/null | head -n 1)
[ -n "$tgz" ] || fail "pecl package made no tarball"
echo "$(basename "$tgz"): $(tar -tzf "$tgz" | wc -l) entries"
tar -xzf "$tgz" -C "$work/unpacked" || fail "could not unpack $tgz"
pkg=$(ls -d "$work"/unpacked/shop_setup-*/ | head -n 1)

# A PATH where every command of this one is found, except re2c.
for d in $(echo "$PATH" | tr ':' ' '); do
	[ -d "$d" ] || continue
	for b in "$d"/*; do
		n=$(basename "$b")
		[ "$n" = re2c ] || [ -e "$work/bin/$n" ] || ln -s "$b" "$work/bin/$n" 2>/dev/null
	done
done
PATH="$work/bin" command -v re2c >/dev/null 2>&1 && fail "could not hide re2c"

(cd "$pkg" && PATH="$work/bin" phpize >"$work/build.log" 2>&1 \
	&& PATH="$work/bin" ./configure --enable-shop-setup >>"$work/build.log" 2>&1 \
	&& PATH="$work/bin" make -j"$jobs" >>"$work/build.log" 2>&1) \
	|| { grep -E '\.[ch]:[0-9]+:[0-9]+: (fatal )?error:|^configure: error' "$work/build.log" | head -n 10; fail "the tarball did not build without re2c"; }
grep '^configure: no usable re2c' "$work/build.log"
[ -f "$pkg/modules/shop_setup.so" ] || fail "the tarball's build made no module"

log="$work/phpt.log"
(cd "$pkg" && NO_INTERACTION=1 REPORT_EXIT_STATUS=0 php run-tests.php -P -q -n -j"$jobs" \
	-d "extension=$pkg/modules/shop_setup.so" tests >"$log" 2>&1)
. "$top/scripts/phpt-tally.sh"
phpt_tally "$log" >"$work/tally"
grep -v '^SKIP ' "$work/tally"   # what failed; the skips are the tarball's by design
[ "$phpt_passed" -gt 0 ] || { cat "$work/tally"; fail "no test passed: the module did not load?"; }

# A git clone (no generated C) without re2c: a clear error at configure.
git ls-files -z | xargs -0 tar -cf - | tar -xf - -C "$work/clone"
(cd "$work/clone" && PATH="$work/bin" phpize >/dev/null 2>&1 && PATH="$work/bin" ./configure --enable-shop-setup >"$work/clone.log" 2>&1)
if grep -q '^configure: error: re2c .* is required to build shop_setup from a git clone' "$work/clone.log"; then
	clone_ok=1
else
	tail -n 3 "$work/clone.log"
	echo "pecl: a git clone without re2c did not stop with the re2c message"
	clone_ok=0
fi

echo "pecl: $((phpt_passed + clone_ok)) passed, $((phpt_bad + 1 - clone_ok)) failed (the tarball's suite: ${phpt_skipped:-0} skipped, as it ships no examples/ nor moodle/)"
[ "$phpt_bad" -eq 0 ] && [ "$clone_ok" -eq 1 ]
