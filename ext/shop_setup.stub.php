<?php

/** @generate-function-entries */

/**
 * shop_setup: primitives for local_shop's std_setuponecoursesession handler.

 * This file drives the arginfo header (scripts/gen-arginfo.sh runs PHP's
 * gen_stub.php on it); the generated ext/shop_setup_arginfo.h is committed.

 */

/**
 * Decodes a local_shop handler parameter string ("key1=value1&key2=value2").

 * Keys and values are URL-decoded like urldecode() ('+' is a space, %XX a
 * byte). Raw white space around pairs is dropped, empty pairs are skipped, a
 * pair without '=' has the value "", and a repeated key keeps its last value.

 * @return array<string, string>
 * @throws ValueError on a malformed escape, a NUL byte, invalid UTF-8 after
 *         decoding or an empty key; the message names the key and byte offset.
 */
function shop_setup_parse_params(string $params): array {}
