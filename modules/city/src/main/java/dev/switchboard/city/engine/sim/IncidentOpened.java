package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.EventType;
import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.time.SimTime;

/**
 * Posted by the control room when it opens an incident (from a critical sensor event, a report, a scenario or
 * by hand).
 *
 * @param cause the sensor event type behind it, or null
 * @param source "sensor", "call", "manual" or "scenario"
 * @param reference the call or sensor reference it came from, or null
 */
public record IncidentOpened(SessionId session, String incidentId, IncidentKind kind, EventType cause, String title,
                              LatLon position, String wardId, int priority, String source, String reference,
                              SimTime at) implements DomainEvent {
}
