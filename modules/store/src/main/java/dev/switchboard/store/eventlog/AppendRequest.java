package dev.switchboard.store.eventlog;

import dev.switchboard.core.id.SessionId;
import java.util.Objects;

/**
 * One event to append to a session's chain. The log assigns the sequence number, wall time and hashes.
 *
 * @param simTimeMillis the simulated time of the event, from the session's {@code SimClock}
 * @param type          what happened, dotted and past tense, e.g. {@code unit.dispatched}; 1-100 characters
 * @param payloadJson   the event's fields as JSON, e.g. from {@link EventLog#json(Object)}
 */
public record AppendRequest(SessionId session, long simTimeMillis, String type, String payloadJson) {

    /** The longest accepted {@link #type()}. */
    public static final int MAX_TYPE_LENGTH = 100;

    public AppendRequest {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadJson, "payloadJson");
        if (type.isBlank() || type.length() > MAX_TYPE_LENGTH) {
            throw new IllegalArgumentException("An event type is 1-" + MAX_TYPE_LENGTH
                    + " characters and not blank, was '" + type + "'");
        }
    }
}
