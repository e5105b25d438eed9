<?php // Test double: user_create_user() is defined by tests/inc/moodle_fake.php.
