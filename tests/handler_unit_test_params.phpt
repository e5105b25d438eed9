--TEST--
handler: unit_test() reports every problem shop_setup_check_params() finds, plus missing course and roles
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php
if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs');
if (!function_exists('shop_setup_check_params') || !function_exists('shop_setup_session')) die('skip shop_setup_check_params() or shop_setup_session() not built yet');
?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
require HANDLER_DIR . '/std_setuponecoursesession.class.php';
fake_site();
$handler = new shop_handler_std_setuponecoursesession('SESSION');

function check(array $actionparams) {
    global $handler;
    $errors = $warnings = $messages = [];
    $handler->unit_test((object) ['code' => 'P', 'actionparams' => $actionparams], $errors, $warnings, $messages);
    echo count($errors['P'] ?? []), ' error(s), ', count($warnings['P'] ?? []), " warning(s)\n";
    foreach (array_merge($errors['P'] ?? [], $warnings['P'] ?? []) as $line) {
        echo '  ', $line, "\n";
    }
}

// A correct product: only the warnings that its delegation roles (teacher, student) are not user-context roles.
check(['coursename' => 'FORM-01', 'supervisor' => 'teacher', 'requiredroles' => 'student,teacher,supervisor']);
// No course, a role that does not exist, an unknown key.
check(['supervisor' => 'nosuchrole', 'colour' => 'blue']);
// A course that does not exist.
check(['coursename' => 'NOPE', 'supervisor' => 'teacher']);
// A support course without manual enrolment.
$DB->raw_insert('course', ['id' => 12, 'shortname' => 'NOMANUAL', 'startdate' => 0]);
check(['coursename' => 'FORM-01', 'supervisor' => 'teacher', 'customersupport' => 'NOMANUAL']);
check(['coursename' => 'FORM-01', 'supervisor' => 'teacher', 'customersupport' => '12']);
check(['coursename' => 'FORM-01', 'supervisor' => 'teacher', 'customersupport' => '11']);
// Delegation roles allowed in user contexts (courseowner is): no warning for them.
$DB->raw_insert('role_context_levels', ['roleid' => 5, 'contextlevel' => CONTEXT_USER]);
check(['coursename' => 'FORM-01', 'supervisor' => 'teacher', 'operatorrole' => 'courseowner']);
// customerrole, the buyer's second role in the support course: named on purpose it must exist;
// left at its default (customer), a site without it is warned; empty asks for none.
$own = ['coursename' => 'FORM-01', 'supervisor' => 'teacher', 'operatorrole' => 'courseowner', 'customersupport' => '11'];
check($own + ['customerrole' => 'helpdesk']);
unset($DB->tables['role'][12]);
check($own);
check($own + ['customerrole' => '']);
?>
--EXPECT--
0 error(s), 2 warning(s)
  Role teacher (operatorrole) is assigned in users' contexts, where it is not allowed (Define roles > context types): the assignments work but Moodle's pages do not list them. Allow the user context for that role, or name a role made for it such as block_user_delegation's courseowner.
  Role student (participantrole) is assigned in users' contexts, where it is not allowed (Define roles > context types): the assignments work but Moodle's pages do not list them. Allow the user context for that role, or name a role made for it such as block_user_delegation's courseowner.
2 error(s), 2 warning(s)
  Handler parameter coursename: Key &quot;coursename&quot; (the course shortname) is required. (missing_key)
  Role nosuchrole does not exist on this site.
  Handler parameter colour: Key &quot;colour&quot; is not a parameter of std_setuponecoursesession; it is ignored. (unknown_key)
  Role student (participantrole) is assigned in users' contexts, where it is not allowed (Define roles > context types): the assignments work but Moodle's pages do not list them. Allow the user context for that role, or name a role made for it such as block_user_delegation's courseowner.
1 error(s), 2 warning(s)
  Course NOPE does not exist (coursename must be a course short name).
  Role teacher (operatorrole) is assigned in users' contexts, where it is not allowed (Define roles > context types): the assignments work but Moodle's pages do not list them. Allow the user context for that role, or name a role made for it such as block_user_delegation's courseowner.
  Role student (participantrole) is assigned in users' contexts, where it is not allowed (Define roles > context types): the assignments work but Moodle's pages do not list them. Allow the user context for that role, or name a role made for it such as block_user_delegation's courseowner.
1 error(s), 2 warning(s)
  Course NOMANUAL has no enabled manual enrolment method.
  Role teacher (operatorrole) is assigned in users' contexts, where it is not allowed (Define roles > context types): the assignments work but Moodle's pages do not list them. Allow the user context for that role, or name a role made for it such as block_user_delegation's courseowner.
  Role student (participantrole) is assigned in users' contexts, where it is not allowed (Define roles > context types): the assignments work but Moodle's pages do not list them. Allow the user context for that role, or name a role made for it such as block_user_delegation's courseowner.
1 error(s), 2 warning(s)
  Course 12 has no enabled manual enrolment method.
  Role teacher (operatorrole) is assigned in users' contexts, where it is not allowed (Define roles > context types): the assignments work but Moodle's pages do not list them. Allow the user context for that role, or name a role made for it such as block_user_delegation's courseowner.
  Role student (participantrole) is assigned in users' contexts, where it is not allowed (Define roles > context types): the assignments work but Moodle's pages do not list them. Allow the user context for that role, or name a role made for it such as block_user_delegation's courseowner.
0 error(s), 2 warning(s)
  Role teacher (operatorrole) is assigned in users' contexts, where it is not allowed (Define roles > context types): the assignments work but Moodle's pages do not list them. Allow the user context for that role, or name a role made for it such as block_user_delegation's courseowner.
  Role student (participantrole) is assigned in users' contexts, where it is not allowed (Define roles > context types): the assignments work but Moodle's pages do not list them. Allow the user context for that role, or name a role made for it such as block_user_delegation's courseowner.
0 error(s), 0 warning(s)
1 error(s), 0 warning(s)
  Role helpdesk does not exist on this site.
0 error(s), 1 warning(s)
  Handler parameter customerrole is not set and this site has no role customer (local_shop's customer role): in the support course the buyer gets only supportrole. Set customerrole to another role, or leave it empty (customerrole=) for none.
0 error(s), 0 warning(s)
