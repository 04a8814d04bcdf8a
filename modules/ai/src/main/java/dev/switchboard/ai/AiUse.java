package dev.switchboard.ai;

/** What a model call is for; each use can be pointed at its own provider in Settings. */
public enum AiUse {
    /** The control room's dispatch coordinator. */
    COORDINATOR("Coordinator"),
    /** The simulated 911 caller. */
    CALLER("Caller"),
    /** Surveillance chat. */
    CHAT("Surveillance chat"),
    /** Studio generation and prediction panels. */
    STUDIO("Studio"),
    /** Anything else, e.g. {@code switchboard ai ask}. */
    GENERAL("General");

    private final String label;

    AiUse(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The settings key that names this use's provider, e.g. {@code ai.use.caller}. */
    public String settingKey() {
        return "ai.use." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
