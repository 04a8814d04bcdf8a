package dev.switchboard.studio.model.factory;

import java.util.Objects;

/**
 * A value the factory read from the intent, with the words it came from, so a user sees why.
 *
 * @param value what was understood, e.g. "PostgreSQL" or "search"
 * @param words the words of the intent it came from, e.g. "store them in postgres"
 */
public record Evidence(String value, String words) {

    public Evidence {
        Objects.requireNonNull(value, "value");
        words = words == null ? "" : words;
    }
}
