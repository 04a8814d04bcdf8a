package dev.switchboard.city.model;

import dev.switchboard.core.geo.LatLon;
import java.util.List;
import java.util.Objects;

/**
 * An incident as the map and panels show it.
 *
 * @param cause the sensor event type that raised it, or null when it came from a call or by hand
 * @param priority 1 (highest) to 5
 * @param source "sensor", "call", "manual" or "scenario"
 * @param reference the call (or report) it came from, or null
 */
public record IncidentView(String id, String title, EventType cause, LatLon position, String wardId, int priority,
                           IncidentState state, List<String> unitIds, long createdSimMillis, String source,
                           String reference) {

    public IncidentView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(wardId, "wardId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(source, "source");
        unitIds = List.copyOf(unitIds);
    }
}
