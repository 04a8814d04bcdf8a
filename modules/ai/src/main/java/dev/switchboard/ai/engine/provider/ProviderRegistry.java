package dev.switchboard.ai.engine.provider;

import dev.switchboard.ai.AiUse;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.settings.Setting;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured providers (table {@code ai_provider}) and which one answers each {@link AiUse}
 * (setting {@link AiUse#settingKey()}, value = provider name, absent or "offline" = offline). Reads are
 * served from memory, so the gateway can ask on every call; writes go to SQLite at once and then tell
 * the listeners. Names are unique ignoring case. Thread-safe.
 */
public final class ProviderRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);
    private static final Map<AiUse, Setting<String>> USE_SETTINGS = useSettings();

    private final Database db;
    private final Settings settings;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, ProviderConfig> byName;

    /** Loads the providers from {@code db}. */
    public ProviderRegistry(Database db, Settings settings, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.byName = load();
    }

    /** Every provider, by name. */
    public List<ProviderConfig> list() {
        return List.copyOf(byName.values());
    }

    public Optional<ProviderConfig> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /**
     * Stores a new provider.
     *
     * @throws InputException (field name) when a provider of that name exists
     */
    public synchronized void add(ProviderConfig config) {
        Objects.requireNonNull(config, "config");
        if (byName.containsKey(config.name())) {
            throw InputException.field("name", "a provider named '" + config.name() + "' already exists");
        }
        long now = clock.millis();
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO ai_provider (name, kind, base_url, model, api_key_ref, input_usd_per_mtok,
                            output_usd_per_mtok, timeout_ms, enabled, created_at, updated_at)
                        VALUES (:name, :kind, :baseUrl, :model, :keyRef, :inPrice, :outPrice, :timeoutMs, :enabled,
                            :now, :now)""")
                .bindMap(columns(config))
                .bind("now", now)
                .execute());
        LOG.info("Added AI provider {} ({}, {}, model {})", config.name(), config.kind(), config.baseUrl(),
                config.model());
        changed();
    }

    /**
     * Replaces the provider of the same name.
     *
     * @throws InputException (field name) when there is none
     */
    public synchronized void update(ProviderConfig config) {
        Objects.requireNonNull(config, "config");
        int rows = db.jdbi().withHandle(h -> h.createUpdate("""
                        UPDATE ai_provider SET kind = :kind, base_url = :baseUrl, model = :model, api_key_ref = :keyRef,
                            input_usd_per_mtok = :inPrice, output_usd_per_mtok = :outPrice, timeout_ms = :timeoutMs,
                            enabled = :enabled, updated_at = :now
                        WHERE name = :name""")
                .bindMap(columns(config))
                .bind("now", clock.millis())
                .execute());
        if (rows == 0) {
            throw InputException.field("name", "there is no provider named '" + config.name() + "'");
        }
        LOG.info("Updated AI provider {}", config.name());
        changed();
    }

    /**
     * Removes a provider; every use that pointed at it answers offline from now on.
     *
     * @return whether there was one
     */
    public synchronized boolean remove(String name) {
        Optional<ProviderConfig> existing = find(name);
        if (existing.isEmpty()) {
            return false;
        }
        String exact = existing.get().name();
        db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM ai_provider WHERE name = :name")
                .bind("name", exact)
                .execute());
        for (AiUse use : AiUse.values()) {
            if (assignment(use).filter(exact::equalsIgnoreCase).isPresent()) {
                settings.set(USE_SETTINGS.get(use), ProviderConfig.OFFLINE);
            }
        }
        LOG.info("Removed AI provider {}", exact);
        changed();
        return true;
    }

    /** The provider name chosen for {@code use}, or empty for offline. May name a removed provider. */
    public Optional<String> assignment(AiUse use) {
        String value = settings.get(USE_SETTINGS.get(use)).strip();
        return value.isEmpty() || value.equalsIgnoreCase(ProviderConfig.OFFLINE) ? Optional.empty()
                : Optional.of(value);
    }

    /**
     * Chooses the provider that answers {@code use}; empty or "offline" for the offline fallback.
     *
     * @throws InputException (field provider) when no provider has that name
     */
    public void assign(AiUse use, String providerName) {
        Objects.requireNonNull(use, "use");
        String value = providerName == null ? "" : providerName.strip();
        if (value.isEmpty() || value.equalsIgnoreCase(ProviderConfig.OFFLINE)) {
            settings.set(USE_SETTINGS.get(use), ProviderConfig.OFFLINE);
        } else {
            ProviderConfig config = find(value).orElseThrow(() -> InputException.field("provider",
                    "there is no provider named '" + value + "'"));
            settings.set(USE_SETTINGS.get(use), config.name());
        }
        changed();
    }

    /** The provider that answers {@code use}, enabled or not; empty when offline or it no longer exists. */
    public Optional<ProviderConfig> providerFor(AiUse use) {
        return assignment(use).flatMap(this::find);
    }

    /** Calls {@code listener} on the writing thread after each change of providers or assignments. */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void changed() {
        byName = load();
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    private Map<String, ProviderConfig> load() {
        List<ProviderConfig> rows = db.jdbi().withHandle(ProviderRegistry::readAll);
        Map<String, ProviderConfig> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ProviderConfig c : rows) {
            map.put(c.name(), c);
        }
        return Collections.unmodifiableMap(map);
    }

    private static List<ProviderConfig> readAll(Handle h) {
        List<ProviderConfig> out = new ArrayList<>();
        h.createQuery("""
                        SELECT name, kind, base_url, model, api_key_ref, input_usd_per_mtok, output_usd_per_mtok,
                            timeout_ms, enabled
                        FROM ai_provider ORDER BY name""")
                .map((rs, ctx) -> {
                    try {
                        return Optional.of(new ProviderConfig(rs.getString("name"),
                                ProviderKind.valueOf(rs.getString("kind")), rs.getString("base_url"),
                                rs.getString("model"), rs.getString("api_key_ref"), rs.getDouble("input_usd_per_mtok"),
                                rs.getDouble("output_usd_per_mtok"), Duration.ofMillis(rs.getLong("timeout_ms")),
                                rs.getInt("enabled") == 1));
                    } catch (InputException | IllegalArgumentException e) {
                        LOG.warn("Ignoring stored AI provider {}: {}", rs.getString("name"), e.getMessage());
                        return Optional.<ProviderConfig>empty();
                    }
                })
                .forEach(o -> o.ifPresent(out::add));
        return out;
    }

    private static Map<String, Object> columns(ProviderConfig c) {
        return Map.of("name", c.name(), "kind", c.kind().name(), "baseUrl", c.baseUrl(), "model", c.model(),
                "keyRef", c.apiKeyRef(), "inPrice", c.inputUsdPerMillionTokens(),
                "outPrice", c.outputUsdPerMillionTokens(), "timeoutMs", c.timeout().toMillis(),
                "enabled", c.enabled() ? 1 : 0);
    }

    private static Map<AiUse, Setting<String>> useSettings() {
        Map<AiUse, Setting<String>> map = new EnumMap<>(AiUse.class);
        for (AiUse use : AiUse.values()) {
            map.put(use, Setting.ofString(use.settingKey(), ProviderConfig.OFFLINE));
        }
        return map;
    }
}
