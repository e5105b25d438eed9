/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 0c6f94cb14bb7fb680bc8bab5a48f1c3c5b1124e */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_parse_params, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, params, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_session, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, order, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, facts, IS_ARRAY, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_FUNCTION(shop_setup_parse_params);
ZEND_FUNCTION(shop_setup_session);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(shop_setup_parse_params, arginfo_shop_setup_parse_params)
	ZEND_FE(shop_setup_session, arginfo_shop_setup_session)
	ZEND_FE_END
};
