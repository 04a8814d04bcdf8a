package dev.switchboard.store;

import dev.switchboard.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSettingsStoreTest {

    @TempDir
    Path tmp;

    @Test
    void savesReplacesAndLoadsEveryKey() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);
        try (Database db = Database.open(DataDir.of(tmp))) {
            SettingsStore store = new SqliteSettingsStore(db, clock);
            store.save("ui.theme", "light");
            store.save("ai.endpoint", "http://localhost:11434/v1");
            store.save("ui.theme", "dark");

            assertThat(store.loadAll()).containsOnly(
                    org.assertj.core.api.Assertions.entry("ui.theme", "dark"),
                    org.assertj.core.api.Assertions.entry("ai.endpoint", "http://localhost:11434/v1"));
            long updatedAt = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT updated_at FROM setting WHERE key = 'ui.theme'").mapTo(Long.class).one());
            assertThat(updatedAt).isEqualTo(clock.millis());
        }
        try (Database db = Database.open(DataDir.of(tmp))) {
            assertThat(new SqliteSettingsStore(db).loadAll()).containsEntry("ui.theme", "dark").hasSize(2);
        }
    }
}
