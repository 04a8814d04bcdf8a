package dev.switchboard.city.model;

import dev.switchboard.core.geo.LatLon;
import java.util.Objects;

/**
 * A sensor event that survived filtering and scored into the top K: what the control room shows and
 * what the coordinator reasons about.
 *
 * @param sourceId the sensor (camera, vehicle probe, station) that reported it
 * @param score composite 0..1
 * @param reason one line on why it scored high, e.g. "weapon (F51) · risk 0.9 · near active incident"
 */
public record CriticalEvent(long id, EventType type, long sourceId, LatLon position, String wardId, double score,
                            double risk, double confidence, long simTimeMillis, String reason) {

    public CriticalEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(wardId, "wardId");
        Objects.requireNonNull(reason, "reason");
    }
}
