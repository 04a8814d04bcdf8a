package dev.switchboard.ai.engine;

import static dev.switchboard.ai.engine.GatewayHarness.OFFLINE;
import static dev.switchboard.ai.engine.GatewayHarness.OFFLINE_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.ChatService;
import dev.switchboard.ai.Provenance;
import dev.switchboard.ai.engine.provider.ProviderKind;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayStreamTest {

    private static final String CHAT = "/v1/chat/completions";

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
        return ChatRequest.ask(AiUse.CHAT, "Answer about the cameras.", question);
    }

    @Test
    void streamsTokenByTokenWithUsage() throws Exception {
        server.on(CHAT, FakeLlm.openAiStream(List.of("A red ", "van ", "left ", "at 09:14."), 30, 7));
        h.openAi(AiUse.CHAT, server);
        GatewayHarness.Collector collector = new GatewayHarness.Collector();

        h.gateway.stream(ask("What left?"), OFFLINE, collector);
        ChatReply reply = collector.await();

        assertThat(collector.tokens).containsExactly("A red ", "van ", "left ", "at 09:14.");
        assertThat(reply.text()).isEqualTo("A red van left at 09:14.");
        assertThat(reply.provenance().source()).isEqualTo(Provenance.Source.ONLINE);
        assertThat(reply.provenance().tokensIn()).isEqualTo(30);
        assertThat(reply.provenance().tokensOut()).isEqualTo(7);
        assertThat(reply.provenance().estimatedCostUsd()).isPositive();
        assertThat(FakeLlm.JSON.readTree(server.last(CHAT).body()).path("stream").asBoolean()).isTrue();
    }

    @Test
    void aConnectionDroppedMidStreamFinishesWithTheOfflineText() throws Exception {
        List<String> chunks = FakeLlm.sseChunks(List.of("The van ", "turned "), 0, 0).subList(0, 2);
        try (DroppingSseServer dropping = new DroppingSseServer(chunks)) {
            h.provide(AiUse.CHAT, "flaky", ProviderKind.OPENAI_COMPATIBLE, dropping.url() + "/v1",
                    Duration.ofSeconds(5));
            GatewayHarness.Collector collector = new GatewayHarness.Collector();

            h.gateway.stream(ask("Where did it go?"), OFFLINE, collector);
            ChatReply reply = collector.await();

            assertThat(collector.tokens.subList(0, 2)).containsExactly("The van ", "turned ");
            assertThat(reply.text()).isEqualTo("The van turned \n" + OFFLINE_TEXT);
            assertThat(collector.text()).isEqualTo(reply.text());
            assertThat(reply.provenance().isOffline()).isTrue();
            assertThat(reply.provenance().note()).endsWith("mid-stream");
            assertThat(dropping.connections()).as("no retry after tokens went out").isEqualTo(1);
        }
    }

    @Test
    void aFailureBeforeTheFirstTokenIsRetried() throws Exception {
        server.on(CHAT, FakeLlm.status(503, "{}"), FakeLlm.openAiStream(List.of("Fine."), 3, 1));
        h.openAi(AiUse.CHAT, server);
        GatewayHarness.Collector collector = new GatewayHarness.Collector();

        h.gateway.stream(ask("Status?"), OFFLINE, collector);
        ChatReply reply = collector.await();

        assertThat(reply.text()).isEqualTo("Fine.");
        assertThat(reply.provenance().source()).isEqualTo(Provenance.Source.ONLINE);
        assertThat(server.hits(CHAT)).isEqualTo(2);
    }

    @Test
    void aStreamThatGoesQuietTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.on(CHAT, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(FakeLlm.sseChunks(List.of("Checking "), 0, 0).get(0).getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        h.provide(AiUse.CHAT, "quiet", ProviderKind.OPENAI_COMPATIBLE, server.url() + "/v1", Duration.ofMillis(300));
        GatewayHarness.Collector collector = new GatewayHarness.Collector();

        h.gateway.stream(ask("Anything?"), OFFLINE, collector);
        ChatReply reply = collector.await();
        release.countDown();

        assertThat(reply.text()).isEqualTo("Checking \n" + OFFLINE_TEXT);
        assertThat(reply.provenance().note()).isEqualTo("timeout mid-stream");
    }

    @Test
    void withNoProviderTheOfflineTextIsStreamed() throws Exception {
        GatewayHarness.Collector collector = new GatewayHarness.Collector();

        h.gateway.stream(ask("Hello?"), OFFLINE, collector);
        ChatReply reply = collector.await();

        assertThat(collector.tokens).hasSizeGreaterThan(1);
        assertThat(collector.text()).isEqualTo(OFFLINE_TEXT);
        assertThat(reply.text()).isEqualTo(OFFLINE_TEXT);
        assertThat(reply.provenance().note()).isEqualTo("no provider configured");
    }

    @Test
    void aRepeatedStreamComesFromTheCache() throws Exception {
        server.on(CHAT, FakeLlm.openAiStream(List.of("Two ", "units."), 3, 2));
        h.openAi(AiUse.CHAT, server);
        GatewayHarness.Collector first = new GatewayHarness.Collector();
        h.gateway.stream(ask("How many?"), OFFLINE, first);
        first.await();

        GatewayHarness.Collector second = new GatewayHarness.Collector();
        h.gateway.stream(ask("How many?"), OFFLINE, second);
        ChatReply cached = second.await();

        assertThat(cached.text()).isEqualTo("Two units.");
        assertThat(cached.provenance().source()).isEqualTo(Provenance.Source.CACHE);
        assertThat(server.hits(CHAT)).isEqualTo(1);
    }

    @Test
    void cancelEndsTheStreamWithACancellation() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstToken = new CountDownLatch(1);
        server.on(CHAT, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(FakeLlm.sseChunks(List.of("Hold "), 0, 0).get(0).getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        h.openAi(AiUse.CHAT, server);
        GatewayHarness.Collector collector = new GatewayHarness.Collector() {
            @Override
            public void onToken(String token) {
                super.onToken(token);
                firstToken.countDown();
            }
        };

        ChatService.StreamHandle handle = h.gateway.stream(ask("Wait"), OFFLINE, collector);
        assertThat(firstToken.await(10, TimeUnit.SECONDS)).isTrue();
        handle.cancel();

        assertThatThrownBy(collector::await).isInstanceOf(CancellationException.class);
        release.countDown();
        assertThat(collector.tokens).containsExactly("Hold ");
    }

    @Test
    void wordsSplitAfterWhitespaceAndJoinBack() {
        assertThat(StreamRun.words("Stay on  the line.\nOK")).containsExactly("Stay ", "on  ", "the ", "line.\n", "OK");
        assertThat(String.join("", StreamRun.words(" lead"))).isEqualTo(" lead");
        assertThat(StreamRun.remaining("Stay on", "Stay on the line.")).isEqualTo(" the line.");
        assertThat(StreamRun.remaining("", "All.")).isEqualTo("All.");
    }
}
