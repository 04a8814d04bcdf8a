package dev.switchboard.ai.engine;

import static dev.switchboard.ai.engine.GatewayHarness.KEY;
import static dev.switchboard.ai.engine.GatewayHarness.OFFLINE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.engine.provider.ConnectionTest;
import dev.switchboard.ai.engine.provider.ProviderConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The API key reaches the provider and nothing else: not the database, the logs or any answer. */
class KeysNeverLeakTest {

    private static final String CHAT = "/v1/chat/completions";

    @TempDir
    Path tmp;

    @Test
    void theKeyReachesTheProviderButNeverTheDatabaseOrTheLogs() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        Appender<ILoggingEvent> console = root.getAppender("STDERR");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        if (console != null) {
            root.detachAppender(console);
        }
        root.setLevel(Level.TRACE);
        List<String> seen = new ArrayList<>();
        try (FakeLlm server = FakeLlm.start()) {
            // The provider answers once, then refuses the key and echoes it, as OpenAI does.
            String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}";
            server.on(CHAT, FakeLlm.openAi("Copy that.", 5, 2), FakeLlm.status(401, echo));
            server.on("/v1/models", FakeLlm.status(401, echo));
            Path db;
            try (GatewayHarness h = new GatewayHarness(tmp)) {
                ProviderConfig config = h.openAi(AiUse.CALLER, server);
                ChatReply ok = h.gateway.chat(ChatRequest.ask(AiUse.CALLER, "", "one"), OFFLINE);
                ChatReply refused = h.gateway.chat(ChatRequest.ask(AiUse.CALLER, "", "two"), OFFLINE);
                GatewayHarness.Collector streamed = new GatewayHarness.Collector();
                h.gateway.stream(ChatRequest.ask(AiUse.CALLER, "", "three"), OFFLINE, streamed);
                ChatReply streamedReply = streamed.await();
                ConnectionTest.TestResult test = h.gateway.connectionTest().test(config);

                assertThat(server.last(CHAT).header("Authorization")).isEqualTo("Bearer " + KEY);
                assertThat(ok.provenance().isOffline()).isFalse();
                assertThat(refused.provenance().note()).startsWith("unauthorised (HTTP 401)");
                assertThat(test.ok()).isFalse();
                assertThat(test.message()).contains("env var " + GatewayHarness.KEY_VAR);
                seen.addAll(List.of(ok.toString(), refused.toString(), streamedReply.toString(), test.toString(),
                        config.toString(), h.gateway.status().summary(), h.gateway.providers().list().toString(),
                        GatewayHarness.secrets().toString()));
                h.gateway.channelsForTest().forEach(ch -> seen.add(ch.toString()));
                h.gateway.usage().flush();
                h.gateway.cache().flush();
                seen.addAll(everyTextCell(h));
                db = h.db.file();
            }
            assertThat(logs.list).isNotEmpty();
            for (ILoggingEvent event : logs.list) {
                seen.add(event.getLoggerName() + " [" + event.getThreadName() + "]: " + event.getFormattedMessage());
                for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    seen.add(event.getLoggerName() + " [" + event.getThreadName() + "] threw " + t.getClassName()
                            + ": " + t.getMessage());
                }
            }
            for (String text : seen) {
                assertThat(text).doesNotContain(KEY);
            }
            for (Path file : List.of(db, db.resolveSibling(db.getFileName() + "-wal"))) {
                if (Files.exists(file)) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                            .as(file.toString()).doesNotContain(KEY);
                }
            }
        } finally {
            root.detachAppender(logs);
            if (console != null) {
                root.addAppender(console);
            }
            root.setLevel(before);
        }
    }

    private static List<String> everyTextCell(GatewayHarness h) {
        return h.db.jdbi().withHandle(handle -> {
            List<String> cells = new ArrayList<>();
            List<String> tables = handle.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'")
                    .mapTo(String.class).list();
            for (String table : tables) {
                for (Map<String, Object> row : handle.createQuery("SELECT * FROM \"" + table + "\"").mapToMap()) {
                    row.values().forEach(v -> cells.add(v instanceof byte[] b
                            ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(v)));
                }
            }
            assertThat(tables).contains("ai_provider", "ai_cache", "ai_usage", "setting");
            return cells;
        });
    }
}
