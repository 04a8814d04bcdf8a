package dev.switchboard.studio.engine.ops;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.core.error.SwitchboardException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * {@code GET /metrics} in the Prometheus text format, on 127.0.0.1 only, for a training center's Prometheus to
 * scrape each seat (through its own exporter or a tunnel: nothing listens on the network). The JDK's HTTP server
 * is enough for one path read every few seconds.
 */
public final class PrometheusEndpoint implements AutoCloseable {

    private final HttpServer server;

    private PrometheusEndpoint(HttpServer server) {
        this.server = server;
    }

    /**
     * Listens on {@code 127.0.0.1:port}.
     *
     * @throws SwitchboardException when the port is taken, saying so and how to choose another
     */
    public static PrometheusEndpoint start(PrometheusMeterRegistry registry, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
        } catch (BindException e) {
            throw new SwitchboardException("Port " + port + " on 127.0.0.1 is in use; the metrics endpoint is off.",
                    "Choose another port for the metrics endpoint in Settings.", e);
        } catch (IOException e) {
            throw new SwitchboardException("Cannot open the metrics endpoint on port " + port + " (" + e.getMessage()
                    + ").", "Choose another port in Settings.", e);
        }
        server.createContext("/metrics", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("GET")) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(Executors.newSingleThreadExecutor(Thread.ofPlatform().name("metrics-endpoint")
                .daemon(true).factory()));
        server.start();
        return new PrometheusEndpoint(server);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
