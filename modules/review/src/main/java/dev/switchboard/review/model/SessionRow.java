package dev.switchboard.review.model;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the session list.
 *
 * @param kind       {@code call} or {@code control-room} (whatever the workspace that ran it wrote)
 * @param title      the scenario's title
 * @param durationMs null while the session runs
 * @param score      0..100, or null when not scored
 * @param grade      the supervisor's grade, or null
 */
public record SessionRow(SessionId id, UserId trainee, String traineeName, String kind, String title,
                         Instant startedAt, Long durationMs, Double score, ReviewStatus status, Grade grade) {

    public SessionRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trainee, "trainee");
        Objects.requireNonNull(traineeName, "traineeName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
    }

    /** Whether this is a recorded call (with audio and transcript) rather than a control-room exercise. */
    public boolean isCall() {
        return "call".equals(kind);
    }
}
