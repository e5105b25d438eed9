# re2c lexers of the Zend-free core, as php-src's ext/json builds json_scanner.re.
$(srcdir)/ext/core/%.c: $(srcdir)/ext/core/%.re
	@(cd $(srcdir) && $(RE2C) $(RE2C_FLAGS) --no-generation-date -W -Werror -o ext/core/$*.c ext/core/$*.re)
