/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 4815a17aaa32c7eca45e9f061ae5b64d8e83ec5a */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_parse_params, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, params, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_remote_lookup, 0, 3, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, lookups, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, endpoint, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, token, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_remote_apply, 0, 3, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, plan, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, endpoint, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, token, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_FUNCTION(shop_setup_parse_params);
ZEND_FUNCTION(shop_setup_remote_lookup);
ZEND_FUNCTION(shop_setup_remote_apply);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(shop_setup_parse_params, arginfo_shop_setup_parse_params)
	ZEND_FE(shop_setup_remote_lookup, arginfo_shop_setup_remote_lookup)
	ZEND_FE(shop_setup_remote_apply, arginfo_shop_setup_remote_apply)
	ZEND_FE_END
};
