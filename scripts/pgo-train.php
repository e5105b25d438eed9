<?php
/*
 * The training run of a profile-guided build (scripts/pgo.sh): the volume
 * part, after the PHPT suite has run every function on its edge cases. It
 * plans orders the way a training organisation's would look, generated here
 * and nowhere else (not bench/session.php's scenario, so that the benchmark
 * does not measure the orders the profile was taken on): European names with
 * accents, apostrophes and spaces; addresses typed in any case, some with
 * spaces around, a few invalid or given twice; tutors and a supervisor;
 * about half the people known to the site (some ambiguous, suspended or
 * nologin), some enrolled, attached or in the group already; half the
 * sessions re-run with products recorded. Both phases, both formats, the
 * facts as arrays of ints and as Moodle's records; then the other
 * functions on a mix of inputs.
 *
 *   php -n -d extension=.../shop_setup.so -d memory_limit=-1 scripts/pgo-train.php
 */
mt_srand(20261127);

const FIRST = ['Zoé', 'François', 'Anne-Sophie', 'Jérôme', 'Maëlle', 'Łukasz', 'Søren', 'José', 'Chloé', 'Noah',
    'Inès', 'Björn', 'Ana María', 'Grégoire', 'Léa', 'Mathis', 'Agnès', 'Dorothée', 'Hélène', 'Jean-Luc',
    'Olga', 'Paulo', 'Renée', 'Siobhán', 'Tomás', 'Ursula', 'Victor', 'Wiktoria', 'Yannick', 'Émile'];
const LAST = ['Müller', "O'Brien", 'Dvořák', 'van der Berg', 'Çelik', 'Nguyen', 'Lefèvre', 'García Márquez',
    'Øster', 'Kowalski', 'Dupré', 'Schäfer', 'Martin', 'Bernard', "D'Angelo", 'Rossi', 'Fernández', 'Bäcker',
    'Leroy', 'Moreau', 'Šimić', 'Fournier', 'Girard', 'Petit', 'Lambert', 'Bonnet', 'Roux', 'Blanc', 'Ström', 'Ng'];
const DOMAINS = ['acme.fr', 'formation.example.org', 'client-industries.com', 'hopital.example.fr', 'univ.example.eu',
    'mail.example.net', 'cabinet-conseil.fr', 'mairie.example.fr'];

function ascii(string $s): string
{
    return strtolower(preg_replace('/[^A-Za-z0-9]+/', '', strtr($s, ['é' => 'e', 'è' => 'e', 'ë' => 'e', 'ç' => 'c',
        'ö' => 'o', 'ü' => 'u', 'ä' => 'a', 'ø' => 'o', 'Ø' => 'o', 'ł' => 'l', 'Ł' => 'l', 'ř' => 'r', 'ó' => 'o',
        'á' => 'a', 'í' => 'i', 'ô' => 'o', 'É' => 'e', 'Ç' => 'c', 'Š' => 's', 'ć' => 'c', 'ñ' => 'n'])));
}

