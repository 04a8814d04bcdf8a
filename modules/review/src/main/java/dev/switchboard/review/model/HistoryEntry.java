package dev.switchboard.review.model;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import java.time.Instant;

/**
 * One change to a session's review, kept forever.
 *
 * @param field        {@code note:<id>}, {@code grade}, {@code comment} or {@code status}
 * @param oldValue     null when the thing was created
 * @param newValue     null when it was deleted
 * @param afterSignOff whether the session was already signed off when this changed
 */
public record HistoryEntry(long id, SessionId session, Instant at, UserId by, String byName, String field,
                           String oldValue, String newValue, boolean afterSignOff) {
}
