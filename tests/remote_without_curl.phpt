--TEST--
shop_setup_remote_*() in a build without libcurl (--without-shop-setup-curl): the functions exist and throw a clear RuntimeException
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php
ob_start();
phpinfo(INFO_MODULES);
if (!preg_match('/libcurl version => disabled/', ob_get_clean())) die('skip built with libcurl');
?>
--FILE--
<?php
foreach (['shop_setup_remote_lookup', 'shop_setup_remote_apply'] as $fn) {
	try {
		$fn([], 'https://moodle.example.org', 'token');
	} catch (RuntimeException $e) {
		echo $e->getMessage(), "\n";
	}
}
?>
--EXPECT--
shop_setup_remote_lookup(): shop_setup was built without libcurl (--without-shop-setup-curl): remote provisioning is not available
shop_setup_remote_apply(): shop_setup was built without libcurl (--without-shop-setup-curl): remote provisioning is not available
