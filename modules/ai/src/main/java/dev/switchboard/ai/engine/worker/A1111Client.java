package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ai.ImageRequest;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Automatic1111 web UI API: {@code POST /sdapi/v1/txt2img} or {@code /sdapi/v1/img2img} (with
 * {@code init_images} in base64) answered by {@code images[0]} in base64; progress and the preview picture
 * ({@code current_image}) polled from {@code GET /sdapi/v1/progress} while the request runs;
 * {@code POST /sdapi/v1/interrupt} to stop. The seed used comes back in the answer's {@code info}.
 * The server has one progress and one interrupt for everything it runs, so with a capacity above 1 they
 * concern whichever image it is drawing.
 */
final class A1111Client implements ImageClient {

    private static final Logger LOG = LoggerFactory.getLogger(A1111Client.class);
    /** How far img2img may move away from the starting image; the web UI's default. */
    private static final double DENOISING_STRENGTH = 0.75;

    private final WorkerCalls calls;

    A1111Client(WorkerCalls calls) {
        this.calls = calls;
    }

    @Override
    public Generated generate(Attempt attempt) throws WorkerFailure {
        ImageRequest r = attempt.request();
        if (r.makesVideo()) {
            throw new WorkerFailure(WorkerFailure.Blame.REQUEST, "Automatic1111 workers cannot make clips");
        }
        ObjectNode body = calls.json().createObjectNode()
                .put("prompt", r.prompt())
                .put("negative_prompt", r.negativePrompt())
                .put("width", r.width())
                .put("height", r.height())
                .put("steps", r.steps())
                .put("seed", r.seed())
                .put("batch_size", 1)
                .put("n_iter", 1)
                .put("send_images", true)
                .put("save_images", false);
        if (r.guidance() > 0) {
            body.put("cfg_scale", r.guidance());
        }
        String path = "/sdapi/v1/txt2img";
        if (r.imageToImage()) {
            path = "/sdapi/v1/img2img";
            body.putArray("init_images").add(Base64.getEncoder().encodeToString(r.initImage()));
            body.put("denoising_strength", DENOISING_STRENGTH);
        }
        String what = "POST " + path;
        HttpRequest request = calls.postJson(attempt.worker(), path, body, calls.config().generationTimeout());
        HttpResponse<String> response = attempt.await(
                calls.http().sendAsync(request, HttpResponse.BodyHandlers.ofString()),
                calls.config().progressInterval(), () -> pollProgress(attempt));
        JsonNode json = calls.readJson(response, what);
        JsonNode images = json.path("images");
        if (!images.isArray() || images.isEmpty() || !images.get(0).isTextual()) {
            throw WorkerFailure.malformed(what + " returned no image");
        }
        JsonNode info = info(json);
        long seed = info != null && info.path("seed").canConvertToLong() ? info.path("seed").asLong() : -1;
        return new Generated(PngBytes.fromBase64(images.get(0).asText(), what), model(info), seed);
    }

    @Override
    public void interrupt(Worker worker) {
        try {
            HttpRequest request = calls.request(worker, "/sdapi/v1/interrupt", calls.config().checkTimeout())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            int status = calls.send(request).statusCode();
            if (status / 100 != 2) {
                LOG.warn("Worker {} answered the interrupt with HTTP {}", worker.name(), status);
            }
        } catch (WorkerFailure e) {
            LOG.warn("Could not interrupt worker {}: {}", worker.name(), e.reason());
        }
    }

    private void pollProgress(Attempt attempt) {
        try {
            HttpRequest request = calls.request(attempt.worker(), "/sdapi/v1/progress?skip_current_image=false",
                    calls.config().checkTimeout()).GET().build();
            JsonNode json = calls.readJson(calls.send(request), "GET /sdapi/v1/progress");
            double p = json.path("progress").asDouble(-1);
            if (p >= 0 && p <= 1) {
                attempt.progress(p);
            }
            JsonNode current = json.path("current_image");
            if (current.isTextual() && !current.asText().isBlank()) {
                attempt.preview(PngBytes.fromBase64(current.asText(), "GET /sdapi/v1/progress"));
            }
        } catch (WorkerFailure e) {
            // The generation call itself tells whether the worker is gone; a missed poll changes nothing.
            LOG.debug("Progress poll of {} failed: {}", attempt.worker().name(), e.reason());
        }
    }

    /** The answer's {@code info}, a JSON object sent as a string; null when missing or unreadable. */
    private JsonNode info(JsonNode answer) {
        JsonNode info = answer.path("info");
        if (info.isTextual()) {
            try {
                return calls.json().readTree(info.asText());
            } catch (IOException e) {
                return null;
            }
        }
        return info.isObject() ? info : null;
    }

    /** The checkpoint named in the answer's info, else the flavour's label. */
    private static String model(JsonNode info) {
        if (info != null && info.path("sd_model_name").isTextual() && !info.path("sd_model_name").asText().isBlank()) {
            return info.path("sd_model_name").asText();
        }
        return ApiFlavour.A1111_TXT2IMG.label();
    }
}
