--TEST--
shop_setup_email_check(): domain policy equals Moodle's email_is_not_allowed() on random lists
--EXTENSIONS--
shop_setup
filter
--FILE--
<?php
// shop_setup's domain policy against Moodle's email_is_not_allowed() (lib/moodlelib.php,
// Moodle 4.5), re-typed here with $CFG passed in, over random lists and addresses.
function moodle_email_is_not_allowed(string $email, ?string $allowemailaddresses, ?string $denyemailaddresses) {
    $email = strtolower($email);
    if (!empty($allowemailaddresses)) {
        $allowed = explode(' ', strtolower($allowemailaddresses));
        foreach ($allowed as $allowedpattern) {
            $allowedpattern = trim($allowedpattern);
            if (!$allowedpattern) {
                continue;
            }
            if (strpos($allowedpattern, '.') === 0) {
                if (strpos(strrev($email), strrev($allowedpattern)) === 0) {
                    return false;
                }
            } else if (strpos(strrev($email), strrev('@' . $allowedpattern)) === 0) {
                return false;
            }
        }
        return 'emailonlyallowed';
    } else if (!empty($denyemailaddresses)) {
        $denied = explode(' ', strtolower($denyemailaddresses));
        foreach ($denied as $deniedpattern) {
            $deniedpattern = trim($deniedpattern);
            if (!$deniedpattern) {
                continue;
            }
            if (strpos($deniedpattern, '.') === 0) {
                if (strpos(strrev($email), strrev($deniedpattern)) === 0) {
                    return 'emailnotallowed';
                }
            } else if (strpos(strrev($email), strrev('@' . $deniedpattern)) === 0) {
                return 'emailnotallowed';
            }
        }
    }
    return false;
}
mt_srand(4242);
$doms = ['exemple.fr', 'Exemple.FR', 'mail.exemple.fr', 'univ-lyon.fr', 'etu.univ-lyon.fr', 'gmail.com', 'x.ru', 'yandex.RU', 'lyon.fr'];
$pat = fn () => [
    'exemple.fr', '.exemple.fr', 'EXEMPLE.fr', '.fr', 'fr', '.ru', 'univ-lyon.fr', '.univ-lyon.fr', '0', '', ' ',
    "\texemple.fr", "exemple.fr\t", 'lyon.fr', '@exemple.fr', 'mail.exemple.fr', 'gmail.com', "\0", "exemple.fr\0",
][mt_rand(0, 18)];
$list = function () use ($pat) {
    if (mt_rand(0, 4) === 0) return mt_rand(0, 1) ? null : ['', '0', ' '][mt_rand(0, 2)];
    $n = mt_rand(1, 4);
    $a = [];
    for ($i = 0; $i < $n; $i++) $a[] = $pat();
    return implode(str_repeat(' ', mt_rand(1, 2)), $a);
};
$bad = 0;
$n = getenv('USE_ZEND_ALLOC') === '0' ? 2000 : 50000;
$verdicts = [];
for ($i = 0; $i < $n; $i++) {
    $email = ['jean', 'J.Dupont', 'x+tag'][mt_rand(0, 2)] . '@' . $doms[mt_rand(0, count($doms) - 1)];
    $allow = $list();
    $deny = $list();
    $m = moodle_email_is_not_allowed($email, $allow, $deny);
    $want = $m === false ? null : ($m === 'emailonlyallowed' ? 'domain_not_allowed' : 'domain_denied');
    $r = shop_setup_email_check($email, ['allowemailaddresses' => $allow, 'denyemailaddresses' => $deny]);
    $got = $r['code'];
    if ($r['normalized'] === null) { $got = 'invalid'; }
    $verdicts[$want ?? 'ok'] = true;
    if ($got !== $want && $bad++ < 10) {
        echo 'DISAGREE ', json_encode([$email, $allow, $deny]), " moodle=", json_encode($want), " got=", json_encode($got), "\n";
    }
}
ksort($verdicts);
echo $bad === 0 ? 'no disagreement' : "$bad disagreements", ', verdicts seen: ', implode(' ', array_keys($verdicts)), "\n";
?>
--EXPECT--
no disagreement, verdicts seen: domain_denied domain_not_allowed ok
