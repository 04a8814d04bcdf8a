package dev.switchboard.core.incident;

import dev.switchboard.core.event.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Posted by the control room once it has acted on an {@link IncidentCreated}: the units it sent, and the unit types
 * asked for that had nobody free. Those are sent as soon as one comes free (each then reported by
 * {@link ResponseUpdated}), so the call console can tell the call-taker what happened and what happens next.
 *
 * @param reference  the {@link IncidentCreated#reference()} answered
 * @param sentUnits  the units sent, by their call signs
 * @param waiting    one entry per asked unit with nobody free, by type
 * @param controlRoomNote what the control room did to take the call beyond sending units (e.g. it was paused and
 *                   now runs), in words; empty when nothing
 */
public record DispatchAnswered(String reference, List<String> sentUnits, List<ResponderType> waiting,
                               String controlRoomNote, Instant at) implements DomainEvent {

    public DispatchAnswered {
        Objects.requireNonNull(reference, "reference");
        sentUnits = List.copyOf(sentUnits);
        waiting = List.copyOf(waiting);
        controlRoomNote = controlRoomNote == null ? "" : controlRoomNote;
        Objects.requireNonNull(at, "at");
    }
}
