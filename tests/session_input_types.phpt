--TEST--
shop_setup_session(): objects and numeric strings accepted; TypeError and ValueError name the path
--EXTENSIONS--
shop_setup
--FILE--
<?php
require __DIR__ . '/inc/session_model.php';
// Objects and arrays alike; Moodle's string integers accepted; wrong types and bad values name their path.
$order = session_order(['student' => ['a@x.example' => ['A', 'A']]]);
$order['users']['student']['a@x.example'] = (object) $order['users']['student']['a@x.example'];
$order['quantity'] = '3';
$order['operator'] = (object) ['id' => '42'];
$facts = SessionModel::standard()->facts($order);
$facts['course'] = (object) ['id' => '10', 'startdate' => '0'];
$facts['roles'] = array_map('strval', $facts['roles']);
var_dump(shop_setup_session($order, $facts)['ok']);

$try = function (callable $f) { try { $f(); echo "no error\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } };
$bad = $order; $bad['users']['student']['a@x.example'] = ['firstname' => 'A', 'lastname' => 5, 'email' => 'a@x.example'];
$try(fn () => shop_setup_session($bad));
$bad = $order; $bad['users']['student']['a@x.example'] = 'a string';
$try(fn () => shop_setup_session($bad));
$bad = $order; $bad['users']['student']['a@x.example'] = (object) ['firstname' => "B\xC3(", 'lastname' => 'L'];
$try(fn () => shop_setup_session($bad));
$bad = $order; $bad['users']['student']['a@x.example'] = (object) ['firstname' => "A\0B", 'lastname' => 'L'];
$try(fn () => shop_setup_session($bad));
$bad = $order; $bad['users']['student']['a@x.example'] = ['firstname' => str_repeat('x', 5000), 'lastname' => 'L'];
$try(fn () => shop_setup_session($bad));
$bad = $order; $bad['quantity'] = -1;
$try(fn () => shop_setup_session($bad));
$bad = $order; $bad['quantity'] = 'lots';
$try(fn () => shop_setup_session($bad));
$bad = $order; unset($bad['transactionid']);
$try(fn () => shop_setup_session($bad));
$bad = $order; $bad['operator'] = 0;
$try(fn () => shop_setup_session($bad));
$bad = $order; $bad['handlerparams'] = 'coursename=%ZZ';
$try(fn () => shop_setup_session($bad));
$bad = $order; $bad['users'] = [['a@x.example' => []]];
$try(fn () => shop_setup_session($bad));
$f = $facts; $f['users'][] = ['id' => 'seven', 'email' => 'x@y.z'];
$try(fn () => shop_setup_session($order, $f));
$f = $facts; $f['enrolments'][] = ['courseid' => 10, 'userid' => 7, 'roles' => 5];
$try(fn () => shop_setup_session($order, $f));
$f = $facts; $f['roleassignments'][] = ['roleid' => 3, 'userid' => 42];
$try(fn () => shop_setup_session($order, $f));
// Fact rows' fields by name: missing, mistyped, in objects as Moodle's $DB returns them.
$f = $facts; $f['users'][] = ['email' => 'x@y.z', 'username' => 'x'];
$try(fn () => shop_setup_session($order, $f));
$f = $facts; $f['users'][] = (object) ['id' => 7, 'email' => "x@y.z\0", 'username' => 'x'];
$try(fn () => shop_setup_session($order, $f));
$f = $facts; $f['users'][] = ['id' => 7, 'email' => 'x@y.z', 'username' => 'x', 'deleted' => []];
$try(fn () => shop_setup_session($order, $f));
$f = $facts; $f['enrolments'][] = ['userid' => 7];
$try(fn () => shop_setup_session($order, $f));
$f = $facts; $f['enrolments'][] = (object) ['courseid' => 10, 'status' => 0];
$try(fn () => shop_setup_session($order, $f));
$f = $facts; $f['enrolments'][] = ['courseid' => 10, 'userid' => 7, 'timeend' => 'soon'];
$try(fn () => shop_setup_session($order, $f));
$try(fn () => shop_setup_session($order, $facts, ['partial' => []]));
// An account's auth, suspended and deleted may be left out: it is then an active, manual one.
$o = session_order(['student' => ['opt@x.example' => ['Opt', 'Ional']]]);
$f = SessionModel::standard()->facts($o);
$f['users'][] = ['id' => 77, 'email' => 'Opt@X.example', 'username' => 'opt'];
$p = shop_setup_session($o, $f);
echo $p['participants'][0]['action'], ' #', $p['participants'][0]['userid'], ', errors: ', count($p['errors']), "\n";
?>
--EXPECT--
bool(true)
TypeError: shop_setup_session(): $order['users']['student']['a@x.example']['lastname'] must be of type string, int given
TypeError: shop_setup_session(): $order['users']['student']['a@x.example'] must be of type array|object, string given
ValueError: shop_setup_session(): $order['users']['student']['a@x.example']['firstname'] is not valid UTF-8 (byte 1)
ValueError: shop_setup_session(): $order['users']['student']['a@x.example']['firstname'] contains a NUL byte at byte 1
ValueError: shop_setup_session(): $order['users']['student']['a@x.example']['firstname'] is 5000 bytes long, more than the limit of 4096
ValueError: shop_setup_session(): $order['quantity'] must be between 0 and 1000000, -1 given
ValueError: shop_setup_session(): $order['quantity'] must be an integer, "lots" given
TypeError: shop_setup_session(): $order['transactionid'] must be of type string, nothing given
ValueError: shop_setup_session(): $order['operator'] must be a positive id, 0 given
ValueError: shop_setup_session(): $order['handlerparams'] is malformed: malformed percent escape at byte 11 in the value of key "coursename"
ValueError: shop_setup_session(): $order['users'][0] is not a role: role keys are shortnames such as student, _supervisor or teacher
ValueError: shop_setup_session(): $facts['users'][0]['id'] must be an integer, "seven" given
TypeError: shop_setup_session(): $facts['enrolments'][0]['roles'] must be of type array, int given
TypeError: shop_setup_session(): $facts['roleassignments'][0]['contextuserid'] must be of type int, nothing given
TypeError: shop_setup_session(): $facts['users'][0]['id'] must be of type int, nothing given
ValueError: shop_setup_session(): $facts['users'][0]['email'] contains a NUL byte at byte 5
TypeError: shop_setup_session(): $facts['users'][0]['deleted'] must be of type bool, array given
TypeError: shop_setup_session(): $facts['enrolments'][0]['courseid'] must be of type int, nothing given
TypeError: shop_setup_session(): $facts['enrolments'][0]['userid'] must be of type int, nothing given
ValueError: shop_setup_session(): $facts['enrolments'][0]['timeend'] must be an integer, "soon" given
TypeError: shop_setup_session(): $options['partial'] must be of type bool, array given
reuse #77, errors: 0
