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

  dnl get_module() is the module's only interface (ZEND_GET_MODULE exports it).
  dnl With every other symbol hidden, the calls between the binding and the
  dnl core are direct, not through the PLT, and the compiler may inline them.
  SHOP_SETUP_CFLAGS="-DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -I@ext_srcdir@/ext -I@ext_srcdir@/ext/core"
  AX_CHECK_COMPILE_FLAG([-fvisibility=hidden], [SHOP_SETUP_CFLAGS="$SHOP_SETUP_CFLAGS -fvisibility=hidden"])

  PHP_NEW_EXTENSION(shop_setup, $SHOP_SETUP_CORE $SHOP_SETUP_PHP, $ext_shared,, $SHOP_SETUP_CFLAGS)

  dnl re2c turns ext/core/*.re into C (see Makefile.frag). The generated C is
  dnl not committed: a git clone needs re2c; a PECL tarball ships the C and
  dnl builds without it. Not PHP_PROG_RE2C: outside php-src's tree it stops
  dnl configure whenever re2c is missing, tarball or not. After
  dnl PHP_NEW_EXTENSION, which sets ext_srcdir.
  AC_CHECK_PROG([RE2C], [re2c], [re2c])
  SHOP_SETUP_RE2C_VERSION=
  if test -n "$RE2C"; then
    AC_MSG_CHECKING([for re2c version])
    SHOP_SETUP_RE2C_VERSION=$($RE2C --version 2>/dev/null | cut -d ' ' -f 2)
    AS_VERSION_COMPARE([$SHOP_SETUP_RE2C_VERSION], [1.0.3],
      [AC_MSG_RESULT([$SHOP_SETUP_RE2C_VERSION (too old)]); RE2C=],
      [AC_MSG_RESULT([$SHOP_SETUP_RE2C_VERSION (ok)])],
      [AC_MSG_RESULT([$SHOP_SETUP_RE2C_VERSION (ok)])])
  fi
  if test -z "$RE2C"; then
    for shop_setup_re in "$ext_srcdir"/ext/core/*.re; do
      if test ! -f "${shop_setup_re%.re}.c"; then
        AC_MSG_ERROR([re2c 1.0.3 or later is required to build shop_setup from a git clone (apt-get install re2c)])
      fi
    done
    dnl The shipped C names the re2c that made it on its first line.
    SHOP_SETUP_RE2C_VERSION=$(head -n 1 "$ext_srcdir/ext/core/ss_params.c" | cut -d ' ' -f 5)
    AC_MSG_NOTICE([no usable re2c: building the lexers from the C shipped with this source (made by re2c ${SHOP_SETUP_RE2C_VERSION:-unknown})])
    RE2C="exit 0;"
  fi
  PHP_SUBST([RE2C])
  AC_DEFINE_UNQUOTED([SHOP_SETUP_RE2C_VERSION], ["${SHOP_SETUP_RE2C_VERSION:-unknown}"], [re2c version used])

  PHP_ADD_BUILD_DIR($ext_builddir/ext)
  PHP_ADD_BUILD_DIR($ext_builddir/ext/core)
  PHP_SUBST(SHOP_SETUP_SHARED_LIBADD)
  PHP_ADD_MAKEFILE_FRAGMENT
fi
