package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;

/** A call to a worker that did not give what was asked, and whose fault that is. */
final class WorkerFailure extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DETAIL = 200;

    private final Blame blame;

    WorkerFailure(Blame blame, String reason) {
        super(reason);
        this.blame = blame;
    }

    WorkerFailure(Blame blame, String reason, Throwable cause) {
        super(reason, cause);
        this.blame = blame;
    }

    Blame blame() {
        return blame;
    }

    String reason() {
        return getMessage();
    }

    /** The connection failed, dropped or timed out: the worker is down or overloaded. */
    static WorkerFailure connection(Throwable e) {
        return new WorkerFailure(Blame.WORKER, describe(e), e);
    }

    /** The worker answered with something other than the expected format. */
    static WorkerFailure malformed(String what) {
        return new WorkerFailure(Blame.WORKER, "unexpected answer: " + what);
    }

    static WorkerFailure cancelled() {
        return new WorkerFailure(Blame.CANCELLED, "cancelled");
    }

    /**
     * An HTTP error status. 429 and 408 mean "busy, try later"; 400, 413, 415 and 422 mean the request
     * itself is wrong, so another worker would refuse it too; everything else (401, 403, 404, 5xx …) means
     * this worker cannot serve now.
     */
    static WorkerFailure status(int code, String body, String what, ObjectMapper json) {
        String detail = detail(body, json);
        String reason = "HTTP " + code + " from " + what + (detail.isEmpty() ? "" : ": " + detail);
        Blame blame = switch (code) {
            case 408, 429 -> Blame.BUSY;
            case 400, 413, 415, 422 -> Blame.REQUEST;
            default -> Blame.WORKER;
        };
        return new WorkerFailure(blame, reason);
    }

    static String describe(Throwable e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        if (e instanceof IOException) {
            return "connection lost" + (message == null || message.isBlank() ? "" : " (" + message + ")");
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** What the server said in its error body: OpenAI's error.message, A1111's error and errors, or the text. */
    private static String detail(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        try {
            JsonNode node = json.readTree(text);
            if (node.path("error").path("message").isTextual()) {
                text = node.path("error").path("message").asText();
            } else {
                // Automatic1111: {"error": exception type, "detail": …, "body": …, "errors": str(exception)}
                List<String> parts = new ArrayList<>();
                for (String field : List.of("error", "detail", "errors")) {
                    String part = node.path(field).isTextual() ? node.path(field).asText().strip() : "";
                    if (!part.isEmpty() && !parts.contains(part)) {
                        parts.add(part);
                    }
                }
                if (!parts.isEmpty()) {
                    text = String.join(": ", parts);
                }
            }
        } catch (IOException ignored) {
            // Not JSON: keep the raw text.
        }
        text = text.replaceAll("\\s+", " ");
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }

    /** Whose fault a failure is, which decides what happens to the job and the worker. */
    enum Blame {
        /** The worker is down or misbehaving: mark it unhealthy, retry the job elsewhere. */
        WORKER,
        /** The worker is busy: retry the job, keep the worker healthy. */
        BUSY,
        /** The request is wrong: fail the job, keep the worker healthy. */
        REQUEST,
        /** The attempt was cancelled or abandoned here. */
        CANCELLED
    }
}
