package dev.switchboard.studio.model.factory;

import java.util.List;
import java.util.Objects;

/**
 * What the factory understood from a sentence, each part with the words it came from.
 *
 * @param name a short name for the application, e.g. "Incident tracker"
 * @param entities the things the application keeps, e.g. Incident, Unit (at least one)
 * @param source "rules" or the model that read it, e.g. "llm · lab-vllm · llama-3.1-8b"
 * @param text the intent as typed
 */
public record Intent(IntentType type, Evidence typeWords, AppType app, Evidence appWords, String name,
                     List<Evidence> technologies, List<Evidence> features, List<Evidence> constraints,
                     List<Evidence> entities, String source, String text) {

    public Intent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(name, "name");
        technologies = List.copyOf(technologies);
        features = List.copyOf(features);
        constraints = List.copyOf(constraints);
        entities = List.copyOf(entities);
    }

    /** Whether a technology of that name (any case) was asked for. */
    public boolean wants(String technology) {
        return technologies.stream().anyMatch(t -> t.value().equalsIgnoreCase(technology));
    }
}
