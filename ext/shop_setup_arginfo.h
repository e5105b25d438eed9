/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: d77326181816e0f211ec39c8d51b6258b9b48470 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_parse_params, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, params, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_build_params, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, params, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_shop_setup_check_params arginfo_shop_setup_parse_params

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_enrol_window, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, params, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, now, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, coursestart, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, renewable, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()


ZEND_FUNCTION(shop_setup_parse_params);
ZEND_FUNCTION(shop_setup_build_params);
ZEND_FUNCTION(shop_setup_check_params);
ZEND_FUNCTION(shop_setup_enrol_window);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(shop_setup_parse_params, arginfo_shop_setup_parse_params)
	ZEND_FE(shop_setup_build_params, arginfo_shop_setup_build_params)
	ZEND_FE(shop_setup_check_params, arginfo_shop_setup_check_params)
	ZEND_FE(shop_setup_enrol_window, arginfo_shop_setup_enrol_window)
	ZEND_FE_END
};
