dnl The floor of bench/floor.php: an extension of its own, never installed.
PHP_ARG_ENABLE([shop-setup-floor], [whether to build the floor benchmark], [--enable-shop-setup-floor], no)
if test "$PHP_SHOP_SETUP_FLOOR" != "no"; then
  PHP_NEW_EXTENSION(shop_setup_floor, floor.c, $ext_shared)
fi
