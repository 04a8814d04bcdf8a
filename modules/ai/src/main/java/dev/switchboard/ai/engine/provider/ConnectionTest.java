package dev.switchboard.ai.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.switchboard.ai.AiUse;
import dev.switchboard.core.error.SwitchboardException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * "Test connection" in Settings: asks the endpoint which models it offers (OpenAI and Anthropic
 * {@code GET {base}/models}, Ollama {@code GET {base}/api/tags}), times that, then asks the configured
 * model for a one-line sample answer. Every failure becomes a sentence the user can act on; none is
 * thrown. Goes straight to the provider, bypassing the gateway's breaker, retries and cache. Blocks up
 * to twice the provider's timeout; call it off the FX thread.
 */
public final class ConnectionTest {

    static final String SAMPLE_PROMPT = "Reply with one short sentence confirming that you can read this.";
    private static final String ANTHROPIC_VERSION = "2023-06-01";
    private static final int MAX_MODELS = 500;

    private final SecretResolver secrets;
    private final ModelFactory models;
    private final ObjectMapper json = new ObjectMapper();

    public ConnectionTest(SecretResolver secrets) {
        this(secrets, new Langchain4jModels());
    }

    public ConnectionTest(SecretResolver secrets, ModelFactory models) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.models = Objects.requireNonNull(models, "models");
    }

    /**
     * What the test found.
     *
     * @param ok whether the sample answer came back
     * @param models what the endpoint offers, as it names them; empty when it does not say
     * @param latency round trip of the model list request (or of the sample when there is no list)
     * @param sampleAnswer the model's answer, trimmed; empty when it failed
     * @param message one readable line: what worked, or what went wrong and what to check
     */
    public record TestResult(boolean ok, List<String> models, Duration latency, String sampleAnswer,
                             String message) {

        public TestResult {
            models = List.copyOf(models);
            Objects.requireNonNull(latency, "latency");
            sampleAnswer = sampleAnswer == null ? "" : sampleAnswer;
            message = message == null ? "" : message;
        }
    }

    public TestResult test(ProviderConfig config) {
        Objects.requireNonNull(config, "config");
        Optional<String> key;
        try {
            key = secrets.resolve(config.apiKeyRef());
        } catch (SwitchboardException e) {
            return new TestResult(false, List.of(), Duration.ZERO, "", e.getMessage());
        }
        List<String> offered = List.of();
        Duration latency = Duration.ZERO;
        String listNote = "";
        long started = System.nanoTime();
        try {
            offered = listModels(config, key);
            latency = Duration.ofNanos(System.nanoTime() - started);
        } catch (ListFailure e) {
            latency = Duration.ofNanos(System.nanoTime() - started);
            if (e.status != 404) {
                return new TestResult(false, List.of(), latency, "", redact(e.getMessage(), key));
            }
            listNote = "the endpoint does not list its models (HTTP 404); ";
        }
        long sampleStarted = System.nanoTime();
        try {
            String sample = sample(config, key);
            Duration sampleLatency = Duration.ofNanos(System.nanoTime() - sampleStarted);
            if (latency.isZero()) {
                latency = sampleLatency;
            }
            String modelNote = offered.isEmpty() || offered.contains(config.model()) ? ""
                    : "; note: " + config.model() + " is not among the models offered";
            return new TestResult(true, offered, latency, sample,
                    redact(listNote + "answered in " + sampleLatency.toMillis() + " ms" + modelNote, key));
        } catch (RuntimeException e) {
            String what = describe(e, config);
            return new TestResult(false, offered, latency, "", redact(listNote + "sample answer failed: " + what,
                    key));
        }
    }

    private List<String> listModels(ProviderConfig c, Optional<String> key) throws ListFailure {
        String url = c.baseUrl() + (c.kind() == ProviderKind.OLLAMA ? "/api/tags" : "/models");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(c.timeout()).GET();
        if (key.isPresent()) {
            if (c.kind() == ProviderKind.ANTHROPIC) {
                request.header("x-api-key", key.get());
            } else {
                request.header("Authorization", "Bearer " + key.get());
            }
        }
        if (c.kind() == ProviderKind.ANTHROPIC) {
            request.header("anthropic-version", ANTHROPIC_VERSION);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(c.timeout()).build();
        HttpResponse<String> response;
        try {
            response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .get(c.timeout().toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ListFailure(0, "interrupted");
        } catch (TimeoutException e) {
            throw new ListFailure(0, "timeout: no answer from " + url + " within " + c.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new ListFailure(0, transportProblem(e.getCause(), url, c));
        } finally {
            client.close();
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ListFailure(status, "unauthorised (HTTP " + status + "): check the API key ("
                    + SecretResolver.describe(c.apiKeyRef()) + ")");
        }
        if (status < 200 || status > 299) {
            throw new ListFailure(status, "HTTP " + status + " from " + url);
        }
        try {
            JsonNode root = json.readTree(response.body());
            JsonNode list = c.kind() == ProviderKind.OLLAMA ? root.path("models") : root.path("data");
            String field = c.kind() == ProviderKind.OLLAMA ? "name" : "id";
            List<String> names = new ArrayList<>();
            for (JsonNode m : list) {
                if (m.path(field).isTextual() && names.size() < MAX_MODELS) {
                    names.add(m.path(field).asText());
                }
            }
            return names;
        } catch (IOException e) {
            throw new ListFailure(status, "malformed model list from " + url + " (not JSON)");
        }
    }

    private String sample(ProviderConfig c, Optional<String> key) {
        ChatModel model = models.chatModel(c, key);
        dev.switchboard.ai.ChatRequest request = new dev.switchboard.ai.ChatRequest(AiUse.GENERAL, "",
                List.of(dev.switchboard.ai.ChatMessage.user(SAMPLE_PROMPT)), 0, 40, false);
        CompletableFuture<ChatResponse> answer = CompletableFuture.supplyAsync(
                () -> model.chat(Langchain4jModels.request(request, c.kind())),
                r -> Thread.ofVirtual().name("ai-connection-test").start(r));
        try {
            ChatResponse response = answer.get(c.timeout().toMillis() + 250, TimeUnit.MILLISECONDS);
            String text = response.aiMessage() == null ? null : response.aiMessage().text();
            if (text == null || text.isBlank()) {
                throw new Failures.EmptyAnswerException();
            }
            String trimmed = text.strip();
            return trimmed.length() > 300 ? trimmed.substring(0, 300) + "…" : trimmed;
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new dev.langchain4j.exception.TimeoutException("no answer within " + c.timeout().toMillis()
                    + " ms", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private static String describe(RuntimeException e, ProviderConfig c) {
        String what = Failures.describe(e);
        if (Failures.isUnauthorised(e)) {
            return what + ": check the API key (" + SecretResolver.describe(c.apiKeyRef()) + ")";
        }
        if (what.equals("HTTP 404")) {
            return what + ": check the model name " + c.model() + " and the base URL " + c.baseUrl();
        }
        if (what.equals("connection refused") || what.equals("unknown host")) {
            return what + ": nothing answers at " + c.baseUrl();
        }
        if (what.equals("timeout")) {
            return what + ": no answer within " + c.timeout().toMillis() + " ms";
        }
        return what;
    }

    private static String transportProblem(Throwable cause, String url, ProviderConfig c) {
        if (cause instanceof HttpTimeoutException) {
            return "timeout: no answer from " + url + " within " + c.timeout().toMillis() + " ms";
        }
        if (cause instanceof ConnectException || cause != null && cause.getCause() instanceof ConnectException) {
            return "connection refused: nothing listens at " + url;
        }
        String kind = cause == null ? "error" : Failures.describe(cause);
        return kind + " while calling " + url;
    }

    private static String redact(String message, Optional<String> key) {
        return SecretResolver.redact(message, key);
    }

    /** The model list could not be read; {@code status} 0 when no HTTP answer came. */
    private static final class ListFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        ListFailure(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
