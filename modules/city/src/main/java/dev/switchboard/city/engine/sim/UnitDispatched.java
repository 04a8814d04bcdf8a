package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.UnitType;
import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.time.SimTime;

/**
 * Posted by the control room when a unit is sent to an incident.
 *
 * @param etaSeconds the road travel time expected when it was sent, turnout excluded
 * @param by "trainee" (accepted, edited or typed) or "autopilot"
 * @param recommendationId the recommendation that was carried out, or null for a typed command
 */
public record UnitDispatched(SessionId session, String unitId, UnitType unitType, String incidentId,
                             double etaSeconds, String by, String recommendationId, SimTime at)
        implements DomainEvent {
}
