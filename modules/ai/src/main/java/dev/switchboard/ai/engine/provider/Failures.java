package dev.switchboard.ai.engine.provider;

import com.fasterxml.jackson.core.JacksonException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * What went wrong in a provider call, in a few words for the UI ("timeout", "HTTP 500", "circuit
 * open"), and whether trying again may help. Looks through the whole cause chain, because
 * langchain4j and the JDK HTTP client wrap the interesting exception.
 */
public final class Failures {

    private static final int MAX_DEPTH = 12;

    private Failures() {
    }

    /** A provider answered, but with no text. */
    public static final class EmptyAnswerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public EmptyAnswerException() {
            super("the provider answered with no text");
        }
    }

    /**
     * A provider failure with everything the gateway needs to know about it, and nothing else: no
     * cause, no response body (which may echo the key). Provider exceptions are turned into this at
     * the boundary, before a circuit breaker, retry or logger sees them.
     */
    public static final class ProviderFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean retryable;
        private final boolean countsAgainstProvider;
        private final boolean unauthorised;
        private final int httpStatus;
        private final String causeChain;

        private ProviderFailure(Throwable t) {
            super(describe(t), null, false, true);
            this.retryable = isRetryable(t);
            this.countsAgainstProvider = countsAgainstProvider(t);
            this.unauthorised = isUnauthorised(t);
            this.httpStatus = httpStatus(t).orElse(0);
            StringBuilder chain = new StringBuilder();
            Throwable c = t;
            for (int depth = 0; c != null && depth < MAX_DEPTH; depth++) {
                chain.append(chain.isEmpty() ? "" : " <- ").append(c.getClass().getName());
                c = c.getCause() == c ? null : c.getCause();
            }
            this.causeChain = chain.toString();
        }

        /** The class names of the original exception and its causes, for debugging. */
        public String causeChain() {
            return causeChain;
        }
    }

    /** {@code t} as a {@link ProviderFailure}, keeping what it means and dropping what it says. */
    public static ProviderFailure sanitised(Throwable t) {
        return t instanceof ProviderFailure f ? f : new ProviderFailure(t);
    }

    /**
     * Whether another attempt may succeed: timeouts, HTTP 408/429/5xx and broken or refused
     * connections. Not authentication or other 4xx errors, malformed answers, an open circuit or the
     * local rate limit.
     */
    public static boolean isRetryable(Throwable t) {
        if (t instanceof ProviderFailure f) {
            return f.retryable;
        }
        if (has(t, CallNotPermittedException.class) || has(t, RequestNotPermitted.class)
                || has(t, CancellationException.class) || has(t, JacksonException.class)
                || has(t, EmptyAnswerException.class) || has(t, UnresolvedModelServerException.class)
                || has(t, UnresolvedAddressException.class) || has(t, UnknownHostException.class)) {
            return false;
        }
        OptionalInt status = httpStatus(t);
        if (status.isPresent()) {
            int s = status.getAsInt();
            return s == 408 || s == 429 || s >= 500;
        }
        return isTimeout(t) || has(t, RetriableException.class) || has(t, IOException.class);
    }

    /**
     * Whether the failure says something about the provider's health, so the circuit breaker should
     * count it. A request the provider rejects as invalid (HTTP 400, 413, 422, content filter) says
     * something about that request only.
     */
    public static boolean countsAgainstProvider(Throwable t) {
        if (t instanceof ProviderFailure f) {
            return f.countsAgainstProvider;
        }
        if (has(t, CancellationException.class)) {
            return false;
        }
        if (has(t, InvalidRequestException.class) && !has(t, ModelNotFoundException.class)) {
            return false;
        }
        OptionalInt status = httpStatus(t);
        return status.isEmpty() || !(status.getAsInt() == 400 || status.getAsInt() == 413
                || status.getAsInt() == 422);
    }

    /** Whether the provider refused the key (HTTP 401 or 403). */
    public static boolean isUnauthorised(Throwable t) {
        if (t instanceof ProviderFailure f) {
            return f.unauthorised;
        }
        OptionalInt status = httpStatus(t);
        return has(t, AuthenticationException.class)
                || status.isPresent() && (status.getAsInt() == 401 || status.getAsInt() == 403);
    }

    /** The HTTP status somewhere in the cause chain, if any. */
    public static OptionalInt httpStatus(Throwable t) {
        if (t instanceof ProviderFailure f) {
            return f.httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(f.httpStatus);
        }
        HttpException http = find(t, HttpException.class);
        return http == null ? OptionalInt.empty() : OptionalInt.of(http.statusCode());
    }

    /**
     * A few words for the UI and the provenance note: "circuit open", "rate limited", "timeout",
     * "HTTP 500", "unauthorised (HTTP 401)", "connection refused", "unknown host", "connection error",
     * "malformed response", "empty answer", "cancelled", or "error: ExceptionName". Never contains the
     * provider's response body, which may echo a key.
     */
    public static String describe(Throwable t) {
        if (t instanceof ProviderFailure f) {
            return f.getMessage();
        }
        if (has(t, CallNotPermittedException.class)) {
            return "circuit open";
        }
        if (has(t, RequestNotPermitted.class)) {
            return "rate limited";
        }
        if (has(t, CancellationException.class)) {
            return "cancelled";
        }
        OptionalInt status = httpStatus(t);
        if (status.isPresent()) {
            int s = status.getAsInt();
            return s == 401 || s == 403 ? "unauthorised (HTTP " + s + ")" : "HTTP " + s;
        }
        if (has(t, AuthenticationException.class)) {
            return "unauthorised";
        }
        if (isTimeout(t)) {
            return "timeout";
        }
        if (has(t, ConnectException.class)) {
            return "connection refused";
        }
        if (has(t, UnresolvedModelServerException.class) || has(t, UnresolvedAddressException.class)
                || has(t, UnknownHostException.class)) {
            return "unknown host";
        }
        if (has(t, JacksonException.class)) {
            return "malformed response";
        }
        if (has(t, EmptyAnswerException.class)) {
            return "empty answer";
        }
        if (has(t, IOException.class)) {
            return "connection error";
        }
        return "error: " + t.getClass().getSimpleName();
    }

    private static boolean isTimeout(Throwable t) {
        return has(t, dev.langchain4j.exception.TimeoutException.class) || has(t, HttpTimeoutException.class)
                || has(t, TimeoutException.class) || has(t, SocketTimeoutException.class);
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        return find(t, type) != null;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        Throwable c = t;
        for (int depth = 0; c != null && depth < MAX_DEPTH; depth++) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            c = c.getCause() == c ? null : c.getCause();
        }
        return null;
    }
}
