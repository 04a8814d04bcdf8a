package dev.switchboard.places;

import dev.switchboard.core.geo.LatLon;
import java.util.Objects;

/** A police station, fire station, hospital or traffic-control post where units start and return. */
public record Base(String id, BaseType type, String wardId, String name, LatLon position) {

    public Base {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(wardId, "wardId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
    }
}
