#!/bin/sh
# Builds modules/shop_setup.so in the source tree (phpize, configure, make).
# Reconfigures only when config.m4 changed since the last configure.
set -eu
cd "$(dirname "$0")/.."
# PHP's Makefile.global regenerates *_arginfo.h when the stub looks newer, and
# would then try to download PHP-Parser. The header records its stub's hash:
# when that matches, the header is current whatever the file times say.
hash=$(sha1sum ext/shop_setup.stub.php | cut -d ' ' -f 1)
if grep -q "Stub hash: $hash" ext/shop_setup_arginfo.h; then
	touch ext/shop_setup_arginfo.h
else
	echo "ext/shop_setup_arginfo.h is stale: regenerating it with scripts/gen-arginfo.sh" >&2
	sh scripts/gen-arginfo.sh
fi
if [ ! -f Makefile ] || [ config.m4 -nt Makefile ] || [ Makefile.frag -nt Makefile ]; then
	# autoconf's own deprecation warnings are noise: show the log only on failure.
	log=$(mktemp)
	if ! { phpize && ./configure --enable-shop-setup ${SHOP_SETUP_CONFIGURE_FLAGS:-}; } >"$log" 2>&1; then
		cat "$log" >&2
		rm -f "$log"
		exit 1
	fi
	rm -f "$log"
fi
make -s -j"$(nproc)" >/dev/null
test -f modules/shop_setup.so
