package dev.switchboard.core.incident;

import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.geo.LatLon;
import java.time.Instant;
import java.util.Objects;

/**
 * Posted by the control room while a unit answers an incident that came from {@link IncidentCreated}: its state
 * and position, so the call console can tell the caller help is coming and the recording can replay the response.
 *
 * @param reference the {@link IncidentCreated#reference()} being answered
 * @param state     the unit's state in words: {@code DISPATCHED}, {@code EN_ROUTE}, {@code ON_SCENE},
 *                  {@code RETURNING}, {@code IDLE}
 * @param incidentState the incident's state: {@code NEW}, {@code DISPATCHED}, {@code ON_SCENE}, {@code RESOLVED}
 * @param etaSeconds    the unit's estimated time to the scene by road, turnout included; 0 on scene, -1 when it is
 *                      not on its way (returning, back in service)
 */
public record ResponseUpdated(String reference, String unitId, ResponderType unitType, String state,
                              LatLon position, double headingDegrees, String incidentState, double etaSeconds,
                              Instant at)
        implements DomainEvent {

    public ResponseUpdated {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(unitType, "unitType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(incidentState, "incidentState");
        Objects.requireNonNull(at, "at");
    }
}
