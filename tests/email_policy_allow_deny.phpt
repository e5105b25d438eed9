--TEST--
shop_setup_email_check(): allowemailaddresses/denyemailaddresses with Moodle's matching rule
--EXTENSIONS--
shop_setup
--FILE--
<?php
// Moodle's email_is_not_allowed(): "example.com" matches "x@example.com" only,
// ".example.com" matches any subdomain (not example.com itself); patterns are
// separated by spaces and compared without case; allow wins over deny.
function t(string $email, array $policy): void {
    $r = shop_setup_email_check($email, $policy);
    printf("%-28s %-60s %s\n", $email, json_encode($policy), $r['ok'] ? 'ok' : $r['code']);
}
$allow = ['allowemailaddresses' => 'exemple.fr .univ-lyon.fr'];
t('jean@exemple.fr', $allow);
t('Jean@EXEMPLE.FR', $allow);
t('jean@mail.exemple.fr', $allow);
t('jean@etu.univ-lyon.fr', $allow);
t('jean@univ-lyon.fr', $allow);
t('jean@notexemple.fr', $allow);
t('jean@gmail.com', $allow);
$deny = ['denyemailaddresses' => 'mailinator.com .ru'];
t('jean@mailinator.com', $deny);
t('jean@x.mailinator.com', $deny);
t('jean@yandex.ru', $deny);
t('jean@exemple.fr', $deny);
t('jean@exemple.fr', ['allowemailaddresses' => 'exemple.fr', 'denyemailaddresses' => 'exemple.fr']);
t('jean@autre.fr', ['allowemailaddresses' => 'exemple.fr', 'denyemailaddresses' => 'autre.fr']);
// PHP's empty(): "" and "0" mean "no list"; empty and "0" patterns are skipped;
// only single spaces separate, tabs around a pattern are trimmed.
t('jean@autre.fr', ['allowemailaddresses' => '0']);
t('jean@autre.fr', ['allowemailaddresses' => '', 'denyemailaddresses' => 'autre.fr']);
t('jean@autre.fr', ['allowemailaddresses' => '  0  ']);
t('jean@autre.fr', ['allowemailaddresses' => "exemple.fr\tautre.fr"]);
t('jean@autre.fr', ['allowemailaddresses' => "exemple.fr \tautre.fr\t"]);
t('jean@autre.fr', ['allowemailaddresses' => null, 'denyemailaddresses' => null]);
// A refused domain keeps its match key: an existing account can still be found.
var_dump(shop_setup_email_check('Jean@Autre.FR', ['allowemailaddresses' => 'exemple.fr']));
?>
--EXPECT--
jean@exemple.fr              {"allowemailaddresses":"exemple.fr .univ-lyon.fr"}           ok
Jean@EXEMPLE.FR              {"allowemailaddresses":"exemple.fr .univ-lyon.fr"}           ok
jean@mail.exemple.fr         {"allowemailaddresses":"exemple.fr .univ-lyon.fr"}           domain_not_allowed
jean@etu.univ-lyon.fr        {"allowemailaddresses":"exemple.fr .univ-lyon.fr"}           ok
jean@univ-lyon.fr            {"allowemailaddresses":"exemple.fr .univ-lyon.fr"}           domain_not_allowed
jean@notexemple.fr           {"allowemailaddresses":"exemple.fr .univ-lyon.fr"}           domain_not_allowed
jean@gmail.com               {"allowemailaddresses":"exemple.fr .univ-lyon.fr"}           domain_not_allowed
jean@mailinator.com          {"denyemailaddresses":"mailinator.com .ru"}                  domain_denied
jean@x.mailinator.com        {"denyemailaddresses":"mailinator.com .ru"}                  ok
jean@yandex.ru               {"denyemailaddresses":"mailinator.com .ru"}                  domain_denied
jean@exemple.fr              {"denyemailaddresses":"mailinator.com .ru"}                  ok
jean@exemple.fr              {"allowemailaddresses":"exemple.fr","denyemailaddresses":"exemple.fr"} ok
jean@autre.fr                {"allowemailaddresses":"exemple.fr","denyemailaddresses":"autre.fr"} domain_not_allowed
jean@autre.fr                {"allowemailaddresses":"0"}                                  ok
jean@autre.fr                {"allowemailaddresses":"","denyemailaddresses":"autre.fr"}   domain_denied
jean@autre.fr                {"allowemailaddresses":"  0  "}                              domain_not_allowed
jean@autre.fr                {"allowemailaddresses":"exemple.fr\tautre.fr"}               domain_not_allowed
jean@autre.fr                {"allowemailaddresses":"exemple.fr \tautre.fr\t"}            ok
jean@autre.fr                {"allowemailaddresses":null,"denyemailaddresses":null}       ok
array(5) {
  ["ok"]=>
  bool(false)
  ["code"]=>
  string(18) "domain_not_allowed"
  ["message"]=>
  string(63) "The address's domain is not among the domains this site allows."
  ["normalized"]=>
  string(13) "jean@autre.fr"
  ["warnings"]=>
  array(0) {
  }
}
