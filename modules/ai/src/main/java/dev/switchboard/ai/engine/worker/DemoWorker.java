package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in GPU worker on this computer, for demos, the benchmark and tests: it speaks the Automatic1111 API
 * (images with progress and previews) and the ComfyUI HTTP API (images and clips, followed by polling; it has
 * no websocket) and draws {@link DemoPictures} instead of running a model. Bound to 127.0.0.1 on a free port;
 * it never listens on the network. It is always registered with {@link #NOTE}, so the UI labels it.
 *
 * <p>One picture at a time, like one GPU: each takes {@code steps × stepDelay}.
 */
public final class DemoWorker implements AutoCloseable {

    /** The note every demo worker is registered with; the UI shows it beside the worker. */
    public static final String NOTE = "Demo worker on this computer: draws test patterns, no GPU";
    /** The model name it reports. */
    public static final String MODEL = "demo-patterns";

    private static final Logger LOG = LoggerFactory.getLogger(DemoWorker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SAMPLERS = Set.of("KSampler", "KSamplerAdvanced");

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("demo-worker-", 0).factory());
    private final ExecutorService gpu = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("demo-gpu").daemon(true).factory());
    private final Duration stepDelay;
    private final boolean quick;
    private final Object busy = new Object();
    private final AtomicInteger generated = new AtomicInteger();
    private final Map<String, ObjectNode> history = new ConcurrentHashMap<>();
    private final Map<String, String> queued = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Boolean> interrupted = new ConcurrentHashMap<>();
    private volatile Consumer<String> arrivals = prompt -> { };
    private volatile double progress;
    private volatile byte[] current;
    private volatile String runningPrompt;
    private volatile boolean interruptA1111;

    private DemoWorker(Duration stepDelay, boolean quick) throws IOException {
        this.stepDelay = stepDelay;
        this.quick = quick;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", exchange -> {
            try (exchange) {
                route(exchange);
            } catch (IOException | RuntimeException e) {
                LOG.debug("Demo worker request failed: {}", e.toString());
            }
        });
        server.setExecutor(handlers);
        server.start();
    }

    /**
     * Starts a demo worker on 127.0.0.1.
     *
     * @param stepDelay how long each sampling step takes (the pace of the progress bar)
     */
    public static DemoWorker start(Duration stepDelay) {
        return start(stepDelay, false);
    }

    /**
     * @param quick answer every request with one tiny picture at once, for the benchmark
     */
    public static DemoWorker start(Duration stepDelay, boolean quick) {
        try {
            DemoWorker w = new DemoWorker(stepDelay, quick);
            LOG.info("Demo worker listening on {}", w.url());
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the demo worker on 127.0.0.1", e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Pictures and clips it has finished. */
    public int generated() {
        return generated.get();
    }

    /** Calls {@code listener} with the prompt of each generation request as it arrives (the benchmark's clock). */
    public void onArrival(Consumer<String> listener) {
        arrivals = listener;
    }

    /** Stops listening and drops what it was drawing, as a machine that died would. */
    @Override
    public void close() {
        server.stop(0);
        interruptA1111 = true;
        queued.keySet().forEach(id -> interrupted.put(id, true));
        gpu.shutdownNow();
        handlers.shutdownNow();
    }

    private void route(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String route = x.getRequestMethod() + " " + path;
        switch (route) {
            case "GET /sdapi/v1/sd-models" -> reply(x, 200, "[{\"title\":\"" + MODEL + "\",\"model_name\":\"" + MODEL
                    + "\"}]");
            case "GET /sdapi/v1/progress" -> {
                byte[] preview = current;
                reply(x, 200, "{\"progress\":" + progress + ",\"current_image\":"
                        + (preview == null ? "null" : "\"" + Base64.getEncoder().encodeToString(preview) + "\"") + "}");
            }
            case "POST /sdapi/v1/interrupt" -> {
                interruptA1111 = true;
                reply(x, 200, "{}");
            }
            case "POST /sdapi/v1/txt2img", "POST /sdapi/v1/img2img" -> a1111(x);
            case "GET /system_stats" -> reply(x, 200, "{\"system\":{\"os\":\"demo\",\"comfyui_version\":\"demo\"},"
                    + "\"devices\":[{\"name\":\"demo (no GPU)\",\"type\":\"cpu\"}]}");
            case "GET /object_info/CheckpointLoaderSimple" -> reply(x, 404, "{}");
            case "POST /upload/image" -> {
                x.getRequestBody().readAllBytes();
                reply(x, 200, "{\"name\":\"start.png\",\"subfolder\":\"\",\"type\":\"input\"}");
            }
            case "POST /prompt" -> comfyPrompt(x);
            case "GET /queue" -> {
                ObjectNode q = JSON.createObjectNode();
                ArrayNode run = q.putArray("queue_running");
                ArrayNode wait = q.putArray("queue_pending");
                queued.keySet().forEach(id -> (id.equals(runningPrompt) ? run : wait).addArray().add(0).add(id));
                reply(x, 200, q.toString());
            }
            case "POST /queue" -> {
                JSON.readTree(x.getRequestBody()).path("delete").forEach(id -> interrupted.put(id.asText(), true));
                reply(x, 200, "{}");
            }
            case "POST /interrupt" -> {
                byte[] raw = x.getRequestBody().readAllBytes();
                JsonNode body = JSON.readTree(raw.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : raw);
                String id = body.path("prompt_id").asText(runningPrompt);
                if (id != null) {
                    interrupted.put(id, true);
                }
                reply(x, 200, "{}");
            }
            case "GET /view" -> {
                byte[] file = files.get(query(x.getRequestURI()).getOrDefault("filename", ""));
                if (file == null) {
                    reply(x, 404, "{}");
                } else {
                    x.getResponseHeaders().set("Content-Type", "application/octet-stream");
                    x.sendResponseHeaders(200, file.length);
                    try (OutputStream out = x.getResponseBody()) {
                        out.write(file);
                    }
                }
            }
            default -> {
                if (route.startsWith("GET /history/")) {
                    String id = path.substring("/history/".length());
                    ObjectNode answer = JSON.createObjectNode();
                    ObjectNode entry = history.get(id);
                    if (entry != null) {
                        answer.set(id, entry);
                    }
                    reply(x, 200, answer.toString());
                } else {
                    reply(x, 404, "{\"detail\":\"Not Found\"}");
                }
            }
        }
    }

    // Automatic1111: the request waits while the picture is drawn.

    private void a1111(HttpExchange x) throws IOException {
        JsonNode body = JSON.readTree(x.getRequestBody());
        String prompt = body.path("prompt").asText("");
        arrivals.accept(prompt);
        long seed = body.path("seed").asLong(-1);
        if (seed < 0) {
            seed = Math.abs(prompt.hashCode()) + generated.get();
        }
        int width = body.path("width").asInt(512);
        int height = body.path("height").asInt(512);
        int steps = Math.max(1, body.path("steps").asInt(20));
        byte[] png;
        synchronized (busy) {
            interruptA1111 = false;
            png = draw(prompt, seed, width, height, steps, p -> progress = p, img -> current = img,
                    () -> interruptA1111);
            progress = 0;
            current = null;
        }
        generated.incrementAndGet();
        String info = "{\"seed\":" + seed + ",\"sd_model_name\":\"" + MODEL + "\"}";
        reply(x, 200, "{\"images\":[\"" + Base64.getEncoder().encodeToString(png) + "\"],\"info\":"
                + JSON.writeValueAsString(info) + "}");
    }

    // ComfyUI: the prompt is queued and drawn in the background; the client polls /history.

    private void comfyPrompt(HttpExchange x) throws IOException {
        JsonNode request = JSON.readTree(x.getRequestBody());
        JsonNode workflow = request.path("prompt");
        String id = UUID.randomUUID().toString();
        queued.put(id, request.path("client_id").asText());
        reply(x, 200, "{\"prompt_id\":\"" + id + "\",\"number\":0,\"node_errors\":{}}");
        gpu.execute(() -> runPrompt(id, workflow));
    }

    private void runPrompt(String id, JsonNode workflow) {
        Prompt p = Prompt.of(workflow);
        arrivals.accept(p.text());
        runningPrompt = id;
        ObjectNode entry = JSON.createObjectNode();
        entry.putArray("prompt");
        ObjectNode outputs = entry.putObject("outputs");
        ObjectNode status = entry.putObject("status");
        try {
            byte[] still;
            synchronized (busy) {
                still = draw(p.text(), p.seed(), p.width(), p.height(), p.steps(), v -> { }, img -> { },
                        () -> interrupted.containsKey(id));
            }
            if (interrupted.containsKey(id)) {
                status.put("status_str", "error").put("completed", false).putArray("messages").addArray()
                        .add("execution_interrupted").addObject().put("prompt_id", id);
                return;
            }
            for (Map.Entry<String, String> save : p.saves().entrySet()) {
                String name = id + "-" + save.getKey();
                boolean poster = save.getValue().contains("poster");
                if (p.frames() > 1 && !poster) {
                    files.put(name + ".gif", DemoPictures.gif(p.text(), p.seed(), p.width(), p.height(), p.frames(),
                            p.fps()));
                    outputs.putObject(save.getKey()).putArray("images").addObject().put("filename", name + ".gif")
                            .put("subfolder", "").put("type", "output");
                } else {
                    files.put(name + ".png", still);
                    outputs.putObject(save.getKey()).putArray("images").addObject().put("filename", name + ".png")
                            .put("subfolder", "").put("type", "output");
                }
            }
            generated.incrementAndGet();
            status.put("status_str", "success").put("completed", true).putArray("messages");
        } finally {
            history.put(id, entry);
            queued.remove(id);
            runningPrompt = null;
        }
    }

    /** Draws step by step, reporting progress and a preview; stops early when {@code stop} says so. */
    private byte[] draw(String prompt, long seed, int width, int height, int steps, Consumer<Double> progressSink,
                        Consumer<byte[]> previewSink, java.util.function.BooleanSupplier stop) {
        if (quick) {
            return Quick.PNG;
        }
        for (int step = 1; step <= steps && !stop.getAsBoolean(); step++) {
            progressSink.accept((double) step / steps);
            if (step % 4 == 0 || step == 1) {
                previewSink.accept(DemoPictures.png(prompt, seed, Math.min(width, 256), Math.min(height, 256),
                        (double) step / steps));
            }
            pause();
        }
        return DemoPictures.png(prompt, seed, width, height, 1);
    }

    /** The benchmark's one tiny picture, drawn on first use (java2d's first use is slow). */
    private static final class Quick {
        static final byte[] PNG = DemoPictures.png("quick", 1, 8, 8, 1);
    }

    private void pause() {
        if (stepDelay.isZero()) {
            return;
        }
        try {
            Thread.sleep(stepDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the demo reads from a ComfyUI workflow. */
    private record Prompt(String text, long seed, int width, int height, int steps, int frames, int fps,
                          Map<String, String> saves) {

        static Prompt of(JsonNode workflow) {
            String text = "";
            long seed = 0;
            int width = 512;
            int height = 512;
            int steps = 20;
            int frames = 1;
            int fps = 8;
            Map<String, String> saves = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = workflow.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String type = e.getValue().path("class_type").asText();
                JsonNode in = e.getValue().path("inputs");
                if (SAMPLERS.contains(type)) {
                    seed = in.path("seed").asLong(in.path("noise_seed").asLong(0));
                    steps = in.path("steps").asInt(20);
                    JsonNode positive = workflow.path(in.path("positive").path(0).asText());
                    text = positiveText(workflow, positive);
                } else if ((type.startsWith("Empty") && type.contains("Latent")) || type.endsWith("ImageToVideo")) {
                    width = in.path("width").asInt(width);
                    height = in.path("height").asInt(height);
                    frames = Math.max(frames, in.path("length").asInt(1));
                } else if (type.equals("CreateVideo") || type.startsWith("SaveAnimated")) {
                    fps = in.path("fps").asInt(fps);
                }
                if (type.startsWith("Save")) {
                    saves.put(e.getKey(), in.path("filename_prefix").asText(""));
                }
            }
            return new Prompt(text, seed, width, height, steps, frames, fps, saves);
        }

        private static String positiveText(JsonNode workflow, JsonNode node) {
            List<JsonNode> seen = new ArrayList<>();
            while (node != null && !node.isMissingNode() && !seen.contains(node)) {
                seen.add(node);
                JsonNode in = node.path("inputs");
                if (in.path("text").isTextual()) {
                    return in.path("text").asText();
                }
                node = workflow.path(in.path("positive").path(0).asText());
            }
            return "";
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        String q = uri.getRawQuery();
        if (q != null) {
            for (String part : q.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void reply(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
