package dev.switchboard.review.model;

import dev.switchboard.core.id.SessionId;
import java.time.Instant;
import java.util.Objects;

/**
 * The supervisor's overall verdict on a session.
 *
 * @param grade       null while not graded
 * @param updatedBy   display name of who last changed grade or comment; empty when nobody has
 * @param updatedAt   null when nobody has
 * @param signedOffBy display name, or null while not signed off
 */
public record Assessment(SessionId session, Grade grade, String comment, String updatedBy, Instant updatedAt,
                         String signedOffBy, Instant signedOffAt) {

    public Assessment {
        Objects.requireNonNull(session, "session");
        comment = comment == null ? "" : comment;
        updatedBy = updatedBy == null ? "" : updatedBy;
    }

    /** Nothing assessed yet. */
    public static Assessment none(SessionId session) {
        return new Assessment(session, null, "", "", null, null, null);
    }

    public boolean signedOff() {
        return signedOffAt != null;
    }
}
