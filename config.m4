dnl config.m4 for extension shop_setup
PHP_ARG_ENABLE([shop-setup],
  [whether to enable shop_setup support],
  [AS_HELP_STRING([--enable-shop-setup], [Enable shop_setup (local_shop session setup primitives)])],
  [no])

PHP_ARG_WITH([shop-setup-curl],
  [whether shop_setup uses libcurl for remote provisioning],
  [AS_HELP_STRING([--without-shop-setup-curl], [Build shop_setup without libcurl (no remote provisioning)])],
  [yes], [no])

if test "$PHP_SHOP_SETUP" != "no"; then
  dnl re2c turns ext/core/*.re into C (see Makefile.frag). The generated C is
  dnl not committed; a clean clone needs re2c, a PECL tarball ships the C.
  PHP_PROG_RE2C([1.0.3])
  if test -z "$RE2C" || test "$RE2C" = "exit 0;"; then
    if test ! -f "$ext_srcdir/ext/core/ss_params.c"; then
      AC_MSG_ERROR([re2c is required to build shop_setup from a git clone (apt-get install re2c)])
    fi
  fi
  SHOP_SETUP_RE2C_VERSION=$($RE2C --version 2>/dev/null | cut -d ' ' -f 2)
  AC_DEFINE_UNQUOTED([SHOP_SETUP_RE2C_VERSION], ["${SHOP_SETUP_RE2C_VERSION:-unknown}"], [re2c version used])

  if test "$PHP_SHOP_SETUP_CURL" != "no"; then
    PKG_CHECK_MODULES([CURL], [libcurl >= 7.61.0])
    PHP_EVAL_LIBLINE($CURL_LIBS, SHOP_SETUP_SHARED_LIBADD)
    PHP_EVAL_INCLINE($CURL_CFLAGS)
    AC_DEFINE([SHOP_SETUP_HAVE_CURL], 1, [libcurl available for remote provisioning])
  fi

  dnl Zend-free core: builds alone (see ext/core/Makefile) and is linked here.
  dnl One line per area, so that areas are added without touching each other.
  SHOP_SETUP_CORE="ext/core/ss_util.c"
  SHOP_SETUP_PHP="ext/shop_setup.c"
  dnl area: handler parameters
  SHOP_SETUP_CORE="$SHOP_SETUP_CORE ext/core/ss_params.c"
  SHOP_SETUP_PHP="$SHOP_SETUP_PHP ext/php_params.c"
  SHOP_SETUP_CORE="$SHOP_SETUP_CORE ext/core/ss_window.c ext/core/ss_handlerparams.c"
  dnl area: email
  SHOP_SETUP_CORE="$SHOP_SETUP_CORE ext/core/ss_email.c"
  SHOP_SETUP_PHP="$SHOP_SETUP_PHP ext/php_email.c"
  dnl area: session planner
  SHOP_SETUP_CORE="$SHOP_SETUP_CORE ext/core/ss_hash.c ext/core/ss_username.c ext/core/ss_planner.c"
  SHOP_SETUP_PHP="$SHOP_SETUP_PHP ext/php_session.c"
  dnl area: remote provisioning
  SHOP_SETUP_CORE="$SHOP_SETUP_CORE ext/core/ss_remote.c"
  SHOP_SETUP_PHP="$SHOP_SETUP_PHP ext/php_remote.c"

  PHP_NEW_EXTENSION(shop_setup, $SHOP_SETUP_CORE $SHOP_SETUP_PHP, $ext_shared,, -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -I@ext_srcdir@/ext -I@ext_srcdir@/ext/core)
  PHP_ADD_BUILD_DIR($ext_builddir/ext)
  PHP_ADD_BUILD_DIR($ext_builddir/ext/core)
  PHP_SUBST(SHOP_SETUP_SHARED_LIBADD)
  PHP_ADD_MAKEFILE_FRAGMENT
fi
