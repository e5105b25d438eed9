#!/bin/sh
# The module's only exported symbol is get_module(): every other one is hidden
# (config.m4: -fvisibility=hidden), so that none of the core's ss_* names can
# clash with another library's and calls between them stay direct.
# Prints "exports: N passed, N failed". Needs nm (binutils) and a built module.
set -u
cd "$(dirname "$0")/.."
so=${1:-modules/shop_setup.so}
command -v nm >/dev/null 2>&1 || { echo "exports: nm not found"; echo "exports: 0 passed, 1 failed"; exit 1; }
syms=$(nm -D --defined-only "$so" | awk 'NF == 3 {print $3}' | sort | tr '\n' ' ')
if [ "$syms" = "get_module " ]; then
	echo "exports: 1 passed, 0 failed"
else
	echo "exports: $so exports more than get_module: $syms"
	echo "exports: 0 passed, 1 failed"
	exit 1
fi
