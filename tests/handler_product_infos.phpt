--TEST--
handler: display_product_infos() shows the seat's course, person and role decoded, as local_shop hands them over (Product::extract_production_data() splits the pairs without decoding them)
--SKIPIF--
<?php if (!is_dir(__DIR__ . '/../moodle/std_setuponecoursesession')) die('skip the handler sources (moodle/) are not shipped in PECL tarballs'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/inc/moodle_fake.php';
require HANDLER_DIR . '/std_setuponecoursesession.class.php';
use shophandlers_std_setuponecoursesession\plan_applier;

/** local_shop's Product::extract_production_data(). */
function extract_production_data(string $productiondata): \stdClass {
    $info = new \stdClass();
    foreach (explode('&', $productiondata) as $pair) {
        $pair = explode('=', $pair);
        $info->{$pair[0]} = @$pair[1];
    }
    return $info;
}

fake_site();
$handler = new shop_handler_std_setuponecoursesession('SESSION');
foreach (['_supervisor', 'teacher'] as $role) {
    $data = plan_applier::compile_production_data(['handler' => 'std_setuponecoursesession', 'courseid' => 10,
        'coursename' => "Cours d'été <b>&</b> + plus", 'userid' => 7, 'role' => $role]);
    echo strip_tags(str_replace('</div><div', '</div>|<div', $handler->display_product_infos(1, extract_production_data($data)))), "\n";
}
?>
--EXPECT--
Course|Cours d&#039;été &lt;b&gt;&amp;&lt;/b&gt; + plus|Beneficiary|Jean Dupont|Seat|supervisor
Course|Cours d&#039;été &lt;b&gt;&amp;&lt;/b&gt; + plus|Beneficiary|Jean Dupont|Seat|teacher
