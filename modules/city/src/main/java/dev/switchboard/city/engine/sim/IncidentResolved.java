package dev.switchboard.city.engine.sim;

import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.time.SimTime;
import java.util.List;

/**
 * Posted by the control room when the work at an incident's scene is done.
 *
 * @param unitIds every unit that was assigned to it, in assignment order
 * @param secondsOpen simulated seconds from creation to resolution
 */
public record IncidentResolved(SessionId session, String incidentId, IncidentKind kind, List<String> unitIds,
                               double secondsOpen, SimTime at) implements DomainEvent {

    public IncidentResolved {
        unitIds = List.copyOf(unitIds);
    }
}
