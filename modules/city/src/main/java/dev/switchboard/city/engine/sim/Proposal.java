package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.DispatchCommand;
import java.util.Objects;

/**
 * One thing a coordinator proposes; the simulation turns it into a {@code Recommendation} with an id.
 *
 * @param unitId the unit proposed, or null for a command without one (an evacuation)
 * @param etaSeconds that unit's road travel time, or 0
 * @param source "rules", or the label of the model answer it came from
 */
public record Proposal(String incidentId, DispatchCommand command, String unitId, double etaSeconds,
                       String rationale, String source) {

    public Proposal {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(source, "source");
    }
}
