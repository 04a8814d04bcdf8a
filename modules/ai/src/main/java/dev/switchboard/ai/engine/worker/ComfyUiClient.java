package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ai.ImageRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ComfyUI's HTTP and websocket API.
 *
 * <ol>
 *   <li>For image-to-image, the starting image goes up with {@code POST /upload/image}.</li>
 *   <li>The filled-in workflow ({@link ComfyWorkflows}) goes to {@code POST /prompt} with a client id derived
 *       from the job id; the answer's {@code prompt_id} is kept with the job, so a restarted workstation can
 *       follow the same prompt instead of starting it again.</li>
 *   <li>Progress ({@code progress}: value of max) and previews (binary frames) come over {@code /ws?clientId=…}
 *       when the websocket opens; without it (a proxy that drops upgrades) the client polls.</li>
 *   <li>{@code GET /history/{prompt_id}} says when the prompt is done and lists its output files, which are
 *       fetched with {@code GET /view}; for a clip, the video file and the still from the poster save node.</li>
 * </ol>
 * Cancel: {@code POST /queue} deletes the prompt if it still waits on the worker, {@code POST /interrupt} with
 * its id stops it if it runs. A prompt the worker no longer knows (not queued, not in its history: the worker
 * restarted) fails the attempt so the job runs again. Thread-safe.
 */
final class ComfyUiClient implements ImageClient {

    private static final Logger LOG = LoggerFactory.getLogger(ComfyUiClient.class);
    /** With the websocket up, /history is still polled this many progress intervals apart, as a safety net. */
    private static final int POLLS_PER_HISTORY_WITH_SOCKET = 5;
    /** Without news, whether the worker still knows the prompt is checked this many polls apart. */
    private static final int POLLS_PER_QUEUE_CHECK = 10;

    private final WorkerCalls calls;
    private final ComfyWorkflows workflows;
    private final SplittableRandom seeds = new SplittableRandom();
    /** Checkpoints each worker listed in its last health check, by base URL. */
    private final Map<String, List<String>> checkpoints = new ConcurrentHashMap<>();

    ComfyUiClient(WorkerCalls calls, ComfyWorkflows workflows) {
        this.calls = calls;
        this.workflows = workflows;
    }

    @Override
    public boolean canResume() {
        return true;
    }

    @Override
    public Generated generate(Attempt attempt) throws WorkerFailure {
        Worker worker = attempt.worker();
        ImageRequest r = attempt.request();
        String clientId = clientId(attempt.jobId());
        long seed = r.seed() >= 0 ? r.seed() : nextSeed();
        String promptId = attempt.resumeId();
        boolean resumed = promptId != null;
        String model;
        ObjectNode workflow = workflows.template(worker.name(), ComfyWorkflows.Kind.of(r));
        try (ComfySocket socket = ComfySocket.open(calls, worker, clientId)) {
            if (promptId == null) {
                String uploaded = r.imageToImage() ? upload(worker, attempt.jobId(), r.initImage()) : null;
                model = ComfyWorkflows.fill(workflow, r, seed, uploaded, "switchboard/" + attempt.jobId(),
                        checkpoints.getOrDefault(key(worker), List.of()));
                promptId = submit(worker, workflow, clientId);
                attempt.accepted(promptId);
                LOG.info("Job {} is prompt {} on {}{}", attempt.jobId(), promptId, worker.name(),
                        socket.isOpen() ? "" : " (no websocket: polling)");
            } else {
                model = ComfyWorkflows.fill(workflow, r, seed, null, "switchboard/" + attempt.jobId(), List.of());
                LOG.info("Job {} follows prompt {} on {} again", attempt.jobId(), promptId, worker.name());
            }
            JsonNode entry = follow(attempt, socket, promptId, resumed);
            return fetch(worker, entry, r, model, seed);
        }
    }

    @Override
    public void cancel(Attempt attempt) {
        String id = attempt.remoteId();
        if (id != null) {
            cancelPrompt(attempt.worker(), id);
        }
    }

    @Override
    public void interrupt(Worker worker) {
        post(worker, "/interrupt", calls.json().createObjectNode());
    }

    /** Remembers the checkpoints a health check listed, to replace a template's checkpoint the worker lacks. */
    void rememberCheckpoints(Worker worker, List<String> names) {
        checkpoints.put(key(worker), List.copyOf(names));
    }

    // Submitting.

    private String upload(Worker worker, String jobId, byte[] image) throws WorkerFailure {
        String boundary = "switchboard" + Long.toHexString(seeds.nextLong());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String name = "switchboard-" + jobId + "." + (PngBytes.isPng(image) ? "png" : "jpg");
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(image);
            body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"overwrite\"\r\n\r\ntrue"
                    + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = calls.request(worker, "/upload/image", calls.config().generationTimeout())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        JsonNode answer = calls.readJson(calls.send(request), "POST /upload/image");
        String uploaded = answer.path("name").asText("");
        if (uploaded.isBlank()) {
            throw WorkerFailure.malformed("POST /upload/image returned no name");
        }
        String sub = answer.path("subfolder").asText("");
        return sub.isBlank() ? uploaded : sub + "/" + uploaded;
    }

