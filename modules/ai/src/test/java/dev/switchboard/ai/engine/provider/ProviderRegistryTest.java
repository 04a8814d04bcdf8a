package dev.switchboard.ai.engine.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.TestDatabases;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.SqliteSettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistryTest {

    @TempDir
    Path tmp;

    private static final ProviderConfig LAB = new ProviderConfig("lab", ProviderKind.OPENAI_COMPATIBLE,
            "http://10.0.0.5:8000/v1", "llama", "env:LAB_KEY", 0.1, 0.2, Duration.ofSeconds(20), true);
    private static final ProviderConfig LOCAL = ProviderConfig.of("local", ProviderKind.OLLAMA,
            "http://localhost:11434", "llama3", "");

    @Test
    void keepsProvidersAndChoicesAcrossRestarts() {
        try (Database db = TestDatabases.open(DataDir.of(tmp))) {
            ProviderRegistry registry = registry(db);
            registry.add(LAB);
            registry.add(LOCAL);
            registry.assign(AiUse.CALLER, "LAB");
            registry.update(LAB.withEnabled(false).withPrices(1, 2));
        }
        try (Database db = TestDatabases.open(DataDir.of(tmp))) {
            ProviderRegistry registry = registry(db);
            assertThat(registry.list()).extracting(ProviderConfig::name).containsExactly("lab", "local");
            assertThat(registry.find("lab")).contains(LAB.withEnabled(false).withPrices(1, 2));
            assertThat(registry.assignment(AiUse.CALLER)).contains("lab");
            assertThat(registry.providerFor(AiUse.CALLER)).map(ProviderConfig::enabled).contains(false);
            assertThat(registry.assignment(AiUse.CHAT)).isEmpty();
        }
    }

    @Test
    void removingAProviderSendsItsUsesOffline() {
        try (Database db = TestDatabases.open(DataDir.of(tmp))) {
            Settings settings = new Settings(new SqliteSettingsStore(db));
            ProviderRegistry registry = new ProviderRegistry(db, settings, Clock.systemUTC());
            AtomicInteger changes = new AtomicInteger();
            registry.addListener(changes::incrementAndGet);
            registry.add(LAB);
            registry.assign(AiUse.COORDINATOR, "lab");

            assertThat(registry.remove("lab")).isTrue();
            assertThat(registry.remove("lab")).isFalse();

            assertThat(registry.list()).isEmpty();
            assertThat(registry.assignment(AiUse.COORDINATOR)).isEmpty();
            assertThat(settings.get(dev.switchboard.core.settings.Setting.ofString(AiUse.COORDINATOR.settingKey(),
                    ""))).isEqualTo("offline");
            assertThat(changes.get()).isEqualTo(3);
        }
    }

    @Test
    void refusesDuplicatesUnknownsAndMissingProviders() {
        try (Database db = TestDatabases.open(DataDir.of(tmp))) {
            ProviderRegistry registry = registry(db);
            registry.add(LAB);

            assertThatThrownBy(() -> registry.add(LAB.withEnabled(false)))
                    .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo("name"));
            assertThatThrownBy(() -> registry.update(LOCAL))
                    .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo("name"));
            assertThatThrownBy(() -> registry.assign(AiUse.CHAT, "nowhere"))
                    .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo("provider"));
            registry.assign(AiUse.CHAT, "offline");
            assertThat(registry.assignment(AiUse.CHAT)).isEmpty();
        }
    }

    private static ProviderRegistry registry(Database db) {
        return new ProviderRegistry(db, new Settings(new SqliteSettingsStore(db)), Clock.systemUTC());
    }
}
