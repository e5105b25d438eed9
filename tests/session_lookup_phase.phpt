--TEST--
shop_setup_session() phase 1: match keys, candidate usernames, roles, course and group idnumber to look up
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Phase 1 needs no database: match keys, candidate usernames, roles, course, group idnumber.
$order = session_order([
    'student' => ['Jean.Dupont@Exemple.FR' => ['Jean', 'Dupont'], 'helene@x.example' => ['Hélène', 'Lefèvre']],
    'teacher' => ['tutor@x.example' => ['Tom', 'Tutor']],
], [], 'coursename=FORM-01&requiredroles=student,teacher&customersupport=12&supervisor=courseowner');
$l = shop_setup_session($order);
echo $l['phase'], ' ', var_export($l['ok'], true), "\n";
echo json_encode($l['lookups']), "\n";
?>
--EXPECT--
lookup true
{"emails":["jean.dupont@exemple.fr","helene@x.example","tutor@x.example"],"usernames":["jean.dupont","helene.lefevre","tom.tutor"],"course":"FORM-01","supportcourse":12,"roles":["courseowner","student","teacher"],"optionalroles":["customer"],"groupidnumber":"TX1","operatorid":42}
