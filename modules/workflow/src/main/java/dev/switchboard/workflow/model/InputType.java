package dev.switchboard.workflow.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The types a workflow input may have; {@link #word()} is how the YAML names it. */
public enum InputType {
    STRING, NUMBER, BOOLEAN, ENUM, DURATION, WARD, SCENARIO;

    /** The name in YAML, e.g. {@code duration}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InputType> of(String word) {
        return Arrays.stream(values()).filter(t -> t.word().equals(word)).findFirst();
    }
}
