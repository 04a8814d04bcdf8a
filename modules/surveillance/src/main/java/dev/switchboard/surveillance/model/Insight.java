package dev.switchboard.surveillance.model;

import java.util.List;
import java.util.Objects;

/**
 * Something the cameras show that a person should look at, found without a model, with its evidence.
 *
 * @param significance how unusual, 0..1 (for an anomaly: from its z-score against the baseline)
 * @param evidence     references of the events it rests on
 */
public record Insight(Kind kind, String title, String detail, double significance, List<String> evidence) {

    public Insight {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        evidence = List.copyOf(evidence);
    }

    /** The kinds of insight. */
    public enum Kind {
        CAMERA_ANOMALY("unusual activity on a camera"),
        WARD_ANOMALY("unusual activity in a ward"),
        NIGHT_LOITERING("loitering at night"),
        REPEATED_PLATE("same vehicle on several cameras"),
        REPEATED_PERSON("same person on several cameras"),
        INCIDENT_CLUSTER("events clustering around an open incident");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
