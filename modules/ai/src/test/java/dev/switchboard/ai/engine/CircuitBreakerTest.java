package dev.switchboard.ai.engine;

import static dev.switchboard.ai.engine.GatewayHarness.OFFLINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.Provenance;
import dev.switchboard.ai.engine.chat.GatewayPolicy;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CircuitBreakerTest {

    private static final String CHAT = "/v1/chat/completions";
    private static final Duration OPEN_WAIT = Duration.ofMillis(300);
    /** One try per call; the breaker opens when the last 3 attempts all failed. */
    private static final GatewayPolicy POLICY = GatewayHarness.POLICY
            .withRetry(new GatewayPolicy.Retry(1, Duration.ofMillis(5), 2.0, 0.5))
            .withBreaker(new GatewayPolicy.Breaker(3, 3, 100, OPEN_WAIT, 1));

    @TempDir
    Path tmp;

    private FakeLlm server;
    private GatewayHarness h;

    @BeforeEach
    void start() {
        server = FakeLlm.start();
        h = new GatewayHarness(tmp, POLICY);
        h.openAi(AiUse.COORDINATOR, server);
    }

    @AfterEach
    void stop() {
        h.close();
        server.close();
    }

    private ChatReply call(int i) {
        // Temperature 1 keeps the cache out of it.
        return h.gateway.chat(new ChatRequest(AiUse.COORDINATOR, "", java.util.List.of(
                dev.switchboard.ai.ChatMessage.user("plan " + i)), 1.0, 32, false), OFFLINE);
    }

    @Test
    void opensAfterRepeatedFailuresAndStopsCallingTheProvider() {
        server.on(CHAT, FakeLlm.status(500, "{}"));

        for (int i = 0; i < 3; i++) {
            assertThat(call(i).provenance().note()).isEqualTo("HTTP 500");
        }
        assertThat(server.hits(CHAT)).isEqualTo(3);
        assertThat(h.gateway.status().of(AiUse.COORDINATOR).breaker()).isEqualTo(AiStatus.BreakerState.OPEN);
        assertThat(h.gateway.status().online()).isFalse();

        for (int i = 3; i < 8; i++) {
            ChatReply reply = call(i);
            assertThat(reply.provenance().isOffline()).isTrue();
            assertThat(reply.provenance().note()).isEqualTo("circuit open");
        }
        assertThat(server.hits(CHAT)).as("an open circuit keeps calls off the wire").isEqualTo(3);
    }

    @Test
    void halfOpensAfterTheWaitAndASuccessClosesIt() throws Exception {
        server.on(CHAT, FakeLlm.status(500, "{}"), FakeLlm.status(500, "{}"), FakeLlm.status(500, "{}"),
                FakeLlm.openAi("Back.", 2, 1));
        for (int i = 0; i < 3; i++) {
            call(i);
        }
        assertThat(call(3).provenance().note()).isEqualTo("circuit open");

        Thread.sleep(OPEN_WAIT.toMillis() + 150);
        ChatReply probe = call(4);

        assertThat(probe.text()).isEqualTo("Back.");
        assertThat(probe.provenance().source()).isEqualTo(Provenance.Source.ONLINE);
        assertThat(h.gateway.status().of(AiUse.COORDINATOR).breaker()).isEqualTo(AiStatus.BreakerState.CLOSED);
        assertThat(call(5).provenance().source()).isEqualTo(Provenance.Source.ONLINE);
        assertThat(server.hits(CHAT)).isEqualTo(5);
    }

    @Test
    void aFailedProbeOpensItAgain() throws Exception {
        server.on(CHAT, FakeLlm.status(502, "{}"));
        for (int i = 0; i < 3; i++) {
            call(i);
        }
        Thread.sleep(OPEN_WAIT.toMillis() + 150);

        assertThat(call(3).provenance().note()).isEqualTo("HTTP 502");
        assertThat(call(4).provenance().note()).isEqualTo("circuit open");
        assertThat(server.hits(CHAT)).isEqualTo(4);
    }

    @Test
    void invalidRequestsDoNotOpenIt() {
        server.on(CHAT, FakeLlm.status(400, "{\"error\":{\"message\":\"context too long\"}}"));

        for (int i = 0; i < 6; i++) {
            assertThat(call(i).provenance().note()).isEqualTo("HTTP 400");
        }
        assertThat(server.hits(CHAT)).isEqualTo(6);
        assertThat(h.gateway.status().of(AiUse.COORDINATOR).breaker()).isEqualTo(AiStatus.BreakerState.CLOSED);
    }
}
