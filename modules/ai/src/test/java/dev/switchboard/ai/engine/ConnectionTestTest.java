package dev.switchboard.ai.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ai.engine.provider.ConnectionTest;
import dev.switchboard.ai.engine.provider.ProviderConfig;
import dev.switchboard.ai.engine.provider.ProviderKind;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionTestTest {

    private FakeLlm server;
    private final ConnectionTest test = new ConnectionTest(GatewayHarness.secrets());

    @BeforeEach
    void start() {
        server = FakeLlm.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ProviderConfig config(ProviderKind kind, String baseUrl, String keyRef) {
        return new ProviderConfig("under-test", kind, baseUrl, "test-model", keyRef, 0, 0, Duration.ofSeconds(3),
                true);
    }

    @Test
    void listsOpenAiModelsAndFetchesASample() {
        server.on("/v1/models", FakeLlm.models("test-model", "other-model"));
        server.on("/v1/chat/completions", FakeLlm.openAi("I can read this.", 12, 5));

        ConnectionTest.TestResult result = test.test(config(ProviderKind.OPENAI_COMPATIBLE, server.url() + "/v1",
                "env:" + GatewayHarness.KEY_VAR));

        assertThat(result.ok()).isTrue();
        assertThat(result.models()).containsExactly("test-model", "other-model");
        assertThat(result.sampleAnswer()).isEqualTo("I can read this.");
        assertThat(result.latency()).isPositive();
        assertThat(result.message()).startsWith("answered in ");
        assertThat(server.last("/v1/models").header("Authorization")).isEqualTo("Bearer " + GatewayHarness.KEY);
    }

    @Test
    void listsOllamaTags() {
        server.on("/api/tags", FakeLlm.ollamaTags("llama3:8b", "test-model"));
        server.on("/api/chat", FakeLlm.ollama("Yes.", 10, 2));

        ConnectionTest.TestResult result = test.test(config(ProviderKind.OLLAMA, server.url(), ""));

        assertThat(result.ok()).isTrue();
        assertThat(result.models()).containsExactly("llama3:8b", "test-model");
        assertThat(result.sampleAnswer()).isEqualTo("Yes.");
    }

    @Test
    void listsAnthropicModelsWithItsHeaders() {
        server.on("/v1/models", FakeLlm.models("claude-a"));
        server.on("/v1/messages", FakeLlm.anthropic("Confirmed.", 9, 2));

        ConnectionTest.TestResult result = test.test(config(ProviderKind.ANTHROPIC, server.url() + "/v1",
                "env:" + GatewayHarness.KEY_VAR));

        assertThat(result.ok()).isTrue();
        assertThat(result.models()).containsExactly("claude-a");
        assertThat(result.message()).contains("test-model is not among the models offered");
        assertThat(server.last("/v1/models").header("x-api-key")).isEqualTo(GatewayHarness.KEY);
        assertThat(server.last("/v1/models").header("anthropic-version")).isNotBlank();
    }

    @Test
    void aRefusedKeyNamesTheVariableToCheck() {
        server.on("/v1/models", FakeLlm.status(401, "{}"));

        ConnectionTest.TestResult result = test.test(config(ProviderKind.OPENAI_COMPATIBLE, server.url() + "/v1",
                "env:" + GatewayHarness.KEY_VAR));

        assertThat(result.ok()).isFalse();
        assertThat(result.message())
                .isEqualTo("unauthorised (HTTP 401): check the API key (env var " + GatewayHarness.KEY_VAR + ")");
    }

    @Test
    void aMissingKeyVariableIsSaidPlainly() {
        ConnectionTest.TestResult result = test.test(config(ProviderKind.OPENAI_COMPATIBLE, server.url() + "/v1",
                "env:NOT_SET_ANYWHERE"));

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).isEqualTo("The API key environment variable NOT_SET_ANYWHERE is not set.");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void nothingListeningIsConnectionRefused() {
        String url = server.url();
        server.close();

        ConnectionTest.TestResult result = test.test(config(ProviderKind.OPENAI_COMPATIBLE, url + "/v1", ""));

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).startsWith("connection refused");
    }

    @Test
    void aSlowEndpointIsATimeout() {
        server.on("/v1/models", FakeLlm.delayed(Duration.ofSeconds(3), FakeLlm.models("x")));

        ConnectionTest.TestResult result = test.test(new ProviderConfig("slow", ProviderKind.OPENAI_COMPATIBLE,
                server.url() + "/v1", "test-model", "", 0, 0, Duration.ofMillis(200), true));

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).startsWith("timeout");
    }

    @Test
    void anOtherHttpErrorGivesItsStatus() {
        server.on("/v1/models", FakeLlm.status(502, "bad gateway"));

        ConnectionTest.TestResult result = test.test(config(ProviderKind.OPENAI_COMPATIBLE, server.url() + "/v1", ""));

        assertThat(result.message()).startsWith("HTTP 502 from http://127.0.0.1:");
    }

    @Test
    void aMissingModelListStillTriesTheSample() {
        server.on("/v1/chat/completions", FakeLlm.status(404, "{\"error\":{\"message\":\"model not found\"}}"));

        ConnectionTest.TestResult result = test.test(config(ProviderKind.OPENAI_COMPATIBLE, server.url() + "/v1", ""));

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).startsWith("the endpoint does not list its models (HTTP 404); "
                + "sample answer failed: HTTP 404: check the model name test-model");
    }
}
