/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 081edd6b91743403a2856206c8cd7a064e48e0c9 */

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

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_email_normalize, 0, 1, IS_STRING, 1)
	ZEND_ARG_TYPE_INFO(0, email, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_email_check, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, email, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, policy, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_emails_normalize, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, emails, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_emails_check, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, emails, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, policy, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_email_equals, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, a, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, b, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shop_setup_session, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, order, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, facts, IS_ARRAY, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
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
ZEND_FUNCTION(shop_setup_build_params);
ZEND_FUNCTION(shop_setup_check_params);
ZEND_FUNCTION(shop_setup_enrol_window);
ZEND_FUNCTION(shop_setup_email_normalize);
ZEND_FUNCTION(shop_setup_email_check);
ZEND_FUNCTION(shop_setup_emails_normalize);
ZEND_FUNCTION(shop_setup_emails_check);
ZEND_FUNCTION(shop_setup_email_equals);
ZEND_FUNCTION(shop_setup_session);
ZEND_FUNCTION(shop_setup_remote_lookup);
ZEND_FUNCTION(shop_setup_remote_apply);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(shop_setup_parse_params, arginfo_shop_setup_parse_params)
	ZEND_FE(shop_setup_build_params, arginfo_shop_setup_build_params)
	ZEND_FE(shop_setup_check_params, arginfo_shop_setup_check_params)
	ZEND_FE(shop_setup_enrol_window, arginfo_shop_setup_enrol_window)
	ZEND_FE(shop_setup_email_normalize, arginfo_shop_setup_email_normalize)
	ZEND_FE(shop_setup_email_check, arginfo_shop_setup_email_check)
	ZEND_FE(shop_setup_emails_normalize, arginfo_shop_setup_emails_normalize)
	ZEND_FE(shop_setup_emails_check, arginfo_shop_setup_emails_check)
	ZEND_FE(shop_setup_email_equals, arginfo_shop_setup_email_equals)
	ZEND_FE(shop_setup_session, arginfo_shop_setup_session)
	ZEND_FE(shop_setup_remote_lookup, arginfo_shop_setup_remote_lookup)
	ZEND_FE(shop_setup_remote_apply, arginfo_shop_setup_remote_apply)
	ZEND_FE_END
};

static void register_shop_setup_symbols(int module_number)
{
	REGISTER_LONG_CONSTANT("SHOP_SETUP_OP_CREATE_USER", SHOP_SETUP_F_CREATE_USER, CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("SHOP_SETUP_OP_ENROL", SHOP_SETUP_F_ENROL, CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("SHOP_SETUP_OP_ASSIGN_ROLE", SHOP_SETUP_F_ASSIGN_ROLE, CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("SHOP_SETUP_OP_ADD_MEMBER", SHOP_SETUP_F_ADD_MEMBER, CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("SHOP_SETUP_OP_ASSIGN_OPERATOR_ROLE", SHOP_SETUP_F_ASSIGN_OPERATOR_ROLE, CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("SHOP_SETUP_OP_ASSIGN_MIRROR_ROLE", SHOP_SETUP_F_ASSIGN_MIRROR_ROLE, CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("SHOP_SETUP_OP_CREATE_PRODUCT", SHOP_SETUP_F_CREATE_PRODUCT, CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("SHOP_SETUP_REUSE", SHOP_SETUP_F_REUSE, CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("SHOP_SETUP_CREATE", SHOP_SETUP_F_CREATE, CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("SHOP_SETUP_ATTACH", SHOP_SETUP_F_ATTACH, CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("SHOP_SETUP_ERROR", SHOP_SETUP_F_ERROR, CONST_PERSISTENT);


	zend_add_parameter_attribute(zend_hash_str_find_ptr(CG(function_table), "shop_setup_remote_lookup", sizeof("shop_setup_remote_lookup") - 1), 2, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(CG(function_table), "shop_setup_remote_apply", sizeof("shop_setup_remote_apply") - 1), 2, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);
}
