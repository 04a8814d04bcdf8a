package dev.switchboard.app.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat endpoint on 127.0.0.1 for the surveillance benchmark: answers JSON-mode requests with a
 * fixed reading and streams other answers as server-sent events, a token every millisecond, citing the first event
 * reference of the prompt. Measures the gateway and the assistant, not a model.
 */
final class LoopbackChatServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    LoopbackChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean stream = body.contains("\"stream\":true") || body.contains("\"stream\" : true");
            if (!stream) {
                String content = "{\\\"intent\\\": \\\"search\\\", \\\"confidence\\\": 0.9, \\\"search\\\": \\\"\\\"}";
                byte[] bytes = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"loopback\","
                        + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"" + content + "\"}}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":10,"
                        + "\"total_tokens\":20}}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                return;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("E\\d+ \\|").matcher(body);
            String ref = m.find() ? m.group().substring(0, m.group().length() - 2) : "E1";
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            String[] tokens = ("The cameras show it at the time asked [" + ref + "]. Nothing else matches.")
                    .split("(?<= )");
            for (String t : tokens) {
                out.write(("data: {\"id\":\"s\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                        + "\"model\":\"loopback\","
                        + "\"choices\":[{\"index\":0,\"finish_reason\":null,\"delta\":{\"content\":\""
                        + t.replace("\"", "\\\"") + "\"}}]}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            out.write(("data: {\"id\":\"s\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"loopback\","
                    + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{}}]}\n\ndata: [DONE]\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
