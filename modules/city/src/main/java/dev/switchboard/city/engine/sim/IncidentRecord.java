package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.IncidentState;
import java.util.Objects;

/**
 * An incident as stored for its session: the picture after its latest change. Simulated times are
 * milliseconds since the exercise began, -1 when that step has not happened.
 *
 * @param cause the sensor event type's name, or null
 * @param reference the call or sensor reference, or null
 */
public record IncidentRecord(String id, IncidentKind kind, String cause, String title, String wardId, double lat,
                             double lon, int priority, IncidentState state, String source, String reference,
                             long createdSimMillis, long dispatchedSimMillis, long onSceneSimMillis,
                             long resolvedSimMillis, long closedSimMillis, double waterUsedLiters) {

    public IncidentRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(wardId, "wardId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(source, "source");
    }

    static IncidentRecord of(Incident i) {
        return new IncidentRecord(i.id, i.kind, i.cause == null ? null : i.cause.name(), i.title, i.wardId,
                i.position.lat(), i.position.lon(), i.priority, i.state, i.source, i.reference, i.createdSimMillis,
                i.dispatchedSimMillis, i.onSceneSimMillis, i.resolvedSimMillis, i.closedSimMillis,
                i.waterUsedLiters);
    }
}
