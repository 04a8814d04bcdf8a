package dev.switchboard.core.incident;

import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.id.SessionId;
import java.time.Instant;
import java.util.Objects;

/**
 * Posted by the control room when a unit is sent to an incident on the trainee's order, whichever screen the order
 * came from: the control room's own (a recommendation accepted or edited, a typed order) or the call console (a call
 * the trainee dispatched). Not posted for the autopilot. Exercise workflows wait on it: "the trainee sent fire within
 * three minutes".
 *
 * @param session   the control room's training session
 * @param incident  the control room's incident id
 * @param reference the call's reference when the incident came from a call, else null
 * @param kind      the incident's kind in capitals, e.g. {@code FIRE}, {@code EARTHQUAKE}, {@code VIOLENCE}
 * @param ward      the ward's id, e.g. {@code sumida}, or null when not known
 * @param unitId    the unit sent
 * @param unitType  the kind of unit sent
 * @param screen    where the trainee gave the order: {@link #CONTROL_ROOM} or {@link #CALL_CONSOLE}
 * @param at        when, in simulated time
 */
public record DispatchOrdered(SessionId session, String incident, String reference, String kind, String ward,
                              String unitId, ResponderType unitType, String screen, Instant at)
        implements DomainEvent {

    /** The order came from the control room's own screen. */
    public static final String CONTROL_ROOM = "control-room";
    /** The order came from a call the trainee dispatched at the call console. */
    public static final String CALL_CONSOLE = "call-console";

    public DispatchOrdered {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(unitType, "unitType");
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(at, "at");
    }
}
