--TEST--
handler: the order is built from a local_shop bill item exactly as local_shop stores it
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
use shophandlers_std_setuponecoursesession\order_builder;

$item = fake_bill_item(3, 'TX123');
// local_shop's ShopObject answers "not set" to isset()/??: the builder must still see the fields.
var_dump(isset($item->productiondata), isset($item->quantity));
$order = order_builder::from_billitem($item, 1767225600);
echo json_encode($order, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";

// The JSON round trip of the adhoc task keeps the order identical.
var_dump(json_decode(json_encode($order), true) === $order);
var_dump(order_builder::count_participants($order));

// Seats follow the catalog item's quantaddressesusers (local_shop's SHOP_QUANT_*).
$item->catalogitem->quantaddressesusers = 1;
var_dump(order_builder::from_billitem($item)['quantity']);
$item->catalogitem->quantaddressesusers = 0;
var_dump(order_builder::from_billitem($item)['quantity']);

// Without a transactionid on the item, the bill's is used; an empty order stays well-formed.
$item->transactionid = null;
var_dump(order_builder::from_billitem($item)['transactionid']);
$bare = new fake_billitem(['id' => 1, 'quantity' => 0], null, null, null, null);
var_dump(order_builder::from_billitem($bare, 5));

// A raw string stays untouched; a value with '=' that local_shop truncated is rejoined as split.
var_dump(order_builder::params_string('coursename=A%26B&x=1'));
var_dump(order_builder::params_string(['flag' => true, 'off' => false, 'n' => null, 'arr' => [1]]));

// customersupport = 0 or '' is local_shop's "no support course" (prepay fills in the shop default, 0 when unset).
var_dump(order_builder::params_string(['coursename' => 'A', 'customersupport' => 0]));
var_dump(order_builder::params_string(['coursename' => 'A', 'customersupport' => '0']));
var_dump(order_builder::params_string(['coursename' => 'A', 'customersupport' => '12']));
?>
--EXPECT--
bool(false)
bool(false)
{
    "transactionid": "TX123",
    "handlerparams": "coursename=FORM-01&supervisor=teacher&requiredroles=student,teacher,supervisor&groupname=Session+de+mars",
    "quantity": 5,
    "operator": 42,
    "users": {
        "student": {
            "JEAN.DUPONT@EXEMPLE.FR": {
                "lastname": "DUPONT",
                "firstname": "Jean",
                "email": "JEAN.DUPONT@EXEMPLE.FR",
                "city": "LYON"
            },
            "learner1@client.fr": {
                "lastname": "MARTIN",
                "firstname": "Learner1",
                "email": "learner1@client.fr",
                "city": "LYON"
            },
            "learner2@client.fr": {
                "lastname": "MARTIN",
                "firstname": "Learner2",
                "email": "learner2@client.fr",
                "city": "LYON"
            }
        },
        "teacher": {
            "tutor@client.fr": {
                "lastname": "TUTOR",
                "firstname": "Tom",
                "email": "tutor@client.fr",
                "city": "LYON"
            }
        },
        "_supervisor": {
            "boss@client.fr": {
                "lastname": "BOSS",
                "firstname": "Sam",
                "email": "boss@client.fr",
                "city": "LYON"
            }
        }
    },
    "now": 1767225600,
    "renewable": false,
    "catalogitemid": 31,
    "billitemid": 900,
    "customerid": 77,
    "referencescope": "900"
}
bool(true)
int(5)
int(1)
int(0)
string(5) "TX123"
array(11) {
  ["transactionid"]=>
  string(0) ""
  ["handlerparams"]=>
  string(0) ""
  ["quantity"]=>
  int(0)
  ["operator"]=>
  int(0)
  ["users"]=>
  array(0) {
  }
  ["now"]=>
  int(5)
  ["renewable"]=>
  bool(false)
  ["catalogitemid"]=>
  int(0)
  ["billitemid"]=>
  int(1)
  ["customerid"]=>
  int(0)
  ["referencescope"]=>
  string(1) "1"
}
string(20) "coursename=A%26B&x=1"
string(15) "flag=1&off=0&n="
string(12) "coursename=A"
string(12) "coursename=A"
string(31) "coursename=A&customersupport=12"
