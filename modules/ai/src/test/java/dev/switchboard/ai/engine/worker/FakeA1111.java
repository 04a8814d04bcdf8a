package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Speaks the Automatic1111 web UI API: txt2img, img2img, progress, interrupt, sd-models. Generation
 * requests can be made to fail with a status or to block until {@link #release()} or an interrupt.
 */
final class FakeA1111 extends FakeServer {

    static final String MODEL = "v1-5-pruned-emaonly";

    /** Prompts of generation requests, in arrival order. */
    final List<String> prompts = new CopyOnWriteArrayList<>();
    /** Bodies of generation requests, in arrival order. */
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger interrupts = new AtomicInteger();
    /** Generation requests still to block (until released or interrupted). */
    final AtomicInteger toBlock = new AtomicInteger();
    private final Semaphore arrived = new Semaphore(0);
    private volatile CountDownLatch gate = new CountDownLatch(1);
    private volatile int failStatus;
    private volatile double progress;

    FakeA1111 failWith(int status) {
        failStatus = status;
        return this;
    }

    FakeA1111 blockNext(int requests) {
        toBlock.set(requests);
        return this;
    }

    void progress(double fraction) {
        progress = fraction;
    }

    /** Waits until a generation request has arrived (one per call). */
    void awaitGeneration() throws InterruptedException {
        if (!arrived.tryAcquire(20, TimeUnit.SECONDS)) {
            throw new AssertionError("no generation request reached " + url());
        }
    }

    /** Lets blocked generation requests answer. */
    void release() {
        gate.countDown();
    }

    @Override
    void releaseAll() {
        release();
    }

    @Override
    void handle(HttpExchange exchange, String route) throws IOException {
        switch (route) {
            case "GET /sdapi/v1/sd-models" -> reply(exchange, 200,
                    "[{\"title\":\"" + MODEL + ".safetensors [6ce0161689]\",\"model_name\":\"" + MODEL + "\"}]");
            case "GET /sdapi/v1/progress" -> reply(exchange, 200, "{\"progress\":" + progress
                    + ",\"eta_relative\":1.5,\"state\":{\"job_count\":1},\"current_image\":null}");
            case "POST /sdapi/v1/interrupt" -> {
                interrupts.incrementAndGet();
                release();
                reply(exchange, 200, "{}");
            }
            case "POST /sdapi/v1/txt2img", "POST /sdapi/v1/img2img" -> generate(exchange);
            default -> reply(exchange, 404, "{\"detail\":\"Not Found\"}");
        }
    }

    private void generate(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        bodies.add(body);
        prompts.add(body.path("prompt").asText());
        arrived.release();
        if (toBlock.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            CountDownLatch g = gate;
            try {
                g.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            gate = new CountDownLatch(1);
        }
        if (failStatus != 0) {
            reply(exchange, failStatus, "{\"error\":\"OutOfMemoryError\",\"detail\":\"\",\"body\":\"\","
                    + "\"errors\":\"CUDA out of memory. Tried to allocate 2.00 GiB\"}");
            return;
        }
        String png = Base64.getEncoder().encodeToString(TestImages.png());
        String info = "{\"prompt\":" + quote(body.path("prompt").asText()) + ",\"seed\":1234,\"sd_model_name\":\""
                + MODEL + "\"}";
        reply(exchange, 200, "{\"images\":[\"" + png + "\"],\"parameters\":{},\"info\":" + quote(info) + "}");
    }
}
