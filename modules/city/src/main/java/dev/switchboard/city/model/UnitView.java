package dev.switchboard.city.model;

import dev.switchboard.core.geo.LatLon;
import java.util.Objects;

/**
 * A unit as the map and panels show it at one tick.
 *
 * @param headingDegrees clockwise from north
 * @param incidentId the incident it works, or null
 */
public record UnitView(String id, UnitType type, UnitState state, LatLon position, double headingDegrees,
                       String incidentId, String baseId) {

    public UnitView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(baseId, "baseId");
    }
}
