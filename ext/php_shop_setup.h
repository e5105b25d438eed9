/* shop_setup: PHP binding layer, shared declarations. */
#ifndef PHP_SHOP_SETUP_H
#define PHP_SHOP_SETUP_H

extern zend_module_entry shop_setup_module_entry;
#define phpext_shop_setup_ptr &shop_setup_module_entry

#define PHP_SHOP_SETUP_VERSION "0.1.0"

#if defined(ZTS) && defined(COMPILE_DL_SHOP_SETUP)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif
