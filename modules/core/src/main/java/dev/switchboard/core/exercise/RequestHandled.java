package dev.switchboard.core.exercise;

import dev.switchboard.core.event.DomainEvent;
import java.util.Objects;

/**
 * Posted by the capability that took an exercise request ({@link CallRequested}, {@link CrisisRequested},
 * {@link IncidentRequested}): the training session it ran in, so Review shows it beside the exercise.
 *
 * @param sessionId the session the request became part of, or empty when none
 * @param accepted  false when the request was understood but cannot be carried out (say, an unknown scenario)
 * @param message   what happened, in words
 */
public record RequestHandled(String requestId, String sessionId, boolean accepted, String message)
        implements DomainEvent {

    public RequestHandled {
        Objects.requireNonNull(requestId, "requestId");
        sessionId = sessionId == null ? "" : sessionId;
        message = message == null ? "" : message;
    }
}
