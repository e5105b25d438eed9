/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: a737fc0494d4593f422c81c82104fc5695e372fc */

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

	zend_add_parameter_attribute(zend_hash_str_find_ptr(CG(function_table), "shop_setup_remote_lookup", sizeof("shop_setup_remote_lookup") - 1), 2, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(CG(function_table), "shop_setup_remote_apply", sizeof("shop_setup_remote_apply") - 1), 2, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);
}
