#!/bin/sh
# Builds modules/shop_setup.so in the source tree (phpize, configure, make).
# Reconfigures only when config.m4 changed since the last configure.
set -eu
cd "$(dirname "$0")/.."
if [ ! -f Makefile ] || [ config.m4 -nt Makefile ] || [ Makefile.frag -nt Makefile ]; then
	phpize >/dev/null
	./configure --enable-shop-setup ${SHOP_SETUP_CONFIGURE_FLAGS:-} >/dev/null
fi
make -s -j"$(nproc)" >/dev/null
test -f modules/shop_setup.so
