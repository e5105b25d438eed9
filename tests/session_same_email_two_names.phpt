--TEST--
shop_setup_session(): one address typed twice under two names (student and tutor) is one person, and no heap overflow (found by fuzz/session_fuzz.php under ASan)
--EXTENSIONS--
shop_setup
--FILE--
<?php
// Phase 1 sized the candidate username list by distinct match keys, but each
// participant yields its own base (names differ): writing past the list
// corrupted the heap ("zend_mm_heap corrupted"; ASan: heap-buffer-overflow).
$order = ['transactionid' => 'TX1', 'quantity' => 10, 'operator' => 42, 'now' => 1767225600,
    'handlerparams' => 'coursename=FORM-01&requiredroles=student,teacher',
    'users' => [
        'student' => ['a@x.example' => ['firstname' => 'Jean', 'lastname' => 'Dupont', 'email' => 'a@x.example'],
                      'b@x.example' => ['firstname' => 'Zoë', 'lastname' => 'Li', 'email' => 'b@x.example']],
        'teacher' => ['A@X.EXAMPLE' => ['firstname' => 'Anne', 'lastname' => 'Martin', 'email' => 'A@X.EXAMPLE'],
                      ' b@x.example' => ['firstname' => 'Bob', 'lastname' => 'Smith']],
    ]];
for ($i = 0; $i < 50; $i++) {
    $r = shop_setup_session($order);
}
echo implode(',', $r['lookups']['emails']), "\n";
echo count($r['lookups']['usernames']), " candidate usernames\n";
?>
--EXPECT--
a@x.example,b@x.example
4 candidate usernames
