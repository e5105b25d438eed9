--TEST--
Email differential (ip_literal): shop_setup's verdict equals Moodle's validate_email() on IPv4 and IPv6 address literals
--EXTENSIONS--
shop_setup
filter
--FILE--
<?php
require __DIR__ . '/email_differential.inc';
mt_srand(diff_seed(4404));
$n = diff_count(40000);
$in = [];
for ($i = 0; $i < $n; $i++) {
    $s = (r(0, 5) ? rand_atom() : rand_quoted()) . "@" . (r(0, 1) ? rand_ip_literal() : rand_ipv6_structured());
    $in[] = r(0, 5) ? $s : mutate($s);
}
exit(diff_run('ip_literal', $in) === 0 ? 0 : 1);
?>
--EXPECT--
ip_literal: no disagreement, both verdicts
