package dev.switchboard.core.settings;

import java.util.Map;

/** Where settings are kept between runs; the store module keeps them in SQLite. */
public interface SettingsStore {

    /** Every stored key with its text value. */
    Map<String, String> loadAll();

    /** Stores {@code value} under {@code key}, replacing what was there. */
    void save(String key, String value);

    /** A store that keeps values in memory only, for tests and for the CLI before a database exists. */
    static SettingsStore inMemory() {
        Map<String, String> values = new java.util.concurrent.ConcurrentHashMap<>();
        return new SettingsStore() {
            @Override
            public Map<String, String> loadAll() {
                return Map.copyOf(values);
            }

            @Override
            public void save(String key, String value) {
                values.put(key, value);
            }
        };
    }
}
