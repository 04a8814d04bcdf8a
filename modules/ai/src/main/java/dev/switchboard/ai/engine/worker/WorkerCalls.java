package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The HTTP side shared by health checks and jobs: one {@link HttpClient} (HTTP/1.1, connect timeout),
 * URLs per flavour, the API key from its environment variable as a Bearer token, status and JSON checks.
 * Thread-safe.
 */
final class WorkerCalls implements AutoCloseable {

    private final HttpClient http;
    private final WorkerConfig config;
    private final Function<String, String> env;
    private final ObjectMapper json = new ObjectMapper();
    private final A1111Client a1111 = new A1111Client(this);
    private final OpenAiImagesClient openAiImages = new OpenAiImagesClient(this);
    private final ComfyUiClient comfyUi;

    WorkerCalls(WorkerConfig config, Function<String, String> env) {
        this.config = config;
        this.env = env;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.comfyUi = new ComfyUiClient(this, new ComfyWorkflows(config.workflowDir(), json));
    }

    HttpClient http() {
        return http;
    }

    WorkerConfig config() {
        return config;
    }

    ObjectMapper json() {
        return json;
    }

    /** The client for an image flavour. */
    ImageClient images(ApiFlavour flavour) {
        return switch (flavour) {
            case A1111_TXT2IMG -> a1111;
            case OPENAI_IMAGES -> openAiImages;
            case COMFYUI -> comfyUi;
            case OPENAI_CHAT -> throw new IllegalArgumentException("OPENAI_CHAT workers do not make images");
        };
    }

    /**
     * {@code path} below the worker's base URL. For the OpenAI flavours a base URL that already ends in
     * {@code /v1} is not given a second one.
     */
    static URI endpoint(Worker w, String path) {
        String base = w.baseUrl().toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        boolean openAi = w.flavour() == ApiFlavour.OPENAI_IMAGES || w.flavour() == ApiFlavour.OPENAI_CHAT;
        if (openAi && base.endsWith("/v1") && path.startsWith("/v1/")) {
            return URI.create(base + path.substring(3));
        }
        return URI.create(base + path);
    }

    /** A request to {@code path} with the time limit, JSON accepted and the key, if the worker has one. */
    HttpRequest.Builder request(Worker w, String path, Duration timeout) throws WorkerFailure {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint(w, path))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (!w.apiKeyRef().isEmpty()) {
            String variable = w.apiKeyVariable();
            String key = env.apply(variable);
            if (key == null || key.isBlank()) {
                throw new WorkerFailure(WorkerFailure.Blame.WORKER, "the API key's environment variable "
                        + variable + " is not set");
            }
            b.header("Authorization", "Bearer " + key.strip());
        }
        return b;
    }

    /** A JSON POST to {@code path}. */
    HttpRequest postJson(Worker w, String path, JsonNode body, Duration timeout) throws WorkerFailure {
        return request(w, path, timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    /** Sends and waits; for short calls (checks, progress, interrupt). */
    HttpResponse<String> send(HttpRequest request) throws WorkerFailure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw WorkerFailure.connection(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WorkerFailure.cancelled();
        }
    }

    /** The body as JSON after checking the status is 2xx. */
    JsonNode readJson(HttpResponse<String> response, String what) throws WorkerFailure {
        if (response.statusCode() / 100 != 2) {
            throw WorkerFailure.status(response.statusCode(), response.body(), what, json);
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw WorkerFailure.malformed(what + " did not return JSON");
        }
    }

    /**
     * A health check: lists the worker's models ({@code GET /v1/models} for the OpenAI flavours,
     * {@code GET /sdapi/v1/sd-models} for Automatic1111; for ComfyUI {@code GET /system_stats} must answer and
     * the checkpoints of {@code GET /object_info/CheckpointLoaderSimple} are listed when it has them).
     */
    List<String> probe(Worker w) throws WorkerFailure {
        if (w.flavour() == ApiFlavour.COMFYUI) {
            return probeComfyUi(w);
        }
        boolean a1111 = w.flavour() == ApiFlavour.A1111_TXT2IMG;
        String path = a1111 ? "/sdapi/v1/sd-models" : "/v1/models";
        String what = "GET " + path;
        JsonNode body = readJson(send(request(w, path, config.checkTimeout()).GET().build()), what);
        JsonNode list = a1111 ? body : body.path("data");
        if (!list.isArray()) {
            throw WorkerFailure.malformed(what + " did not return a model list");
        }
        List<String> models = new ArrayList<>();
        for (JsonNode m : list) {
            String name = a1111 ? m.path("model_name").asText(m.path("title").asText("")) : m.path("id").asText("");
            if (!name.isBlank()) {
                models.add(name);
            }
        }
        return models;
    }

    private List<String> probeComfyUi(Worker w) throws WorkerFailure {
        JsonNode stats = readJson(send(request(w, "/system_stats", config.checkTimeout()).GET().build()),
                "GET /system_stats");
        if (!stats.has("system") && !stats.has("devices")) {
            throw WorkerFailure.malformed("GET /system_stats did not describe the system");
        }
        List<String> models = new ArrayList<>();
        try {
            HttpResponse<String> info = send(request(w, "/object_info/CheckpointLoaderSimple", config.checkTimeout())
                    .GET().build());
            if (info.statusCode() == 200) {
                JsonNode names = json.readTree(info.body()).path("CheckpointLoaderSimple").path("input")
                        .path("required").path("ckpt_name").path(0);
                names.forEach(n -> models.add(n.asText()));
            }
        } catch (JsonProcessingException | WorkerFailure e) {
            // The model list is a nicety; the system stats decide health.
        }
        comfyUi.rememberCheckpoints(w, models);
        return models;
    }

    /** Aborts calls still in flight (their callers see a cancellation) and stops the client's threads. */
    @Override
    public void close() {
        http.shutdownNow();
        try {
            http.awaitTermination(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
