--TEST--
shop_setup_remote_lookup(): email_domain_probe looks up many keys of one domain in one case-insensitive request, and keeps only the keys' accounts
--EXTENSIONS--
shop_setup
--SKIPIF--
<?php require __DIR__ . '/inc/skipif_nocurl.inc'; ?>
--FILE--
<?php
require __DIR__ . '/inc/moodle_mock.inc';
$s = MoodleMock::site();
$u = fn($id, $em) => ['id' => $id, 'username' => "u$id", 'firstname' => 'F', 'lastname' => 'L', 'email' => $em, 'auth' => 'manual', 'suspended' => 0];
$s['users'][] = $u(7, 'Anne.Martin@Client.Example');   // one of the keys, stored in another case
$s['users'][] = $u(8, 'boss@client.example');          // same domain, not in the order
$s['users'][] = $u(9, 'Zoe@Other.Example');             // other domain, one key: its own probe
$m = MoodleMock::start($s);
$keys = ['anne.martin@client.example', 'zoe@other.example'];
for ($i = 1; $i <= 6; $i++) $keys[] = "new$i@client.example";

foreach ([0, 3] as $threshold) {
	$m->update(function (&$s) { $s['log'] = ['total' => 0, 'fn' => [], 'calls' => []]; });
	$f = shop_setup_remote_lookup(['emails' => $keys], $m->url, MoodleMock::TOKEN, ['email_domain_probe' => $threshold]);
	echo "threshold $threshold: users ", json_encode(array_column($f['users'], 'email', 'id')),
		", core_user_get_users requests ", $m->requests('core_user_get_users'), "\n";
}
?>
--EXPECT--
threshold 0: users {"7":"Anne.Martin@Client.Example","9":"Zoe@Other.Example"}, core_user_get_users requests 8
threshold 3: users {"7":"Anne.Martin@Client.Example","9":"Zoe@Other.Example"}, core_user_get_users requests 2
