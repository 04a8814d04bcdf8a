package dev.switchboard.ai.engine;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatListener;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.OfflineResponder;
import dev.switchboard.ai.TestDatabases;
import dev.switchboard.ai.engine.chat.GatewayPolicy;
import dev.switchboard.ai.engine.provider.KeyringAccess;
import dev.switchboard.ai.engine.provider.ProviderConfig;
import dev.switchboard.ai.engine.provider.ProviderKind;
import dev.switchboard.ai.engine.provider.SecretResolver;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.SqliteSettingsStore;
import dev.switchboard.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A gateway over a fresh database in a temporary folder, with short test-friendly durations. */
final class GatewayHarness implements AutoCloseable {

    /** The key the fake environment holds under {@link #KEY_VAR}. */
    static final String KEY = "sk-test-7f3a9c2e41b8d6aa0e5f";
    static final String KEY_VAR = "SB_TEST_OPENAI_KEY";
    static final String OFFLINE_TEXT = "Stay on the line, help is being sent.";
    static final OfflineResponder OFFLINE = request -> OFFLINE_TEXT;

    /** 3 tries, backoff from 5 ms; the breaker opens only when 10 attempts in a row fail. */
    static final GatewayPolicy POLICY = GatewayPolicy.defaults()
            .withRetry(new GatewayPolicy.Retry(3, Duration.ofMillis(5), 2.0, 0.5))
            .withBreaker(new GatewayPolicy.Breaker(10, 10, 100, Duration.ofMillis(300), 1))
            .withRateLimit(new GatewayPolicy.RateLimit(1000, Duration.ofSeconds(1), Duration.ofMillis(100)));

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-14T09:00:00Z"), ZoneOffset.UTC);
    final Database db;
    final Settings settings;
    final AiGateway gateway;

    GatewayHarness(Path dir) {
        this(dir, POLICY);
    }

    GatewayHarness(Path dir, GatewayPolicy policy) {
        db = TestDatabases.open(DataDir.of(dir));
        settings = new Settings(new SqliteSettingsStore(db));
        gateway = new AiGateway(db, settings, clock, secrets(), policy);
    }

    static SecretResolver secrets() {
        Map<String, String> env = Map.of(KEY_VAR, KEY);
        return new SecretResolver(env::get, KeyringAccess.unavailable("no keyring in tests"));
    }

    /** Adds an enabled provider and points {@code use} at it. */
    ProviderConfig provide(AiUse use, String name, ProviderKind kind, String baseUrl, Duration timeout) {
        ProviderConfig config = new ProviderConfig(name, kind, baseUrl, "test-model", "env:" + KEY_VAR, 2.0, 8.0,
                timeout, true);
        gateway.providers().add(config);
        gateway.providers().assign(use, name);
        return config;
    }

    ProviderConfig openAi(AiUse use, FakeLlm server) {
        return provide(use, "lab", ProviderKind.OPENAI_COMPATIBLE, server.url() + "/v1", Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        gateway.close();
        db.close();
    }

    /** Collects a stream's tokens and its end. */
    static class Collector implements ChatListener {
        final List<String> tokens = new CopyOnWriteArrayList<>();
        final CompletableFuture<ChatReply> done = new CompletableFuture<>();

        @Override
        public void onToken(String token) {
            tokens.add(token);
        }

        @Override
        public void onComplete(ChatReply reply) {
            done.complete(reply);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        ChatReply await() throws Exception {
            return done.get(20, TimeUnit.SECONDS);
        }

        String text() {
            return String.join("", tokens);
        }
    }
}
