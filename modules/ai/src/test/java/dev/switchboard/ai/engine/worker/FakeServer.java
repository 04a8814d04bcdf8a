package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A loopback HTTP server standing in for a remote worker; can be stopped and started again on its port. */
abstract class FakeServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutorService handlers = Executors.newCachedThreadPool();
    /** Method and path of every request, in arrival order. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The Authorization header of every request that had one. */
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int port;

    /** Starts listening: on a free port the first time, on the same port after {@link #stop()}. */
    final FakeServer start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                requests.add(exchange.getRequestMethod() + " " + path);
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth != null) {
                    authorizations.add(auth);
                }
                handle(exchange, exchange.getRequestMethod() + " " + path);
            } catch (IOException | RuntimeException e) {
                // The client went away (or the test stopped the server under a blocked request).
            }
        });
        server.setExecutor(handlers);
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    /** Stops listening and drops open connections, as a machine that died would. */
    final void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    abstract void handle(HttpExchange exchange, String route) throws IOException;

    /** Opens gates of requests still blocked, so their threads end. */
    abstract void releaseAll();

    @Override
    public void close() {
        stop();
        releaseAll();
        handlers.shutdownNow();
    }

    static JsonNode body(HttpExchange exchange) throws IOException {
        return JSON.readTree(exchange.getRequestBody().readAllBytes());
    }

    static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
