--TEST--
shop_setup_email_check(): quoted local parts and IP literals, exactly as filter_var and Moodle's <> rule decide
--EXTENSIONS--
shop_setup
filter
--FILE--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') ini_set('pcre.jit', '0'); // valgrind cannot follow JIT code
// Moodle accepts what filter_var accepts: quoted local parts and address literals included.
$cases = [
    '"jean dupont"@exemple.fr',          // a space inside quotes is refused by filter_var
    '"jean.dupont"@exemple.fr',
    '"Jean@Dupont"@Exemple.FR',          // an '@' inside quotes: the last '@' separates
    '"jean\"dupont"@exemple.fr',         // escaped quote
    '"jean\\\\dupont"@exemple.fr',       // escaped backslash
    '""@exemple.fr',                     // empty quoted string
    '"a".b."c"@exemple.fr',              // dot-separated words, quoted or not
    '"a"b@exemple.fr',                   // a quoted word glued to an atom
    '"<jean>"@exemple.fr',               // filter_var yes, Moodle's '<>' rule no
    'jean@[192.168.0.1]',
    'jean@[256.1.1.1]',
    'jean@[01.2.3.4]',
    'jean@[IPv6:2001:db8::1]',
    'jean@[ipv6:2001:DB8::1]',           // the IPv6 tag is case-insensitive
    'jean@[IPv6:1:2:3:4:5:6:7:8]',
    'jean@[IPv6:1:2:3:4:5:6:7]',         // seven groups and no "::"
    'jean@[IPv6:1:2:3::4:5:6]',          // php-src allows at most six groups around "::"
    'jean@[IPv6:1:2:3::4:5:6:7]',
    'jean@[IPv6:::ffff:192.0.2.1]',
    'jean@[IPv6:1:2:3:4:5:6:192.0.2.1]',
    'jean@[IPv6:1:2::3:4:192.0.2.1]',    // at most four "hex:" before the quad in that form
    'jean@[IPv6:1:2:3::4:5:192.0.2.1]',
    'jean@[2001:db8::1]',                // IPv6 without its tag
    'jean@192.168.0.1',                  // a bare IP is not a domain (the TLD must start with a letter)
];
foreach ($cases as $email) {
    $r = shop_setup_email_check($email);
    $agree = (shop_setup_email_normalize($email) !== null) === (filter_var($email, FILTER_VALIDATE_EMAIL) !== false && !preg_match('/[<>]/', $email));
    printf("%-36s %-5s %-20s %s%s\n", $email, $r['ok'] ? 'ok' : 'no', $r['code'] ?? '-',
        implode(',', array_column($r['warnings'], 'code')), $agree ? '' : '  DISAGREES WITH MOODLE');
}
?>
--EXPECT--
"jean dupont"@exemple.fr             no    space                
"jean.dupont"@exemple.fr             ok    -                    quoted_local_part
"Jean@Dupont"@Exemple.FR             ok    -                    quoted_local_part
"jean\"dupont"@exemple.fr            ok    -                    quoted_local_part
"jean\\dupont"@exemple.fr            ok    -                    quoted_local_part
""@exemple.fr                        ok    -                    quoted_local_part
"a".b."c"@exemple.fr                 ok    -                    quoted_local_part
"a"b@exemple.fr                      no    local_part_syntax    
"<jean>"@exemple.fr                  no    angle_bracket        
jean@[192.168.0.1]                   ok    -                    ip_literal
jean@[256.1.1.1]                     no    domain_syntax        
jean@[01.2.3.4]                      no    domain_syntax        
jean@[IPv6:2001:db8::1]              ok    -                    ip_literal
jean@[ipv6:2001:DB8::1]              ok    -                    ip_literal
jean@[IPv6:1:2:3:4:5:6:7:8]          ok    -                    ip_literal
jean@[IPv6:1:2:3:4:5:6:7]            no    domain_syntax        
jean@[IPv6:1:2:3::4:5:6]             ok    -                    ip_literal
jean@[IPv6:1:2:3::4:5:6:7]           no    domain_syntax        
jean@[IPv6:::ffff:192.0.2.1]         ok    -                    ip_literal
jean@[IPv6:1:2:3:4:5:6:192.0.2.1]    ok    -                    ip_literal
jean@[IPv6:1:2::3:4:192.0.2.1]       ok    -                    ip_literal
jean@[IPv6:1:2:3::4:5:192.0.2.1]     no    domain_syntax        
jean@[2001:db8::1]                   no    domain_syntax        
jean@192.168.0.1                     no    domain_syntax        
