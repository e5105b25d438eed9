#!/bin/sh
# Builds shop_setup and runs the main job on the bundled example: a local_shop
# order for one course session, planned in two phases with bundled facts.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
sh scripts/build.sh
if [ -f examples/session/demo.php ]; then
	exec php -n -d extension="$PWD/modules/shop_setup.so" examples/session/demo.php "$@"
fi
exec php -n -d extension="$PWD/modules/shop_setup.so" examples/params/demo.php "$@"
