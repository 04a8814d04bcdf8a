package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ComfyUI's {@code /ws} websocket for one job: progress and the end of the prompt as JSON messages, previews as
 * binary frames (4 bytes event type: 1 = preview with a 4-byte image format before the image, 4 = preview with
 * a 4-byte length of JSON metadata before the image). When the socket cannot be opened it stays closed and
 * {@link #await} just waits, so the caller polls instead. Thread-safe.
 */
final class ComfySocket implements WebSocket.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ComfySocket.class);
    private static final int PREVIEW = 1;
    private static final int PREVIEW_WITH_METADATA = 4;

    private final WorkerCalls calls;
    private final Object lock = new Object();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayBuffer binary = new ByteArrayBuffer();
    private WebSocket socket;
    private volatile boolean open;
    // Guarded by lock: what happened since the last await.
    private double progress = -1;
    private byte[] preview;
    private boolean done;
    private boolean interrupted;
    private String error;
    private String promptId;

    private ComfySocket(WorkerCalls calls) {
        this.calls = calls;
    }

    /** Opens the socket for {@code clientId}, or returns a closed one when the worker does not accept it. */
    static ComfySocket open(WorkerCalls calls, Worker worker, String clientId) {
        ComfySocket s = new ComfySocket(calls);
        try {
            CompletableFuture<WebSocket> pending = calls.http().newWebSocketBuilder()
                    .connectTimeout(calls.config().connectTimeout())
                    .buildAsync(ComfyUiClient.socketUrl(worker, clientId), s);
            s.socket = pending.get(calls.config().checkTimeout().toMillis(), TimeUnit.MILLISECONDS);
            s.open = true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String status = cause instanceof java.net.http.WebSocketHandshakeException h
                    ? " (HTTP " + h.getResponse().statusCode() + ")" : "";
            LOG.debug("No websocket to {}: {}{}; polling /history instead", worker.name(), cause.toString(), status);
        } catch (TimeoutException | RuntimeException e) {
            LOG.debug("No websocket to {} ({}); polling /history instead", worker.name(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return s;
    }

    boolean isOpen() {
        return open;
    }

    /**
     * Waits up to {@code wait} for news of {@code prompt}, hands progress and the latest preview to the attempt,
     * and returns whether the prompt ended (done, interrupted or failed).
     */
    News await(String prompt, Duration wait, Attempt attempt) {
        double p;
        byte[] image;
        News news;
        synchronized (lock) {
            promptId = prompt;
            if (!done && !interrupted && error == null) {
                try {
                    lock.wait(Math.max(1, wait.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            p = progress;
            image = preview;
            preview = null;
            news = new News(done, interrupted, error);
        }
        if (p >= 0) {
            attempt.progress(p);
        }
        if (image != null) {
            attempt.preview(image);
        }
        return news;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            String message = text.toString();
            text.setLength(0);
            handle(message);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        binary.append(data);
        if (last) {
            byte[] frame = binary.take();
            handlePreview(frame);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        open = false;
        wake();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        LOG.debug("ComfyUI websocket failed: {}", error.toString());
        open = false;
        wake();
    }

    @Override
    public void close() {
        WebSocket s = socket;
        if (s != null && open) {
            open = false;
            s.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
            s.abort();
        }
    }

    private void handle(String message) {
        JsonNode m;
        try {
            m = calls.json().readTree(message);
        } catch (IOException e) {
            return;
        }
        JsonNode data = m.path("data");
        synchronized (lock) {
            String prompt = data.path("prompt_id").asText(null);
            // The client id is the job's own, so the worker sends this socket only the job's messages; they may
            // arrive before POST /prompt has returned the id.
            boolean ours = prompt == null || promptId == null || prompt.equals(promptId);
            switch (m.path("type").asText()) {
                case "progress" -> {
                    double max = data.path("max").asDouble(0);
                    if (ours && max > 0) {
                        progress = Math.min(1, data.path("value").asDouble(0) / max);
                    }
                }
                case "executing" -> {
                    if (ours && prompt != null && data.path("node").isNull()) {
                        done = true;
                    }
                }
                case "execution_success" -> done |= ours && prompt != null;
                case "execution_interrupted" -> interrupted |= ours && prompt != null;
                case "execution_error" -> {
                    if (ours && prompt != null) {
                        error = data.path("node_type").asText("") + ": "
                                + data.path("exception_message").asText("").strip();
                    }
                }
                default -> {
                    return;
                }
            }
            lock.notifyAll();
        }
    }

    private void handlePreview(byte[] frame) {
        if (frame.length < 8) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(frame);
        int type = b.getInt();
        byte[] image = null;
        if (type == PREVIEW) {
            image = Arrays.copyOfRange(frame, 8, frame.length);
        } else if (type == PREVIEW_WITH_METADATA) {
            int length = b.getInt();
            if (length < 0 || 8 + length > frame.length) {
                return;
            }
            String meta = new String(frame, 8, length, StandardCharsets.UTF_8);
            synchronized (lock) {
                if (promptId != null && !meta.contains(promptId)) {
                    return;
                }
            }
            image = Arrays.copyOfRange(frame, 8 + length, frame.length);
        }
        if (image != null && image.length > 0) {
            synchronized (lock) {
                preview = image;
            }
        }
    }

    private void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** What {@link #await} learnt: the prompt finished, was interrupted, or failed with {@code error}. */
    record News(boolean done, boolean interrupted, String error) {
    }

    /** Collects the parts of one binary message. */
    private static final class ByteArrayBuffer {
        private byte[] bytes = new byte[0];

        synchronized void append(ByteBuffer data) {
            byte[] more = new byte[data.remaining()];
            data.get(more);
            byte[] joined = Arrays.copyOf(bytes, bytes.length + more.length);
            System.arraycopy(more, 0, joined, bytes.length, more.length);
            bytes = joined;
        }

        synchronized byte[] take() {
            byte[] out = bytes;
            bytes = new byte[0];
            return out;
        }
    }
}