    private String submit(Worker worker, ObjectNode workflow, String clientId) throws WorkerFailure {
        ObjectNode body = calls.json().createObjectNode();
        body.set("prompt", workflow);
        body.put("client_id", clientId);
        String what = "POST /prompt";
        HttpResponse<String> response = calls.send(calls.postJson(worker, "/prompt", body,
                calls.config().checkTimeout().plus(calls.config().checkTimeout())));
        if (response.statusCode() == 400) {
            throw new WorkerFailure(WorkerFailure.Blame.REQUEST, "HTTP 400 from " + what + ": "
                    + validationErrors(response.body()));
        }
        JsonNode answer = calls.readJson(response, what);
        String id = answer.path("prompt_id").asText("");
        if (id.isBlank()) {
            throw WorkerFailure.malformed(what + " returned no prompt_id");
        }
        return id;
    }

    /** ComfyUI's validation answer as one line: its message and the first node error. */
    private String validationErrors(String body) {
        try {
            JsonNode node = calls.json().readTree(body);
            StringBuilder out = new StringBuilder(node.path("error").path("message").asText("the workflow is invalid"));
            for (Map.Entry<String, JsonNode> e : iterable(node.path("node_errors"))) {
                JsonNode first = e.getValue().path("errors").path(0);
                out.append("; node ").append(e.getKey()).append(" (").append(e.getValue().path("class_type").asText())
                        .append("): ").append(first.path("message").asText()).append(' ')
                        .append(first.path("details").asText());
                break;
            }
            return out.toString().strip();
        } catch (IOException e) {
            return body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
    }

    // Following.

    /** Waits until the prompt's history entry is complete, reporting progress and previews; returns the entry. */
    private JsonNode follow(Attempt attempt, ComfySocket socket, String promptId, boolean resumed)
            throws WorkerFailure {
        Worker worker = attempt.worker();
        long deadline = System.nanoTime() + calls.config().generationTimeout().toNanos();
        Duration interval = calls.config().progressInterval();
        int polls = 0;
        boolean checkQueue = resumed;
        while (true) {
            if (attempt.isStopped()) {
                if (attempt.isCancelled()) {
                    cancelPrompt(worker, promptId);
                }
                // Abandoned (the workstation is closing): the worker goes on, the next start follows the prompt.
                throw WorkerFailure.cancelled();
            }
            if (System.nanoTime() > deadline) {
                cancelPrompt(worker, promptId);
                throw new WorkerFailure(WorkerFailure.Blame.WORKER, "timed out after "
                        + calls.config().generationTimeout().toMinutes() + " min");
            }
            ComfySocket.News news = socket.await(promptId, interval, attempt);
            if (news.error() != null) {
                throw new WorkerFailure(WorkerFailure.Blame.BUSY, "the workflow failed on " + worker.name() + ": "
                        + news.error());
            }
            if (news.interrupted() && !attempt.isStopped()) {
                throw new WorkerFailure(WorkerFailure.Blame.BUSY, "interrupted on " + worker.name());
            }
            polls++;
            boolean due = !socket.isOpen() || news.done() || polls % POLLS_PER_HISTORY_WITH_SOCKET == 0;
            if (!due) {
                continue;
            }
            JsonNode entry = history(worker, promptId);
            if (entry != null) {
                String status = entry.path("status").path("status_str").asText("");
                if (status.equals("error")) {
                    throw new WorkerFailure(WorkerFailure.Blame.BUSY, "the workflow failed on " + worker.name() + ": "
                            + errorMessage(entry.path("status").path("messages")));
                }
                if (entry.path("status").path("completed").asBoolean(false) || status.equals("success")
                        || (entry.path("status").isMissingNode() && entry.path("outputs").size() > 0)) {
                    attempt.progress(0.99);
                    return entry;
                }
            }
            if (checkQueue || polls % POLLS_PER_QUEUE_CHECK == 0) {
                checkQueue = false;
                if (entry == null && !queued(worker, promptId) && history(worker, promptId) == null) {
                    throw new WorkerFailure(WorkerFailure.Blame.BUSY, worker.name() + " no longer knows prompt "
                            + promptId + " (the worker restarted?)");
                }
            }
        }
    }

    /** The prompt's history entry, or null while it is not finished. */
    private JsonNode history(Worker worker, String promptId) throws WorkerFailure {
        String what = "GET /history/" + promptId;
        HttpRequest request = calls.request(worker, "/history/" + enc(promptId), calls.config().checkTimeout())
                .GET().build();
        JsonNode answer = calls.readJson(calls.send(request), what);
        JsonNode entry = answer.path(promptId);
        return entry.isObject() ? entry : null;
    }

    /** Whether the prompt waits or runs on the worker. */
    private boolean queued(Worker worker, String promptId) throws WorkerFailure {
        JsonNode answer = calls.readJson(calls.send(calls.request(worker, "/queue", calls.config().checkTimeout())
                .GET().build()), "GET /queue");
        for (String list : List.of("queue_running", "queue_pending")) {
            for (JsonNode item : answer.path(list)) {
                // Each item is [number, prompt_id, prompt, extra_data, outputs_to_execute].
                if (promptId.equals(item.path(1).asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String errorMessage(JsonNode messages) {
        for (JsonNode m : messages) {
            if (m.path(0).asText().equals("execution_error")) {
                JsonNode d = m.path(1);
                return d.path("node_type").asText("") + ": " + d.path("exception_message").asText("").strip();
            }
        }
        return "no reason given";
    }

    // Results.

    private Generated fetch(Worker worker, JsonNode entry, ImageRequest r, String model, long seed)
            throws WorkerFailure {
        List<JsonNode> files = new ArrayList<>();
        for (Map.Entry<String, JsonNode> output : iterable(entry.path("outputs"))) {
            for (String key : List.of("images", "gifs", "videos", "video")) {
                for (JsonNode f : output.getValue().path(key)) {
                    if (f.path("filename").isTextual() && !f.path("type").asText("output").equals("temp")) {
                        files.add(f);
                    }
                }
            }
        }
        JsonNode still = files.stream().filter(f -> isStill(f.path("filename").asText())).findFirst().orElse(null);
        if (!r.makesVideo()) {
            if (still == null) {
                throw WorkerFailure.malformed("the prompt's history lists no image");
            }
            return new Generated(PngBytes.toPng(view(worker, still), "GET /view"), model, seed);
        }
        JsonNode clip = files.stream().filter(f -> !isStill(f.path("filename").asText())).findFirst().orElse(null);
        if (clip == null) {
            throw WorkerFailure.malformed("the prompt's history lists no video file");
        }
        byte[] poster = still == null ? null : PngBytes.toPng(view(worker, still), "GET /view");
        String name = clip.path("filename").asText();
        return new Generated(view(worker, clip), ComfyWorkflows.mediaType(name), poster, model, seed);
    }

    private static boolean isStill(String fileName) {
        String type = ComfyWorkflows.mediaType(fileName);
        return type.equals("image/png") || type.equals("image/jpeg");
    }

    private byte[] view(Worker worker, JsonNode file) throws WorkerFailure {
        String query = "filename=" + enc(file.path("filename").asText()) + "&subfolder="
                + enc(file.path("subfolder").asText("")) + "&type=" + enc(file.path("type").asText("output"));
        HttpRequest request = calls.request(worker, "/view?" + query, calls.config().generationTimeout()).GET()
                .header("Accept", "*/*").build();
        try {
            HttpResponse<byte[]> response = calls.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw WorkerFailure.status(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                        "GET /view", calls.json());
            }
            if (response.body().length == 0) {
                throw WorkerFailure.malformed("GET /view returned an empty file");
            }
            return response.body();
        } catch (IOException e) {
            throw WorkerFailure.connection(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WorkerFailure.cancelled();
        }
    }

    // Cancelling.

    private void cancelPrompt(Worker worker, String promptId) {
        ObjectNode delete = calls.json().createObjectNode();
        delete.putArray("delete").add(promptId);
        post(worker, "/queue", delete);
        post(worker, "/interrupt", calls.json().createObjectNode().put("prompt_id", promptId));
    }

    private void post(Worker worker, String path, ObjectNode body) {
        try {
            int status = calls.send(calls.postJson(worker, path, body, calls.config().checkTimeout())).statusCode();
            if (status / 100 != 2) {
                LOG.warn("Worker {} answered POST {} with HTTP {}", worker.name(), path, status);
            }
        } catch (WorkerFailure e) {
            LOG.warn("Could not reach worker {} for POST {}: {}", worker.name(), path, e.reason());
        }
    }

    // Helpers.

    /** The websocket client id of a job: the same after a restart, so a reattached job gets its progress. */
    static String clientId(String jobId) {
        return "switchboard-" + jobId;
    }

    private long nextSeed() {
        return seeds.nextLong(1L << 48);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String key(Worker worker) {
        return worker.baseUrl().toString();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }

    /** The websocket URL of a worker: its base URL with ws(s) and {@code /ws?clientId=…}. */
    static URI socketUrl(Worker worker, String clientId) {
        URI base = WorkerCalls.endpoint(worker, "/ws");
        String scheme = base.getScheme().equalsIgnoreCase("https") ? "wss" : "ws";
        return URI.create(scheme + base.toString().substring(base.getScheme().length()) + "?clientId="
                + enc(clientId));
    }
}
