<?php
/*
 * How this process runs PHP code, which decides the userland side's speed:
 * web requests run with OPcache (Debian's default; the CLI without), where
 * the userland session planner is 3-5% faster (with its JIT 12-13%), the
 * userland parameter builder 7-8% and the parameter parser 2-4%. The
 * extension runs the same machine code either way; what OPcache changes for
 * it are the strings PHP code hands it (see ss_fields() in
 * ext/php_session.c). Every benchmark prints it on its first line;
 * bench/builds.php --opcache runs its processes with OPcache on.
 */
function bench_php_mode(): string
{
    $st = function_exists('opcache_get_status') ? opcache_get_status(false) : false;
    if (!is_array($st) || empty($st['opcache_enabled'])) return 'OPcache off';
    $jit = $st['jit'] ?? [];
    return !empty($jit['on']) ? 'OPcache on, JIT ' . ini_get('opcache.jit') : 'OPcache on, JIT off';
}
