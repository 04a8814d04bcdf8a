package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Speaks OpenAI images: {@code POST /v1/images/generations} (b64_json) and {@code GET /v1/models}. */
final class FakeOpenAiImages extends FakeServer {

    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();

    @Override
    void releaseAll() {
    }

    @Override
    void handle(HttpExchange exchange, String route) throws IOException {
        switch (route) {
            case "GET /v1/models" -> reply(exchange, 200, "{\"object\":\"list\",\"data\":"
                    + "[{\"id\":\"dall-e-2\",\"object\":\"model\",\"owned_by\":\"system\"}]}");
            case "POST /v1/images/generations" -> {
                bodies.add(body(exchange));
                String png = Base64.getEncoder().encodeToString(TestImages.png());
                reply(exchange, 200, "{\"created\":1700000000,\"data\":[{\"b64_json\":\"" + png + "\"}]}");
            }
            default -> reply(exchange, 404,
                    "{\"error\":{\"message\":\"Unknown path\",\"type\":\"invalid_request_error\"}}");
        }
    }
}
