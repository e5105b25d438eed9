--TEST--
shop_setup_email_check(): 64-unit local part, 63-byte labels, 254 in all, megabyte inputs
--EXTENSIONS--
shop_setup
filter
--FILE--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') ini_set('pcre.jit', '0'); // valgrind cannot follow JIT code
// filter_var's limits: 64 units before '@', 254 in all, labels of 63, and 320 bytes.
function show(string $what, string $email): void {
    $r = shop_setup_email_check($email);
    $moodle = filter_var(trim($email), FILTER_VALIDATE_EMAIL) !== false;
    printf("%-34s %7d %-4s %-22s %s\n", $what, strlen($email), $r['ok'] ? 'ok' : 'no', $r['code'] ?? '-', ($r['ok'] === $moodle) ? '' : 'DISAGREES WITH MOODLE');
}
function dom(int $n): string { // an n-byte domain: labels of 60 and a tail ending in ".fr"
    $s = '';
    while ($n - strlen($s) > 64) $s .= str_repeat('d', 60) . '.';
    return $s . str_repeat('e', $n - strlen($s) - 3) . '.fr';
}
show('local part of 64', str_repeat('a', 64) . '@exemple.fr');
show('local part of 65', str_repeat('a', 65) . '@exemple.fr');
show('quoted local part of 64 units', '"' . str_repeat('\\a', 64) . '"@exemple.fr'); // an escape pair is one unit
show('quoted local part of 65 units', '"' . str_repeat('\\a', 65) . '"@exemple.fr');
show('label of 63', 'jean@' . str_repeat('d', 63) . '.fr');
show('label of 64', 'jean@' . str_repeat('d', 64) . '.fr');
show('address of 254', 'jean@' . dom(249));
show('address of 255', 'jean@' . dom(250));
show('address of 255 with a long local', str_repeat('j', 64) . '@' . dom(190));
show('domain of 300', 'j@' . dom(300));
show('1 MiB of spaces around an address', str_repeat(' ', 1 << 19) . 'jean@exemple.fr' . str_repeat(' ', 1 << 19));
show('1 MiB address', str_repeat('a', 1 << 20) . '@exemple.fr');
show('1 MiB of no-break spaces only', str_repeat("\u{A0}", 1 << 19));
?>
--EXPECT--
local part of 64                        75 ok   -                      
local part of 65                        76 no   local_part_too_long    
quoted local part of 64 units          141 ok   -                      
quoted local part of 65 units          143 no   local_part_too_long    
label of 63                             71 ok   -                      
label of 64                             72 no   domain_label_too_long  
address of 254                         254 ok   -                      
address of 255                         255 no   too_long               
address of 255 with a long local       255 no   too_long               
domain of 300                          302 no   domain_too_long        
1 MiB of spaces around an address  1048591 ok   -                      
1 MiB address                      1048587 no   too_long               
1 MiB of no-break spaces only      1048576 no   empty                  