/** [order, facts] of a session of $n participants ($clean: no entry a sales admin must fix). */
function session(int $n, bool $rerun, bool $clean): array
{
    $order = ['transactionid' => sprintf('TX%08X', mt_rand()), 'quantity' => 0,
        'operator' => 77, 'now' => 1767225600 + mt_rand(0, 86400 * 30),
        'handlerparams' => 'coursename=SESSION-' . mt_rand(1, 9) . '&requiredroles=student,teacher'
            . (mt_rand(0, 1) ? '&customersupport=SUPPORT' : '') . '&attachexisting=' . ['owned', 'never', 'always'][mt_rand(0, 2)]
            . (mt_rand(0, 1) ? '&starttime=' . (1767225600 + 86400 * mt_rand(1, 30)) . '&endtime=%2B' . mt_rand(31, 120) . 'D' : ''),
        'users' => []];
    $facts = ['course' => ['id' => 30, 'startdate' => 0], 'supportcourse' => ['id' => 31],
        'roles' => ['student' => 5, 'teacher' => 3, 'editingteacher' => 4], 'users' => [], 'usernames' => [],
        'privileged' => [2], 'enrolments' => [], 'group' => null, 'roleassignments' => [], 'products' => []];
    $members = [];
    $uid = 2000 + mt_rand(0, 1000);
    for ($i = 0; $i < $n; $i++) {
        $f = FIRST[mt_rand(0, count(FIRST) - 1)];
        $l = LAST[mt_rand(0, count(LAST) - 1)];
        $email = ascii($f) . '.' . ascii($l) . $i . '@' . DOMAINS[mt_rand(0, count(DOMAINS) - 1)];
        $r = mt_rand(0, 99);
        $typed = $r < 8 ? strtoupper($email) : ($r < 10 ? " $email " : ($r === 10 && !$clean ? str_replace('@', '', $email) : $email));
        $role = $i === 0 ? '_supervisor' : (mt_rand(0, 9) === 0 ? 'teacher' : 'student');
        $p = ['firstname' => $f, 'lastname' => $l, 'email' => $typed];
        if (mt_rand(0, 2) === 0) $p['city'] = 'Lyon';
        if (mt_rand(0, 3) === 0) $p['institution'] = 'ACME';
        $order['users'][$role][$typed] = mt_rand(0, 4) === 0 ? (object) $p : $p;
        if ($i % 97 === 5 && !$clean) {
            $order['users']['student'][ucfirst($email)] = $p;   // the same person twice
        }
        if (mt_rand(0, 99) < 45) {
            $id = $uid++;
            $k = $clean ? 99 : mt_rand(0, 99);
            $facts['users'][] = ['id' => $id, 'email' => mt_rand(0, 1) ? ucfirst($email) : $email,
                'username' => ascii($f) . '.' . ascii($l) . ($i > 60 ? $i : ''), 'auth' => $k === 1 ? 'nologin' : 'manual',
                'suspended' => (int) ($k === 2), 'deleted' => (int) ($k === 3)];
            if ($k === 4) {
                $facts['users'][] = ['id' => $uid++, 'email' => $email, 'username' => 'other' . $id, 'auth' => 'manual',
                    'suspended' => 0, 'deleted' => 0];
            }
            if (mt_rand(0, 2) === 0) {
                $facts['enrolments'][] = ['courseid' => 30, 'userid' => $id, 'status' => (int) (!$clean && mt_rand(0, 30) === 0),
                    'timestart' => 0, 'timeend' => !$clean && mt_rand(0, 20) === 0 ? 1700000000 : 0, 'roles' => [mt_rand(0, 1) ? 5 : 3]];
                $members[] = $id;
            }
            if (mt_rand(0, 4) === 0) $facts['roleassignments'][] = ['roleid' => 3, 'userid' => 77, 'contextuserid' => $id];
            if (mt_rand(0, 4) === 0) $facts['roleassignments'][] = ['roleid' => 5, 'userid' => $id, 'contextuserid' => 77];
            if (mt_rand(0, 200) === 0) $facts['privileged'][] = $id;
        } elseif (mt_rand(0, 3) === 0) {
            $facts['usernames'][] = ascii($f) . '.' . ascii($l) . ($i > 60 ? $i : '');
        }
    }
    $order['quantity'] = array_sum(array_map('count', $order['users'])) + mt_rand(0, 3);
    if ($rerun) {
        $facts['group'] = ['id' => 900, 'members' => $members];
        $plan = shop_setup_session($order, $facts, ['format' => 'columns', 'partial' => true]);
        foreach ($plan['participants']['reference'] as $k => $ref) {
            if ($ref !== '' && $k % 3) $facts['products'][] = $ref;
        }
    }
    return [$order, $facts];
}

/** Moodle's records: stdClass rows, integers as strings. */
function records(array $facts): array
{
    $row = function (array $r): object {
        foreach ($r as $k => $v) $r[$k] = is_array($v) ? array_map('strval', $v) : (is_int($v) ? (string) $v : $v);
        return (object) $r;
    };
    foreach (['users', 'enrolments', 'roleassignments'] as $k) $facts[$k] = array_map($row, $facts[$k]);
    return $facts;
}

$plans = 0;
foreach ([[40, 30], [800, 6], [6000, 3]] as [$n, $times]) {
    for ($t = 0; $t < $times; $t++) {
        [$order, $facts] = session($n, $t % 2 === 1, $t % 3 !== 2);
        $lookup = shop_setup_session($order);
        foreach ([[], ['format' => 'columns'], ['partial' => true], ['format' => 'columns', 'partial' => true]] as $opt) {
            shop_setup_session($order, $facts, $opt);
            shop_setup_session($order, records($facts), $opt);
            $plans += 2;
        }
        unset($lookup);
    }
}

// The other functions, on a mix of good and bad input.
$strings = ['coursename=FORM-01&requiredroles=student,teacher&starttime=+30D', 'a=1&b=%C3%A9t%C3%A9&c[]=x',
    'groupname=Session+du+12%2F01&duration=3M', '', '&&=x&y', "k=\xff", str_repeat('p=1&', 500)];
$emails = ['Jean.Dupont@Example.FR', ' zoe@acme.fr ', 'bad@', 'a@b', 'x"y"@example.org', 'élève@école.fr',
    'first.last+tag@sub.domain.example', str_repeat('a', 70) . '@example.com'];
for ($i = 0; $i < 300; $i++) {
    foreach ($strings as $s) {
        try {
            $p = shop_setup_parse_params($s);
            shop_setup_build_params($p);
            shop_setup_check_params($s);
            shop_setup_enrol_window($p, 1767225600, 1767000000, (bool) ($i & 1));
        } catch (\ValueError $e) {
        }
    }
    foreach ($emails as $e) {
        shop_setup_email_normalize($e);
        shop_setup_email_check($e);
        shop_setup_email_equals($e, strtoupper($e));
    }
    shop_setup_emails_normalize($emails);
    shop_setup_emails_check($emails);
}
echo "pgo training: $plans plans\n";
