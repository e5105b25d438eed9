/* shop_setup: PHP binding for the handler parameter string. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "zend_exceptions.h"
#include "shop_setup_binding.h"
#include "core/ss_params.h"

static int shop_setup_params_to_array(void *ctx, const ss_params_pair *pair)
{
	zval v;
	ZVAL_STRINGL(&v, pair->value, pair->value_len);
	/* Numeric-string keys become integer keys, as in every PHP array. */
	zend_symtable_str_update((HashTable *)ctx, pair->key, pair->key_len, &v);
	return 0;
}

/* Throws the ValueError for a parse failure of argument #argnum. */
static void shop_setup_params_throw(uint32_t argnum, const ss_params_error *err)
{
	smart_str msg = {0};

	smart_str_appends(&msg, ss_params_status_message(err->status));
	smart_str_appends(&msg, " at byte ");
	smart_str_append_unsigned(&msg, err->offset);
	if (err->status != SS_PARAMS_E_TOO_LONG) {
		smart_str_appends(&msg, err->in_value ? " in the value of key \"" : " in key \"");
		shop_setup_quote(&msg, err->key, err->key_len, 64);
		smart_str_appendc(&msg, '"');
	}
	smart_str_0(&msg);
	zend_argument_value_error(argnum, "%s", ZSTR_VAL(msg.s));
	smart_str_free(&msg);
}

PHP_FUNCTION(shop_setup_parse_params)
{
	zend_string *params;
	ss_params_error err;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(params)
	ZEND_PARSE_PARAMETERS_END();

	array_init(return_value);
	if (ss_params_parse(ZSTR_VAL(params), ZSTR_LEN(params), shop_setup_params_to_array, Z_ARRVAL_P(return_value), &err) != SS_PARAMS_OK) {
		zval_ptr_dtor(return_value);
		ZVAL_NULL(return_value);
		shop_setup_params_throw(1, &err);
		RETURN_THROWS();
	}
}
