--TEST--
Email differential (lengths): shop_setup's verdict equals Moodle's validate_email() on 64/254/320-byte limits, long labels, escapes and surrounding white space
--EXTENSIONS--
shop_setup
filter
--FILE--
<?php
require __DIR__ . '/email_differential.inc';
mt_srand(diff_seed(5505));
$n = diff_count(20000);
$in = [];
for ($i = 0; $i < $n; $i++) {
    switch (r(0, 4)) {
        case 0: // local part around 64 units, with or without escapes
            $m = r(58, 70);
            $local = r(0, 1) ? str_repeat("a", $m) : "\"" . str_repeat(r(0, 1) ? "\\\\a" : "b", $m - 2) . "\"";
            $s = $local . "@" . rand_domain();
            break;
        case 1: // labels around 63
            $s = rand_atom() . "@" . str_repeat("d", r(58, 68)) . "." . (r(0, 1) ? "fr" : str_repeat("t", r(60, 66)));
            break;
        case 2: // whole address around 254 and 320 units
            $target = r(0, 1) ? r(248, 262) : r(312, 328);
            $local = r(0, 2) ? str_repeat("l", r(1, 64)) : "\"" . str_repeat("\\\\x", r(1, 40)) . "\"";
            $dom = "";
            while (strlen($local) + 1 + strlen($dom) < $target - 4) {
                $dom .= str_repeat("m", r(1, 63)) . ".";
            }
            $s = $local . "@" . $dom . "fr";
            break;
        case 3: // long or huge, wrapped in white space
            $ws = str_repeat(pick([" ", "\t", "\u{A0}", "\u{3000}"]), r(0, 2000));
            $s = $ws . rand_valid_looking() . $ws;
            break;
        default: // edges: dots, at signs, empties
            $s = pick(["", ".", "@", "a@", "@b.fr", ".a@b.fr", "a.@b.fr", "a..b@c.fr", "a@b..fr", "a@.b.fr", "a@b.fr.",
                "a@b.-fr", "a@b-.fr", "a@b.f-r", "a@b", "a@1.2.3.4", "\"\"@b.fr", "\"a\"b@c.fr", "a@[]", "a@[1.2.3.4]"]);
            if (r(0, 1)) {
                $s = mutate($s);
            }
    }
    $in[] = $s;
}
exit(diff_run('lengths', $in) === 0 ? 0 : 1);
?>
--EXPECT--
lengths: no disagreement, both verdicts
