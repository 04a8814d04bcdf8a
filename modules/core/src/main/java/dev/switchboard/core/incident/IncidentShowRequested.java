package dev.switchboard.core.incident;

import dev.switchboard.core.event.DomainEvent;
import java.util.Objects;

/**
 * Posted by the call console when the trainee asks to see a dispatched call's incident on the control-room map;
 * the control room centres its map on the incident and highlights it.
 *
 * @param reference the {@link IncidentCreated#reference()} of the call's incident
 */
public record IncidentShowRequested(String reference) implements DomainEvent {

    public IncidentShowRequested {
        Objects.requireNonNull(reference, "reference");
    }
}
