package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.UnitState;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.time.SimTime;

/**
 * Posted by the control room after every change of a unit's state ({@code from → to} is always allowed by
 * {@link UnitLifecycle}).
 *
 * @param incidentId the incident the unit works or worked, or null
 */
public record UnitStateChanged(SessionId session, String unitId, UnitType unitType, UnitState from, UnitState to,
                               String incidentId, SimTime at) implements DomainEvent {
}
