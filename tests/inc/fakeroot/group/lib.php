<?php // Test double: groups_*() are defined by tests/inc/moodle_fake.php.
