package dev.switchboard.city.engine.sim;

import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.time.SimTime;

/**
 * Posted by the control room when an evacuation order is carried out.
 *
 * @param wardId the ward evacuated, or null when the area named no ward
 */
public record EvacuationOrdered(SessionId session, String area, String wardId, String by, SimTime at)
        implements DomainEvent {
}
