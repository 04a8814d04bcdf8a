package dev.switchboard.ai.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model endpoint on 127.0.0.1 speaking the real wire formats (OpenAI chat completions with and
 * without SSE streaming, Ollama {@code /api/chat} and {@code /api/tags}, Anthropic {@code /v1/messages},
 * {@code /v1/models}). Each path plays a script of replies in order; the last one repeats. Records every
 * request so tests can count hits and read what was sent.
 */
final class FakeLlm implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, List<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final List<Recorded> requests = new CopyOnWriteArrayList<>();

    /** What the server saw. */
    record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** One scripted reply. */
    @FunctionalInterface
    interface Reply {
        void send(HttpExchange exchange) throws IOException;
    }

    private FakeLlm() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeLlm start() {
        try {
            return new FakeLlm();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** e.g. {@code http://127.0.0.1:41234} */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Plays {@code replies} in order for {@code path}, repeating the last. */
    FakeLlm on(String path, Reply... replies) {
        scripts.put(path, new CopyOnWriteArrayList<>(List.of(replies)));
        return this;
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    Recorded last(String path) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).path().equals(path)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no request to " + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()),
                    body));
            int n = hits.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
            List<Reply> script = scripts.get(path);
            if (script == null || script.isEmpty()) {
                status(404, "{\"error\":{\"message\":\"no such path\"}}").send(exchange);
                return;
            }
            script.get(Math.min(n, script.size() - 1)).send(exchange);
        } catch (IOException e) {
            // The client gave up (timeout tests); nothing to tell it.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // Replies.

    static Reply status(int status, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    static Reply delayed(Duration delay, Reply then) {
        return exchange -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            then.send(exchange);
        };
    }

    /** An OpenAI chat completion with usage. */
    static Reply openAi(String text, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1_700_000_000)
                .put("model", "test-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return status(200, root.toString());
    }

    /** An OpenAI chat completion that reports no usage. */
    static Reply openAiWithoutUsage(String text) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-2").put("object", "chat.completion").put("created", 1_700_000_000)
                .put("model", "test-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        return status(200, root.toString());
    }

    /** SSE chunks, one per token, then finish_reason, a usage chunk and {@code data: [DONE]}. */
    static Reply openAiStream(List<String> tokens, int promptTokens, int completionTokens) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String chunk : sseChunks(tokens, promptTokens, completionTokens)) {
                out.write(chunk.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }

    static List<String> sseChunks(List<String> tokens, int promptTokens, int completionTokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            ObjectNode chunk = chunk();
            ObjectNode choice = ((ArrayNode) chunk.get("choices")).addObject();
            choice.put("index", 0).putNull("finish_reason");
            ObjectNode delta = choice.putObject("delta");
            if (i == 0) {
                delta.put("role", "assistant");
            }
            delta.put("content", tokens.get(i));
            out.add("data: " + chunk + "\n\n");
        }
        ObjectNode end = chunk();
        ObjectNode choice = ((ArrayNode) end.get("choices")).addObject();
        choice.put("index", 0).put("finish_reason", "stop").putObject("delta");
        out.add("data: " + end + "\n\n");
        ObjectNode usage = chunk();
        usage.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        out.add("data: " + usage + "\n\n");
        out.add("data: [DONE]\n\n");
        return out;
    }

    private static ObjectNode chunk() {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", "chatcmpl-s").put("object", "chat.completion.chunk").put("created", 1_700_000_000)
                .put("model", "test-model");
        chunk.putArray("choices");
        return chunk;
    }

    /** Ollama's native non-streaming {@code /api/chat} answer. */
    static Reply ollama(String text, int promptTokens, int evalTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "llama3").put("created_at", "2024-05-01T10:00:00.000000Z").put("done", true)
                .put("done_reason", "stop").put("prompt_eval_count", promptTokens).put("eval_count", evalTokens);
        root.putObject("message").put("role", "assistant").put("content", text);
        return status(200, root.toString());
    }

    /** Anthropic's {@code /v1/messages} answer. */
    static Reply anthropic(String text, int inputTokens, int outputTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "msg_1").put("type", "message").put("role", "assistant").put("model", "claude-test")
                .put("stop_reason", "end_turn").putNull("stop_sequence");
        root.putArray("content").addObject().put("type", "text").put("text", text);
        root.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        return status(200, root.toString());
    }

    /** {@code GET /v1/models} of OpenAI or Anthropic. */
    static Reply models(String... ids) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String id : ids) {
            data.addObject().put("id", id).put("object", "model");
        }
        return status(200, root.toString());
    }

    /** Ollama's {@code GET /api/tags}. */
    static Reply ollamaTags(String... names) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode models = root.putArray("models");
        for (String name : names) {
            models.addObject().put("name", name).put("model", name).put("size", 4_000_000_000L);
        }
        return status(200, root.toString());
    }
}
