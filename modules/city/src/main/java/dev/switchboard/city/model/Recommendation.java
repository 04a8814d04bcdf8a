package dev.switchboard.city.model;

import java.util.Objects;

/**
 * What the coordinator proposes for an incident; the trainee accepts, edits or rejects it.
 *
 * @param unitId the unit proposed (closest available by travel time), or null for non-unit commands
 * @param etaSeconds that unit's travel time, or 0
 * @param source "rules" or the model's provenance label
 */
public record Recommendation(String id, String incidentId, DispatchCommand command, String unitId, double etaSeconds,
                             String rationale, String source) {

    public Recommendation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(source, "source");
    }
}
