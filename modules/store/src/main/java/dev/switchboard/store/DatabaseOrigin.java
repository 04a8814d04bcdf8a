package dev.switchboard.store;

/** Where the choice of database in effect came from; the first of these that says anything wins. */
public enum DatabaseOrigin {
    /** {@code --database URL} on the command line. */
    COMMAND_LINE,
    /** {@code SWITCHBOARD_DATABASE} in the environment. */
    ENVIRONMENT,
    /** The seat's {@value DatabaseSetting#FILE_NAME}, saved in Settings. */
    SETTINGS_FILE,
    /** Nothing chosen: the seat's own database file. */
    DEFAULT;

    /**
     * Which source decides, given the {@code --database} value (or null), the environment's
     * {@code SWITCHBOARD_DATABASE} (or null) and whether a settings file names a server.
     */
    public static DatabaseOrigin of(String option, String environment, boolean savedServer) {
        if (option != null && !option.isBlank()) {
            return COMMAND_LINE;
        }
        if (environment != null && !environment.isBlank()) {
            return ENVIRONMENT;
        }
        return savedServer ? SETTINGS_FILE : DEFAULT;
    }

    /** Whether the command line or the environment decides, so a saved setting does not apply. */
    public boolean overridesSettings() {
        return this == COMMAND_LINE || this == ENVIRONMENT;
    }
}
