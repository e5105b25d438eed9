--TEST--
shop_setup_check_params(): role keys hold Moodle role shortnames ([a-z0-9_-], 1 to 100, not "0"); requiredroles is a comma list of them
--EXTENSIONS--
shop_setup
--FILE--
<?php
function show(string $s): void {
    $issues = shop_setup_check_params("coursename=A&$s");
    echo $s === '' ? '(none)' : substr($s, 0, 40), ": ";
    if (!$issues) { echo "ok\n"; }
    foreach ($issues as $i) {
        printf("%s %s %s %d\n", $i['level'], $i['code'], $i['key'], $i['offset']);
    }
}
show("supervisor=editingteacher&operatorrole=course_owner-2&participantrole=student&supportrole=customer");
show("supervisor=Teacher");
show("operatorrole=tea+cher");
show("participantrole=0");
show("supportrole=");
show("customerrole=");
show("customerrole=Customer");
show("supervisor=" . str_repeat('r', 100));
show("supervisor=" . str_repeat('r', 101));
show("supervisor=%C3%A9");
show("requiredroles=student,+supervisor,teacher");
show("requiredroles=student,,teacher");
show("requiredroles=student,");
show("requiredroles=student,Teacher");
show("requiredroles=");
show("requiredroles=student,teacher,student");
show("requiredroles=" . str_repeat('a,', 2100) . 'a');
?>
--EXPECT--
supervisor=editingteacher&operatorrole=c: ok
supervisor=Teacher: error invalid_role supervisor 24
operatorrole=tea+cher: error invalid_role operatorrole 29
participantrole=0: error invalid_role participantrole 29
supportrole=: error empty_value supportrole 25
customerrole=: ok
customerrole=Customer: error invalid_role customerrole 26
supervisor=rrrrrrrrrrrrrrrrrrrrrrrrrrrrr: ok
supervisor=rrrrrrrrrrrrrrrrrrrrrrrrrrrrr: error value_too_long supervisor 124
supervisor=%C3%A9: error invalid_role supervisor 24
requiredroles=student,+supervisor,teache: ok
requiredroles=student,,teacher: error empty_list_item requiredroles 35
requiredroles=student,: error empty_list_item requiredroles 35
requiredroles=student,Teacher: error invalid_role requiredroles 35
requiredroles=: error empty_value requiredroles 27
requiredroles=student,teacher,student: warning duplicate_list_item requiredroles 43
requiredroles=a,a,a,a,a,a,a,a,a,a,a,a,a,: error value_too_long requiredroles 4123
