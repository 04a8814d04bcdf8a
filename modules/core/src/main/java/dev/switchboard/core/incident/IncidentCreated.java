package dev.switchboard.core.incident;

import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.id.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Posted by the call console when the trainee dispatches a call: a confirmed incident with the units asked for.
 * The control room hears it, opens the incident on the map and sends the units. Neither side imports the other.
 *
 * @param session    the call's training session; the control room logs the response into it as well
 * @param reference  the call's id, kept with the incident so updates can be matched back to the call
 * @param natureCode the CAD nature code, e.g. {@code FIRE-STRUCT}
 * @param nature     the nature in words, e.g. "house fire, person trapped on the second floor"
 * @param priority   1 (highest) to 5
 * @param ward       the ward's id, e.g. {@code shibuya}, or null when not known
 * @param address    the verified address as the trainee confirmed it
 * @param units      the units asked for, one entry per unit (two ambulances: AMBULANCE twice)
 */
public record IncidentCreated(SessionId session, String reference, String natureCode, String nature, int priority,
                              LatLon position, String ward, String address, List<ResponderType> units,
                              Instant at) implements DomainEvent {

    public IncidentCreated {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(natureCode, "natureCode");
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(at, "at");
        units = List.copyOf(units);
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("priority must be 1..5, was " + priority);
        }
    }
}
