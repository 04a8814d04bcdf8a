package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.UnitType;
import java.util.Objects;

/**
 * One unit's assignment to an incident as stored; -1 for a step that has not happened.
 *
 * @param assignedSimMillis when it was sent; with the incident and unit, identifies the assignment
 */
public record AssignmentRecord(String incidentId, String unitId, UnitType unitType, long assignedSimMillis,
                               long onSceneSimMillis, long releasedSimMillis) {

    public AssignmentRecord {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(unitType, "unitType");
    }

    /** Simulated seconds from dispatch to arrival, or -1 when it never arrived. */
    public double responseSeconds() {
        return onSceneSimMillis < 0 ? -1 : (onSceneSimMillis - assignedSimMillis) / 1000.0;
    }
}
