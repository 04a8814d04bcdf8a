package dev.switchboard.ai.engine;

import dev.switchboard.ai.engine.provider.ProviderConfig;

import static dev.switchboard.ai.engine.FakeLlm.delayed;
import static dev.switchboard.ai.engine.FakeLlm.openAi;
import static dev.switchboard.ai.engine.FakeLlm.status;
import static dev.switchboard.ai.engine.GatewayHarness.OFFLINE;
import static dev.switchboard.ai.engine.GatewayHarness.OFFLINE_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatMessage;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.Provenance;
import dev.switchboard.ai.engine.chat.TokenCount;
import dev.switchboard.ai.engine.chat.UsageRow;
import dev.switchboard.ai.engine.provider.ProviderKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayChatTest {

    private static final String CHAT = "/v1/chat/completions";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

    @TempDir
    Path tmp;

    private FakeLlm server;
    private GatewayHarness h;

    @BeforeEach
    void start() {
        server = FakeLlm.start();
        h = new GatewayHarness(tmp);
    }

    @AfterEach
    void stop() {
        h.close();
        server.close();
    }

    private static ChatRequest ask(String question) {
        return ChatRequest.ask(AiUse.CALLER, "You are a 911 caller.", question);
    }

    @Test
    void answersOnlineWithTokensCostAndProvenance() throws Exception {
        server.on(CHAT, openAi("There is smoke on the third floor.", 1000, 500));
        h.openAi(AiUse.CALLER, server);

        ChatRequest request = new ChatRequest(AiUse.CALLER, "You are a caller.",
                List.of(ChatMessage.user("What do you see?"), ChatMessage.assistant("Smoke."),
                        ChatMessage.user("Where?")), 0.3, 64, true);
        ChatReply reply = h.gateway.chat(request, OFFLINE);

        assertThat(reply.text()).isEqualTo("There is smoke on the third floor.");
        Provenance p = reply.provenance();
        assertThat(p.source()).isEqualTo(Provenance.Source.ONLINE);
        assertThat(p.provider()).isEqualTo("lab");
        assertThat(p.model()).isEqualTo("test-model");
        assertThat(p.tokensIn()).isEqualTo(1000);
        assertThat(p.tokensOut()).isEqualTo(500);
        // 1000 × $2/M + 500 × $8/M
        assertThat(p.estimatedCostUsd()).isCloseTo(0.006, within(1e-12));
        assertThat(p.note()).isEmpty();
        assertThat(p.label()).startsWith("online · lab · test-model · ");

        FakeLlm.Recorded sent = server.last(CHAT);
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + GatewayHarness.KEY);
        JsonNode body = FakeLlm.JSON.readTree(sent.body());
        assertThat(body.path("model").asText()).isEqualTo("test-model");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("messages")).hasSize(4);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(2).path("role").asText()).isEqualTo("assistant");
    }

    @Test
    void estimatesTokensWhenTheProviderReportsNone() {
        server.on(CHAT, FakeLlm.openAiWithoutUsage("Twelve chars"));
        h.openAi(AiUse.CALLER, server);

        Provenance p = h.gateway.chat(ask("Hello?"), OFFLINE).provenance();

        assertThat(p.isOffline()).isFalse();
        assertThat(p.tokensOut()).isEqualTo(3);
        assertThat(p.tokensIn()).isEqualTo(TokenCount.estimateInput(ask("Hello?")));
        assertThat(p.note()).isEqualTo(TokenCount.ESTIMATED_NOTE);
    }

    @Test
    void speaksNativeOllamaWithJsonFormat() throws Exception {
        server.on("/api/chat", FakeLlm.ollama("{\"units\":2}", 20, 6));
        h.provide(AiUse.COORDINATOR, "local-ollama", ProviderKind.OLLAMA, server.url(), Duration.ofSeconds(5));

        ChatReply reply = h.gateway.chat(new ChatRequest(AiUse.COORDINATOR, "Plan.",
                List.of(ChatMessage.user("How many units?")), 0, 50, true), OFFLINE);

        assertThat(reply.text()).isEqualTo("{\"units\":2}");
        assertThat(reply.provenance().provider()).isEqualTo("local-ollama");
        assertThat(reply.provenance().tokensIn()).isEqualTo(20);
        assertThat(reply.provenance().tokensOut()).isEqualTo(6);
        JsonNode body = FakeLlm.JSON.readTree(server.last("/api/chat").body());
        assertThat(body.path("format").asText()).isEqualTo("json");
        assertThat(body.path("stream").asBoolean()).isFalse();
    }

    @Test
    void speaksAnthropicAndIgnoresJsonMode() throws Exception {
        server.on("/v1/messages", FakeLlm.anthropic("Engine 3 is closest.", 15, 4));
        h.provide(AiUse.STUDIO, "claude", ProviderKind.ANTHROPIC, server.url() + "/v1", Duration.ofSeconds(5));

        ChatReply reply = h.gateway.chat(new ChatRequest(AiUse.STUDIO, "Be brief.",
                List.of(ChatMessage.user("Which engine?")), 0, 50, true), OFFLINE);

        assertThat(reply.text()).isEqualTo("Engine 3 is closest.");
        assertThat(reply.provenance().tokensIn()).isEqualTo(15);
        assertThat(reply.provenance().tokensOut()).isEqualTo(4);
        FakeLlm.Recorded sent = server.last("/v1/messages");
        assertThat(sent.header("x-api-key")).isEqualTo(GatewayHarness.KEY);
        JsonNode body = FakeLlm.JSON.readTree(sent.body());
        assertThat(body.path("max_tokens").asInt()).isEqualTo(50);
        assertThat(body.has("response_format")).isFalse();
    }

    @Test
    void withNoProviderTheOfflineResponderAnswers() {
        ChatReply reply = h.gateway.chat(ask("Hello?"), OFFLINE);

        assertThat(reply.text()).isEqualTo(OFFLINE_TEXT);
        assertThat(reply.provenance().isOffline()).isTrue();
        assertThat(reply.provenance().note()).isEqualTo("no provider configured");
        assertThat(reply.provenance().model()).isEqualTo(AiGateway.FALLBACK_KIND);
        assertThat(reply.provenance().label()).startsWith("offline · fallback");
    }

    @Test
    void aDisabledProviderCountsAsNone() {
        server.on(CHAT, openAi("online", 1, 1));
        h.gateway.providers().update(h.openAi(AiUse.CALLER, server).withEnabled(false));

        ChatReply reply = h.gateway.chat(ask("Hello?"), OFFLINE);

        assertThat(reply.provenance().note()).startsWith("no provider configured").contains("lab is disabled");
        assertThat(server.hits(CHAT)).isZero();
    }

    @Test
    void aSlowProviderTimesOutIntoTheFallback() {
        server.on(CHAT, delayed(Duration.ofSeconds(3), openAi("too late", 1, 1)));
        h.provide(AiUse.CALLER, "slow", ProviderKind.OPENAI_COMPATIBLE, server.url() + "/v1", Duration.ofMillis(200));

        ChatReply reply = h.gateway.chat(ask("Hello?"), OFFLINE);

        assertThat(reply.text()).isEqualTo(OFFLINE_TEXT);
        assertThat(reply.provenance().isOffline()).isTrue();
        assertThat(reply.provenance().note()).startsWith("timeout");
    }

    @Test
    void retriesA429WithBackoffThenSucceeds() {
        server.on(CHAT, status(429, "{\"error\":{\"message\":\"slow down\"}}"), openAi("Second time lucky.", 5, 4));
        h.openAi(AiUse.CALLER, server);

        ChatReply reply = h.gateway.chat(ask("Hello?"), OFFLINE);

        assertThat(reply.text()).isEqualTo("Second time lucky.");
        assertThat(reply.provenance().source()).isEqualTo(Provenance.Source.ONLINE);
        assertThat(server.hits(CHAT)).isEqualTo(2);
        UsageRow row = h.gateway.usage().query(DAY, DAY).get(0);
        assertThat(row.calls()).isEqualTo(1);
        assertThat(row.failures()).as("the 429 attempt").isEqualTo(1);
        assertThat(row.fallbacks()).isZero();
    }

    @Test
    void repeated500sEndInTheFallbackAfterEveryTry() {
        server.on(CHAT, status(500, "{\"error\":{\"message\":\"boom\"}}"));
        h.openAi(AiUse.CALLER, server);

        ChatReply reply = h.gateway.chat(ask("Hello?"), OFFLINE);

        assertThat(reply.text()).isEqualTo(OFFLINE_TEXT);
        assertThat(reply.provenance().note()).isEqualTo("HTTP 500 after 3 tries");
        assertThat(server.hits(CHAT)).isEqualTo(3);
    }

    @Test
    void anAuthenticationErrorIsNotRetried() {
        server.on(CHAT, status(401, "{\"error\":{\"message\":\"bad key\"}}"));
        h.openAi(AiUse.CALLER, server);

        ChatReply reply = h.gateway.chat(ask("Hello?"), OFFLINE);

        assertThat(reply.provenance().note())
                .isEqualTo("unauthorised (HTTP 401): check the API key (env var " + GatewayHarness.KEY_VAR + ")");
        assertThat(server.hits(CHAT)).isEqualTo(1);
    }

    @Test
    void malformedJsonFallsBack() {
        server.on(CHAT, status(200, "{\"choices\": [ {\"message\": "));
        h.openAi(AiUse.CALLER, server);

        ChatReply reply = h.gateway.chat(ask("Hello?"), OFFLINE);

        assertThat(reply.text()).isEqualTo(OFFLINE_TEXT);
        assertThat(reply.provenance().note()).isEqualTo("malformed response");
        assertThat(server.hits(CHAT)).as("not retried").isEqualTo(1);
    }

    @Test
    void aRefusedConnectionFallsBack() {
        int port;
        try (FakeLlm gone = FakeLlm.start()) {
            port = Integer.parseInt(gone.url().substring(gone.url().lastIndexOf(':') + 1));
        }
        h.provide(AiUse.CALLER, "gone", ProviderKind.OPENAI_COMPATIBLE, "http://127.0.0.1:" + port + "/v1",
                Duration.ofSeconds(2));

        ChatReply reply = h.gateway.chat(ask("Hello?"), OFFLINE);

        assertThat(reply.provenance().note()).isEqualTo("connection refused after 3 tries");
    }

    @Test
    void aRepeatedRequestComesFromTheCache() {
        server.on(CHAT, openAi("Cached answer.", 10, 3));
        h.openAi(AiUse.CALLER, server);

        ChatReply first = h.gateway.chat(ask("Same question"), OFFLINE);
        ChatReply second = h.gateway.chat(ask("Same question"), OFFLINE);

        assertThat(first.provenance().source()).isEqualTo(Provenance.Source.ONLINE);
        assertThat(second.text()).isEqualTo("Cached answer.");
        assertThat(second.provenance().source()).isEqualTo(Provenance.Source.CACHE);
        assertThat(second.provenance().estimatedCostUsd()).isZero();
        assertThat(server.hits(CHAT)).isEqualTo(1);

        h.gateway.chat(ask("Another question"), OFFLINE);
        assertThat(server.hits(CHAT)).as("a different request misses").isEqualTo(2);
    }

    @Test
    void theCacheExpiresAfterItsTtl() {
        server.on(CHAT, openAi("Answer.", 10, 3));
        h.openAi(AiUse.CALLER, server);

        h.gateway.chat(ask("Same question"), OFFLINE);
        h.clock.advance(Duration.ofHours(25));
        ChatReply later = h.gateway.chat(ask("Same question"), OFFLINE);

        assertThat(later.provenance().source()).isEqualTo(Provenance.Source.ONLINE);
        assertThat(server.hits(CHAT)).isEqualTo(2);
    }

    @Test
    void hotRequestsAreNeverCached() {
        server.on(CHAT, openAi("Varied answer.", 10, 3));
        h.openAi(AiUse.CALLER, server);
        ChatRequest hot = new ChatRequest(AiUse.CALLER, "", List.of(ChatMessage.user("Improvise")), 0.9, 64, false);

        h.gateway.chat(hot, OFFLINE);
        ChatReply again = h.gateway.chat(hot, OFFLINE);

        assertThat(again.provenance().source()).isEqualTo(Provenance.Source.ONLINE);
        assertThat(server.hits(CHAT)).isEqualTo(2);
    }

    @Test
    void failedAnswersAreNotCached() {
        server.on(CHAT, status(500, "{}"), status(500, "{}"), status(500, "{}"), openAi("Recovered.", 1, 1));
        h.openAi(AiUse.CALLER, server);

        assertThat(h.gateway.chat(ask("Q"), OFFLINE).provenance().isOffline()).isTrue();
        ChatReply next = h.gateway.chat(ask("Q"), OFFLINE);

        assertThat(next.text()).isEqualTo("Recovered.");
        assertThat(next.provenance().source()).isEqualTo(Provenance.Source.ONLINE);
    }

    @Test
    void theLedgerCountsCallsTokensCostFailuresAndFallbacks() {
        server.on(CHAT, openAi("One.", 1000, 100));
        h.openAi(AiUse.CALLER, server);

        h.gateway.chat(ask("first"), OFFLINE);
        h.gateway.chat(ask("second"), OFFLINE);
        h.gateway.chat(ask("first"), OFFLINE);
        h.gateway.chat(ChatRequest.ask(AiUse.CHAT, "", "no provider for chat"), OFFLINE);
        server.on(CHAT, status(503, "{}"));
        h.gateway.chat(ask("third"), OFFLINE);

        List<UsageRow> rows = h.gateway.usage().query(DAY, DAY);
        assertThat(rows).hasSize(2);
        UsageRow lab = rows.stream().filter(r -> r.provider().equals("lab")).findFirst().orElseThrow();
        assertThat(lab.day()).isEqualTo(DAY);
        assertThat(lab.use()).isEqualTo(AiUse.CALLER);
        assertThat(lab.model()).isEqualTo("test-model");
        assertThat(lab.calls()).isEqualTo(4);
        assertThat(lab.cacheHits()).isEqualTo(1);
        assertThat(lab.tokensIn()).isEqualTo(2000);
        assertThat(lab.tokensOut()).isEqualTo(200);
        assertThat(lab.costUsd()).isCloseTo(2 * (1000 * 2.0 + 100 * 8.0) / 1e6, within(1e-12));
        assertThat(lab.failures()).isEqualTo(3);
        assertThat(lab.fallbacks()).isEqualTo(1);
        UsageRow offline = rows.stream().filter(r -> r.provider().equals("offline")).findFirst().orElseThrow();
        assertThat(offline.use()).isEqualTo(AiUse.CHAT);
        assertThat(offline.calls()).isEqualTo(1);
        assertThat(offline.fallbacks()).isEqualTo(1);

        assertThat(h.gateway.usage().query(DAY.plusDays(1), DAY.plusDays(2))).isEmpty();
    }

    @Test
    void statusShowsEachUsesProviderAndLastCall() {
        server.on(CHAT, openAi("Fine.", 1, 1));
        h.openAi(AiUse.CALLER, server);

        AiStatus before = h.gateway.status();
        assertThat(before.online()).isTrue();
        assertThat(before.of(AiUse.CALLER).provider()).isEqualTo("lab");
        assertThat(before.of(AiUse.CALLER).breaker()).isEqualTo(AiStatus.BreakerState.CLOSED);
        assertThat(before.of(AiUse.CHAT).provider()).isEqualTo("offline");
        assertThat(before.of(AiUse.CHAT).breaker()).isEqualTo(AiStatus.BreakerState.NONE);
        assertThat(before.of(AiUse.CALLER).lastCall()).isEmpty();

        h.gateway.chat(ask("Q"), OFFLINE);

        AiStatus after = h.gateway.status();
        assertThat(after.of(AiUse.CALLER).lastCall()).hasValueSatisfying(
                p -> assertThat(p.source()).isEqualTo(Provenance.Source.ONLINE));
        assertThat(after.summary()).contains("AI online").contains("lab");

        h.gateway.providers().assign(AiUse.CALLER, "offline");
        assertThat(h.gateway.status().online()).isFalse();
    }

    @Test
    void aUseWhoseProviderKeyIsMissingIsNotCountedOnline() {
        h.gateway.providers().add(ProviderConfig.of("nokey", ProviderKind.OPENAI_COMPATIBLE,
                "http://127.0.0.1:9/v1", "m", "env:SWITCHBOARD_UNSET_FOR_TEST"));
        h.gateway.providers().assign(AiUse.CALLER, "nokey");

        AiStatus status = h.gateway.status();
        assertThat(status.of(AiUse.CALLER).provider()).isEqualTo("nokey");
        assertThat(status.of(AiUse.CALLER).usable()).isFalse();
        assertThat(status.online()).isFalse();
        assertThat(h.gateway.chat(ask("Q"), OFFLINE).provenance().isOffline()).isTrue();
    }
}
