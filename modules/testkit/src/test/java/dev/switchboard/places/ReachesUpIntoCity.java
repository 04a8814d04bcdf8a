package dev.switchboard.places;

import dev.switchboard.city.model.District;

/** Architecture fixture: a shared module that depends on a capability (forbidden, even on its model). */
public final class ReachesUpIntoCity {

    public String name(District d) {
        return d.name();
    }
}
