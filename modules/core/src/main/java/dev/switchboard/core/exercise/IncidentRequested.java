package dev.switchboard.core.exercise;

import dev.switchboard.core.event.DomainEvent;
import java.util.Objects;

/**
 * Posted by an exercise workflow to inject an incident into the running control room; it answers with
 * {@link RequestHandled}.
 *
 * @param kind     what happened, in words the control room knows (fire, violence, weapon, accident, earthquake,
 *                 medical)
 * @param ward     the ward's id (e.g. {@code shibuya}); the incident is placed at its centre
 * @param priority 1 (highest) to 5
 */
public record IncidentRequested(String requestId, String runId, String kind, String ward, int priority, String title)
        implements DomainEvent {

    public IncidentRequested {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ward, "ward");
        title = title == null ? "" : title;
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("priority must be 1..5, was " + priority);
        }
    }
}
