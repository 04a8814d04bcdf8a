package dev.switchboard.studio.model.factory;

import java.util.List;

/** How much harm a breach would do, and the measures each level requires (each includes the ones below). */
public enum SecurityLevel {
    LOW("Low", List.of("input validation", "dependency updates")),
    MEDIUM("Medium", List.of("authentication", "HTTPS everywhere")),
    HIGH("High", List.of("role-based authorisation", "encryption at rest", "audit log of changes")),
    CRITICAL("Critical", List.of("multi-factor authentication", "penetration test before release",
            "separation of duties"));

    private final String label;
    private final List<String> own;

    SecurityLevel(String label, List<String> own) {
        this.label = label;
        this.own = own;
    }

    public String label() {
        return label;
    }

    /** The measures this level requires, including those of every lower level. */
    public List<String> requiredMeasures() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        for (SecurityLevel l : values()) {
            if (l.ordinal() <= ordinal()) {
                all.addAll(l.own);
            }
        }
        return List.copyOf(all);
    }
}
