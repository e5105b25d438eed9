<?php
// Part of the shop_setup test suite. GNU GPL v3 or later.
// A stand-in for shop_setup_session() that answers canned phase-1 and phase-2 results and
// records what it was given, so the handler's flow can be tested before and apart from the planner.

class planner_stub {
    public $lookup;
    public $plan;
    public $calls = [];
    public $facts = null;

    public function __construct(array $lookup, ?array $plan = null) {
        $this->lookup = $lookup;
        $this->plan = $plan;
    }

    public function __invoke(array $order, ?array $facts = null, array $options = []) {
        $this->calls[] = $facts === null ? 'lookup' : 'plan';
        if ($facts === null) {
            if ($this->lookup === []) {
                throw new TypeError("shop_setup_session(): \$order['users']['student']['a@b.fr']['lastname'] must be of type string, int given");
            }
            return $this->lookup;
        }
        $this->facts = $facts;
        return $this->plan;
    }
}

/** A phase-1 answer that lets planning go on. */
function ok_lookup(): array {
    return ['phase' => 'lookup', 'ok' => true, 'errors' => [], 'warnings' => [],
        'params' => ['coursename' => 'FORM-01'],
        'lookups' => ['emails' => ['jean.dupont@exemple.fr', 'tutor@client.fr'], 'usernames' => ['tom.tutor'],
            'course' => 'FORM-01', 'supportcourse' => 'SUPPORT', 'roles' => ['student', 'teacher'],
            'groupidnumber' => 'TX123', 'operatorid' => 42]];
}
