package dev.switchboard.surveillance.engine;

import dev.switchboard.surveillance.model.Intent;
import java.util.Objects;

/** An intent with its confidence and the entities of the question; from the rules or a model. */
public record Interpretation(Intent intent, double confidence, Entities entities, String source) {

    public Interpretation {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(entities, "entities");
        Objects.requireNonNull(source, "source");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
    }
}
