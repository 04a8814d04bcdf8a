package dev.switchboard.store.session;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One training session as listed on the Home screen.
 *
 * @param kind    which workspace ran it, e.g. {@code call} or {@code control-room}
 * @param status  e.g. {@code running}, {@code finished}, {@code abandoned}
 * @param endedAt null while the session runs
 * @param score   0-100, or null when not scored (yet)
 */
public record SessionSummary(SessionId id, UserId trainee, String traineeName, String kind, String title,
                             Instant startedAt, Instant endedAt, String status, Double score) {

    public SessionSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trainee, "trainee");
        Objects.requireNonNull(traineeName, "traineeName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
    }
}
