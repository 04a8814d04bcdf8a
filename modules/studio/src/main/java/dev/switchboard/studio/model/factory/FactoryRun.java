package dev.switchboard.studio.model.factory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One run of the application factory, kept so it can be reopened, compared and run again.
 *
 * @param stack e.g. {@code java-maven}
 * @param mode "rules" or "llm"
 * @param folder where its files are
 */
public record FactoryRun(String id, String intentText, String stack, String mode, String createdBy,
                         Instant createdAt, Intent intent, Specification specification, List<Violation> violations,
                         Architecture architecture, List<GeneratorReport> generators, Path folder) {

    public FactoryRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(intent, "intent");
        violations = List.copyOf(violations);
        generators = List.copyOf(generators);
    }

    /** Every file written, relative to {@link #folder()}. */
    public List<String> files() {
        return generators.stream().flatMap(g -> g.files().stream()).distinct().sorted().toList();
    }
}
