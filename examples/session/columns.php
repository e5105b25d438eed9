<?php
/*
 * The columns format of shop_setup_session() expanded back into rows: the
 * reference for what a columns plan means (docs/session-contract.md), and a
 * template for a consumer that applies it kind by kind with bulk inserts.
 * tests/session_columns_equivalent.phpt checks that, for random orders and
 * half-applied sites, it gives exactly the operations of the rows format.
 */
namespace ShopSetup\Example;

/** The participants of $order in the planner's order: position i is ref 'p' . ($i + 1). */
function participants(array $order): array
{
    $list = [];
    foreach ((array) ($order['users'] ?? []) as $role => $entries) {
        foreach ((array) $entries as $typed => $p) {
            $list[] = ['role' => (string) $role, 'typed' => $typed, 'p' => (array) $p];
        }
    }
    return $list;
}

/** The operations of a columns plan as the rows format lists them. */
function columns_to_rows(array $order, array $plan): array
{
    $c = $plan['participants'];
    $x = $plan['context'];
    $parts = participants($order);
    // The group's and the operator's operations are rows already; they come
    // first in their kind.
    $kinds = array_fill_keys(['create_user', 'create_group', 'enrol', 'assign_role', 'add_member',
        'assign_user_role', 'create_product'], []);
    foreach ($plan['operations'] as $op) {
        $kinds[$op['op']][] = $op;
    }
    foreach ($c['flags'] as $i => $f) {
        $ref = 'p' . ($i + 1);
        $uid = $c['userid'][$i];
        if ($f & SHOP_SETUP_OP_CREATE_USER) {
            $p = $parts[$i]['p'];
            $kinds['create_user'][] = ['op' => 'create_user', 'ref' => $ref, 'user' => [
                'username' => $c['username'][$i], 'firstname' => (string) ($p['firstname'] ?? ''),
                'lastname' => (string) ($p['lastname'] ?? ''), 'email' => $c['email'][$i],
                'city' => (string) ($p['city'] ?? ''), 'institution' => (string) ($p['institution'] ?? ''),
                'phone2' => (string) ($p['phone2'] ?? ''), 'auth' => 'manual']];
        }
        if ($f & SHOP_SETUP_OP_ENROL) {
            $kinds['enrol'][] = ['op' => 'enrol', 'ref' => $ref, 'userid' => $uid, 'courseid' => $x['courseid'],
                'roleid' => $c['roleid'][$i], 'timestart' => $plan['window']['start'], 'timeend' => $plan['window']['end']];
        }
        if ($f & SHOP_SETUP_OP_ASSIGN_ROLE) {
            $kinds['assign_role'][] = ['op' => 'assign_role', 'ref' => $ref, 'userid' => $uid,
                'courseid' => $x['courseid'], 'roleid' => $c['roleid'][$i]];
        }
        if ($f & SHOP_SETUP_OP_ADD_MEMBER) {
            $kinds['add_member'][] = ['op' => 'add_member', 'ref' => $ref, 'userid' => $uid, 'groupid' => $plan['group']['id']];
        }
        if ($f & SHOP_SETUP_OP_ASSIGN_OPERATOR_ROLE) {
            $kinds['assign_user_role'][] = ['op' => 'assign_user_role', 'ref' => $ref, 'userid' => $x['operatorid'],
                'roleid' => $x['operatorroleid'], 'contextref' => $ref, 'contextuserid' => $uid];
        }
        if ($f & SHOP_SETUP_OP_ASSIGN_MIRROR_ROLE) {
            $kinds['assign_user_role'][] = ['op' => 'assign_user_role', 'ref' => $ref, 'userid' => $uid,
                'roleid' => $x['mirrorroleid'], 'contextref' => 'operator', 'contextuserid' => $x['operatorid']];
        }
        if ($f & SHOP_SETUP_OP_CREATE_PRODUCT) {
            $kinds['create_product'][] = ['op' => 'create_product', 'ref' => $ref, 'userid' => $uid,
                'reference' => $c['reference'][$i], 'courseid' => $x['courseid'], 'startdate' => $plan['window']['start'],
                'enddate' => $plan['window']['end'], 'catalogitemid' => $x['catalogitemid'],
                'billitemid' => $x['billitemid'], 'customerid' => $x['customerid']];
        }
    }
    return array_merge(...array_values($kinds));
}
