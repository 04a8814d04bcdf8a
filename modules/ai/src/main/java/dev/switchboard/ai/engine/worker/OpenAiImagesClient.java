package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ai.ImageRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * OpenAI images: {@code POST /v1/images/generations} with {@code response_format=b64_json}, answered by
 * {@code data[0].b64_json}. The API has no negative prompt, steps or seed, so those are not sent; no model
 * is sent either, so the server uses its default. No progress: a job goes from 0 to 1.
 */
final class OpenAiImagesClient implements ImageClient {

    private static final String PATH = "/v1/images/generations";

    private final WorkerCalls calls;

    OpenAiImagesClient(WorkerCalls calls) {
        this.calls = calls;
    }

    @Override
    public Generated generate(Attempt attempt) throws WorkerFailure {
        ImageRequest r = attempt.request();
        if (r.makesVideo()) {
            throw new WorkerFailure(WorkerFailure.Blame.REQUEST, "OpenAI images workers cannot make clips");
        }
        if (r.imageToImage()) {
            throw new WorkerFailure(WorkerFailure.Blame.REQUEST, "OpenAI images workers cannot do image-to-image");
        }
        ObjectNode body = calls.json().createObjectNode()
                .put("prompt", r.prompt())
                .put("n", 1)
                .put("size", r.width() + "x" + r.height())
                .put("response_format", "b64_json");
        String what = "POST " + PATH;
        HttpRequest request = calls.postJson(attempt.worker(), PATH, body, calls.config().generationTimeout());
        HttpResponse<String> response = attempt.await(
                calls.http().sendAsync(request, HttpResponse.BodyHandlers.ofString()),
                calls.config().progressInterval(), () -> { });
        JsonNode json = calls.readJson(response, what);
        JsonNode image = json.path("data").path(0).path("b64_json");
        if (!image.isTextual()) {
            throw WorkerFailure.malformed(what + " returned no data[0].b64_json");
        }
        return new Generated(PngBytes.fromBase64(image.asText(), what), ApiFlavour.OPENAI_IMAGES.label());
    }
}
