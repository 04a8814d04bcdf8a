package dev.switchboard.review.engine;

import dev.switchboard.places.Gazetteer;

/** Architecture fixture: a capability reading the shared places module (allowed). */
public final class ReadsPlaces {

    public String name(Gazetteer g) {
        return g.name();
    }
}
