package dev.switchboard.studio.model.factory;

/** The seed's five code generators. */
public enum GeneratorKind {
    BACKEND("Backend"), FRONTEND("Frontend"), INFRASTRUCTURE("Infrastructure"), QA("Tests"),
    DOCUMENTATION("Documentation");

    private final String label;

    GeneratorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
