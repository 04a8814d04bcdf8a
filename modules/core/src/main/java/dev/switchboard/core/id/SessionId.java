package dev.switchboard.core.id;

import java.util.Objects;

/**
 * Identifies one chain of the event log: a training session, or a system chain such as the audit
 * trail ({@link #AUDIT}).
 */
public record SessionId(String value) {

    /** The chain that holds audit records. */
    public static final SessionId AUDIT = new SessionId("audit");

    public SessionId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64 || !value.chars().allMatch(SessionId::allowed)) {
            throw new IllegalArgumentException(
                    "A session id is 1-64 letters, digits, '-' or '_', was '" + value + "'");
        }
    }

    /** A new session id ordered by creation time. */
    public static SessionId random() {
        return new SessionId(Ids.next());
    }

    private static boolean allowed(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    @Override
    public String toString() {
        return value;
    }
}
