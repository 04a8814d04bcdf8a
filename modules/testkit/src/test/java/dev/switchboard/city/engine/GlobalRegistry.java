package dev.switchboard.city.engine;

/** Architecture fixture: breaks NO_GLOBAL_SERVICE_LOCATORS. */
public final class GlobalRegistry {
    private static final GlobalRegistry INSTANCE = new GlobalRegistry();

    private GlobalRegistry() {
    }

    public static GlobalRegistry getInstance() {
        return INSTANCE;
    }
}
