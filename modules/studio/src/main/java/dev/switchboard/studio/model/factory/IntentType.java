package dev.switchboard.studio.model.factory;

/** What the user wants done. */
public enum IntentType {
    CREATE_APPLICATION("Create an application"),
    ADD_FEATURE("Add a feature"),
    GENERATE_COMPONENT("Generate a component"),
    GENERATE_TESTS("Generate tests"),
    GENERATE_DOCUMENTATION("Write documentation"),
    REFACTOR("Restructure existing code");

    private final String label;

    IntentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
