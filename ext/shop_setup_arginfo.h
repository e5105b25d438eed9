/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 6ff92e74d6cade8923a72ad360fd57f8e6d46440 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_parse_params, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, params, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_FUNCTION(shop_setup_parse_params);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(shop_setup_parse_params, arginfo_shop_setup_parse_params)
	ZEND_FE_END
};
