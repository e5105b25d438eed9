--TEST--
shop_setup_session(): property: apply a plan, plan again, nothing left (random orders, half-applied states, fixed seeds)
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';

$firsts = ['Jean', 'Hélène', 'Łukasz', 'Søren', 'Anne Marie', "O'Neil", 'Zoë', 'Jürgen', 'Ana', 'Li'];
$lasts = ['Dupont', 'Groß', 'Đoković', 'Kierkegård', 'Martin', 'Lefèvre', 'Smith', 'Nguyễn'];
$checked = $ops = $halves = 0;
for ($seed = 1; $seed <= 60; $seed++) {
    mt_srand($seed);
    $m = SessionModel::standard();
    $n = mt_rand(1, 25);
    $users = [];
    $attach = ['never', 'owned', 'always'][mt_rand(0, 2)];
    for ($i = 0; $i < $n; $i++) {
        $email = "person$i.s$seed@example.org";
        $role = mt_rand(0, 3) ? 'student' : 'teacher';
        $first = $firsts[mt_rand(0, count($firsts) - 1)];
        $last = $lasts[mt_rand(0, count($lasts) - 1)];
        $typed = mt_rand(0, 3) ? $email : strtoupper($email);
        $users[$role][$typed] = [$first, $last];
        // Some already exist, in another case; some are enrolled, members, attached.
        if (mt_rand(0, 2) === 0) {
            $id = $m->addUser(ucfirst($email), "u{$seed}_$i");
            if (mt_rand(0, 4) === 0) $m->privileged[$id] = true;
            if (mt_rand(0, 1)) $m->enrol(10, $id, mt_rand(0, 1) ? 5 : 3);
            if (mt_rand(0, 2) === 0) $m->ras["3:42:$id"] = true;
        }
        // Some usernames are taken already.
        if (mt_rand(0, 3) === 0) $m->takenUsernames[strtolower(str_replace(' ', '-', "$first.$last"))] = true;
    }
    $params = "coursename=FORM-01&requiredroles=student,teacher&attachexisting=$attach"
        . (mt_rand(0, 1) ? '&customersupport=SUPPORT' : '') . (mt_rand(0, 1) ? '' : '&autoenrolsupervisor=0');
    $order = session_order($users, ['transactionid' => "TX$seed", 'quantity' => $n + mt_rand(0, 3)], $params);

    $before = $m->ras;
    $plan = session_plan($m, $order);
    if (!$plan['ok']) { echo "seed $seed: ", session_issues($plan); continue; }
    // Half-applied: a crash after k operations, then a retry, then a full apply.
    if (mt_rand(0, 1) && count($plan['operations']) > 1) {
        $m->apply($plan, mt_rand(1, count($plan['operations']) - 1));
        $plan = session_plan($m, $order);
        $halves++;
    }
    $ops += count($plan['operations']);
    $m->apply($plan);
    $again = session_plan($m, $order);
    if ($again['operations'] !== [] || !$again['ok']) {
        echo "seed $seed: not idempotent\n", session_ops($again);
    }
    // One account per person: no two live accounts share a match key.
    $keys = array_map(fn ($u) => strtolower($u['email']), $m->users);
    if (count($keys) !== count(array_unique($keys))) echo "seed $seed: duplicate accounts\n";
    // No delegation over a privileged account.
    foreach (array_diff_key($m->ras, $before) as $k => $_) {
        [, , $c] = explode(':', $k);
        if (isset($m->privileged[(int) $c])) echo "seed $seed: privileged account attached\n";
    }
    $checked++;
}
echo "checked $checked orders, ", $ops > 100 ? "many" : "few", " operations, ", $halves > 5 ? "several" : "few", " half-applied\n";
?>
--EXPECT--
checked 60 orders, many operations, several half-applied
