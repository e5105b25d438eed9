--TEST--
shop_setup_remote_lookup(): role ids come from the options (no web service maps shortnames to ids); malformed lookups are named
--EXTENSIONS--
shop_setup
--FILE--
<?php
$try = function (callable $f) {
	try { $f(); echo "no error\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
};
$url = 'http://127.0.0.1:9';
$try(fn() => shop_setup_remote_lookup(['roles' => ['student', 'teacher']], $url, 'tok', ['roles' => ['student' => 5]]));
$try(fn() => shop_setup_remote_lookup(['roles' => ['student']], $url, 'tok', ['roles' => ['student' => '5']]));
$try(fn() => shop_setup_remote_lookup(['roles' => ['student']], $url, 'tok'));
$try(fn() => shop_setup_remote_lookup(['emails' => ['a@b.c', 42]], $url, 'tok'));
$try(fn() => shop_setup_remote_lookup(['emails' => "a@b.c"], $url, 'tok'));
$try(fn() => shop_setup_remote_lookup(['emails' => ["a\0@b.c"]], $url, 'tok'));
$try(fn() => shop_setup_remote_lookup(['usernames' => ["\xff"]], $url, 'tok'));
$try(fn() => shop_setup_remote_lookup(['course' => 12], $url, 'tok'));
$try(fn() => shop_setup_remote_lookup(['supportcourse' => 1.5], $url, 'tok'));
$try(fn() => shop_setup_remote_lookup(['operatorid' => '42'], $url, 'tok'));
?>
--EXPECT--
ValueError: shop_setup_remote_lookup(): Argument #4 ($options) option "roles" must map role "teacher" to its id (an int > 0): Moodle has no web service that maps role shortnames to ids
ValueError: shop_setup_remote_lookup(): Argument #4 ($options) option "roles" must map role "student" to its id (an int > 0): Moodle has no web service that maps role shortnames to ids
ValueError: shop_setup_remote_lookup(): Argument #4 ($options) option "roles" must map role "student" to its id (an int > 0): Moodle has no web service that maps role shortnames to ids
TypeError: shop_setup_remote_lookup(): $lookups['emails'][1] must be of type string, int given
TypeError: shop_setup_remote_lookup(): $lookups['emails'] must be of type array, string given
ValueError: shop_setup_remote_lookup(): $lookups['emails'][0] must be non-empty valid UTF-8 without NUL bytes, at most 1024 bytes
ValueError: shop_setup_remote_lookup(): $lookups['usernames'][0] must be non-empty valid UTF-8 without NUL bytes, at most 1024 bytes
TypeError: shop_setup_remote_lookup(): $lookups['course'] must be a non-empty string or null
TypeError: shop_setup_remote_lookup(): $lookups['supportcourse'] must be a non-empty string, an int or null
TypeError: shop_setup_remote_lookup(): $lookups['operatorid'] must be of type int, string given
