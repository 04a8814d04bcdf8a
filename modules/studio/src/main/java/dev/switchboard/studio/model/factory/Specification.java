package dev.switchboard.studio.model.factory;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The functional, technical, API, database and UI/UX specification of an application, with the figures the
 * validation framework checks.
 *
 * @param complexity 1..10 is acceptable; computed from features, entities, technologies and the pattern, so it
 *                   may come out above 10
 * @param scalability 1..10, how far the design must scale (from the constraints)
 * @param services how many services the design has (1 for anything but microservices)
 * @param coverageTarget the test coverage the project must reach, percent
 * @param sections the text of each section, Markdown
 */
public record Specification(String title, double complexity, int scalability, SecurityLevel security,
                            List<String> securityMeasures, int services, int coverageTarget,
                            List<String> requirements, Map<Section, String> sections) {

    public Specification {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(security, "security");
        securityMeasures = List.copyOf(securityMeasures);
        requirements = List.copyOf(requirements);
        sections = Map.copyOf(sections);
    }

    /** The five sections of the seed's specification. */
    public enum Section {
        FUNCTIONAL("Functional"), TECHNICAL("Technical"), API("API"), DATABASE("Database"), UI_UX("UI/UX");

        private final String label;

        Section(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
