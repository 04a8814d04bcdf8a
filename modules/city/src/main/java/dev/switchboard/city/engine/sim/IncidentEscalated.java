package dev.switchboard.city.engine.sim;

import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.time.SimTime;

/** Posted by the control room when new information makes an open incident more serious, e.g. violence → weapon. */
public record IncidentEscalated(SessionId session, String incidentId, IncidentKind from, IncidentKind to,
                                int priority, SimTime at) implements DomainEvent {
}
