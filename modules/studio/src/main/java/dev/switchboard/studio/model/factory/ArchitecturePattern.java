package dev.switchboard.studio.model.factory;

/** The architecture patterns the factory can lay out. */
public enum ArchitecturePattern {
    MONOLITH("Monolith"),
    LAYERED("Layered (N-tier)"),
    CLEAN("Clean architecture"),
    HEXAGONAL("Hexagonal (ports and adapters)"),
    EVENT_DRIVEN("Event-driven"),
    MVC("Model-view-controller"),
    MICROSERVICES("Microservices"),
    SERVERLESS("Serverless functions");

    private final String label;

    ArchitecturePattern(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
