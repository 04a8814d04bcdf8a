package dev.switchboard.store;

import dev.switchboard.core.settings.SettingsStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Keeps the workstation's settings in the {@code setting} table. Thread-safe. */
public final class SqliteSettingsStore implements SettingsStore {

    private final Database db;
    private final Clock clock;

    public SqliteSettingsStore(Database db) {
        this(db, Clock.systemUTC());
    }

    /** A store that stamps each change with {@code clock}'s time. */
    public SqliteSettingsStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Map<String, String> loadAll() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT key, value FROM setting ORDER BY key")
                .reduceRows(new LinkedHashMap<String, String>(), (map, row) -> {
                    map.put(row.getColumn("key", String.class), row.getColumn("value", String.class));
                    return map;
                }));
    }

    @Override
    public void save(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO setting (key, value, updated_at) VALUES (:key, :value, :at)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""")
                .bind("key", key)
                .bind("value", value)
                .bind("at", clock.millis())
                .execute());
    }
}
