package dev.switchboard.core.id;

import java.util.Objects;

/** Identifies a local account; stable when the user name changes. */
public record UserId(String value) {

    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A user id cannot be blank");
        }
    }

    public static UserId random() {
        return new UserId(Ids.next());
    }

    @Override
    public String toString() {
        return value;
    }
}
