package dev.switchboard.ai.engine;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.switchboard.ai.ChatListener;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.ChatService;
import dev.switchboard.ai.OfflineResponder;
import dev.switchboard.ai.Provenance;
import dev.switchboard.ai.engine.chat.CacheKey;
import dev.switchboard.ai.engine.chat.ResponseCache;
import dev.switchboard.ai.engine.chat.TokenCount;
import dev.switchboard.ai.engine.chat.UsageLedger;
import dev.switchboard.ai.engine.provider.Failures;
import dev.switchboard.ai.engine.provider.Langchain4jModels;
import dev.switchboard.ai.engine.provider.ProviderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamed answer. Starts on a virtual thread; tokens then arrive on the HTTP client's threads.
 * Attempts that fail before the first token are retried with backoff like {@code chat}; a failure after
 * it (error, dropped connection, no token within the provider's timeout) ends the stream with the
 * offline answer as the rest of the text. Every listener call is made under this object's monitor, so
 * the listener sees tokens in order and exactly one end.
 */
final class StreamRun implements ChatService.StreamHandle {

    private static final Logger LOG = LoggerFactory.getLogger(StreamRun.class);

    private final AiGateway gateway;
    private final ChatRequest request;
    private final OfflineResponder offline;
    private final ChatListener listener;
    private final long started = System.nanoTime();

    private final StringBuilder streamed = new StringBuilder();
    private boolean finished;
    private int failedAttempts;
    private volatile boolean cancelled;
    private volatile Attempt current;
    private volatile ProviderConfig provider;

    StreamRun(AiGateway gateway, ChatRequest request, OfflineResponder offline, ChatListener listener) {
        this.gateway = gateway;
        this.request = request;
        this.offline = offline;
        this.listener = listener;
    }

    void start() {
        Thread.ofVirtual().name("ai-stream").start(this::begin);
    }

    @Override
    public void cancel() {
        cancelled = true;
        Attempt a = current;
        if (a != null) {
            a.abandon();
        }
        Thread.ofVirtual().name("ai-stream-cancel").start(() -> {
            synchronized (this) {
                if (finished) {
                    return;
                }
                finished = true;
                ProviderConfig c = provider;
                if (c != null) {
                    int in = TokenCount.estimateInput(request);
                    int out = TokenCount.estimate(streamed.toString());
                    gateway.ledger().record(request.use(), c.name(), c.model(),
                            new UsageLedger.Call(false, in, out, c.costUsd(in, out), failedAttempts, false));
                }
                safely(() -> listener.onError(new CancellationException("stream cancelled")));
            }
        });
    }

    private void begin() {
        try {
            AiGateway.Route route = gateway.route(request.use());
            if (route.channel() == null) {
                fallback(route.provider(), route.model(), route.reason(), false);
                return;
            }
            ProviderChannel ch = route.channel();
            ProviderConfig c = ch.config();
            provider = c;
            byte[] key = gateway.cacheable(request) ? CacheKey.of(c.name(), c.model(), request) : null;
            if (key != null) {
                Optional<ResponseCache.Entry> hit = gateway.cache().get(key);
                if (hit.isPresent()) {
                    for (String token : words(hit.get().answer())) {
                        deliver(token);
                    }
                    Provenance p = new Provenance(Provenance.Source.CACHE, c.name(), c.model(),
                            AiGateway.since(started), 0, 0, 0, "");
                    finish(p, c.name(), c.model(), UsageLedger.Call.cached());
                    return;
                }
            }
            attempt(ch, key, 1);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void attempt(ProviderChannel ch, byte[] key, int n) {
        if (cancelled) {
            return;
        }
        ProviderConfig c = ch.config();
        try {
            if (!ch.limiter().acquirePermission()) {
                fallback(c.name(), c.model(), "rate limited" + (n > 1 ? " after " + (n - 1) + " tries" : ""), false);
                return;
            }
            if (!ch.breaker().tryAcquirePermission()) {
                fallback(c.name(), c.model(), "circuit open" + (n > 1 ? " after " + (n - 1) + " tries" : ""), false);
                return;
            }
            Attempt a = new Attempt(ch, key, n);
            current = a;
            a.begin();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** After a failed attempt: retry while nothing was streamed, else finish with the offline answer. */
    private void failed(ProviderChannel ch, byte[] key, int n, Throwable error, boolean midStream) {
        synchronized (this) {
            failedAttempts++;
        }
        if (cancelled) {
            return;
        }
        if (!midStream && Failures.isRetryable(error) && n < ch.maxAttempts()) {
            try {
                gateway.timer().schedule(() -> Thread.ofVirtual().name("ai-stream").start(
                        () -> attempt(ch, key, n + 1)), ch.backoffMillis(n), TimeUnit.MILLISECONDS);
                return;
            } catch (RejectedExecutionException closing) {
                LOG.debug("Gateway closing; not retrying the stream");
            }
        }
        String reason = gateway.reason(ch, error, n) + (midStream ? " mid-stream" : "");
        gateway.warn(request.use(), ch.config(), reason, error);
        Thread.ofVirtual().name("ai-stream-fallback").start(() -> {
            try {
                fallback(ch.config().name(), ch.config().model(), reason, midStream);
            } catch (RuntimeException e) {
                fail(e);
            }
        });
    }

    private void succeeded(ProviderChannel ch, byte[] key, ChatResponse response) {
        ProviderConfig c = ch.config();
        String text;
        synchronized (this) {
            text = streamed.toString();
        }
        AiGateway.Tokens tokens = AiGateway.Tokens.of(response, request, text);
        double cost = c.costUsd(tokens.in(), tokens.out());
        Provenance p = new Provenance(Provenance.Source.ONLINE, c.name(), c.model(), AiGateway.since(started),
                tokens.in(), tokens.out(), cost, tokens.note());
        // Cached before the listener hears the end, so a repeat asked from onComplete already hits.
        if (key != null) {
            gateway.cache().put(key, c.name(), c.model(), text, tokens.in(), tokens.out());
        }
        finish(p, c.name(), c.model(),
                new UsageLedger.Call(false, tokens.in(), tokens.out(), cost, failedAttempts(), false));
    }

    /** Sends the offline answer (or, mid-stream, the part of it not yet sent) and ends the stream. */
    private void fallback(String providerName, String model, String reason, boolean midStream) {
        String text = offline.respond(request);
        String rest;
        int outSoFar;
        synchronized (this) {
            if (finished) {
                return;
            }
            rest = remaining(streamed.toString(), text == null ? "" : text);
            outSoFar = TokenCount.estimate(streamed.toString());
        }
        for (String token : words(rest)) {
            deliver(token);
        }
        Provenance p = Provenance.offline(AiGateway.FALLBACK_KIND, AiGateway.since(started), reason);
        int failures = failedAttempts();
        UsageLedger.Call call = UsageLedger.Call.offline(failures);
        ProviderConfig c = provider;
        if (midStream && c != null) {
            // The provider streamed (and likely billed) part of an answer before failing.
            int in = TokenCount.estimateInput(request);
            call = new UsageLedger.Call(false, in, outSoFar, c.costUsd(in, outSoFar), failures, true);
        }
        finish(p, providerName, model, call);
    }

    private synchronized int failedAttempts() {
        return failedAttempts;
    }

    private void fail(RuntimeException e) {
        LOG.warn("AI stream for {} failed, also offline: {}", request.use(), e.toString());
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            safely(() -> listener.onError(e));
        }
    }

    private synchronized void deliver(String token) {
        if (finished || token.isEmpty()) {
            return;
        }
        streamed.append(token);
        safely(() -> listener.onToken(token));
    }

    /** Ends the stream with {@code p} unless it has ended; returns whether this call ended it. */
    private synchronized boolean finish(Provenance p, String providerName, String model, UsageLedger.Call call) {
        if (finished) {
            return false;
        }
        finished = true;
        gateway.ledger().record(request.use(), providerName, model, call);
        gateway.recordLast(request.use(), p);
        ChatReply reply = new ChatReply(streamed.toString(), p);
        safely(() -> listener.onComplete(reply));
        return true;
    }

    private void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A chat listener for {} threw {}; the stream goes on", request.use(), e.toString());
        }
    }

    /**
     * What to send after {@code sent} so the stream ends with the offline answer: its remainder when
     * it continues what was sent, else the whole answer on a new line.
     */
    static String remaining(String sent, String offlineText) {
        if (sent.isEmpty()) {
            return offlineText;
        }
        if (offlineText.startsWith(sent)) {
            return offlineText.substring(sent.length());
        }
        return (sent.endsWith("\n") ? "" : "\n") + offlineText;
    }

    /** {@code text} cut after each run of whitespace, so joining the pieces gives it back. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            boolean space = Character.isWhitespace(text.charAt(i));
            i++;
            if (space && (i == text.length() || !Character.isWhitespace(text.charAt(i)))) {
                out.add(text.substring(start, i));
                start = i;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** One attempt against the provider's streaming model. */
    private final class Attempt implements StreamingChatResponseHandler {

        private final ProviderChannel ch;
        private final byte[] key;
        private final int n;
        private final AtomicBoolean done = new AtomicBoolean();
        private final long attemptStarted = System.nanoTime();
        private final long timeoutNanos;
        private volatile long lastEvent = System.nanoTime();
        private volatile boolean sentAny;
        private volatile StreamingHandle handle;
        private volatile ScheduledFuture<?> watchdog;

        Attempt(ProviderChannel ch, byte[] key, int n) {
            this.ch = ch;
            this.key = key;
            this.n = n;
            this.timeoutNanos = ch.config().timeout().toNanos();
        }

        void begin() {
            watch(timeoutNanos);
            try {
                ch.streamingModel().chat(Langchain4jModels.request(request, ch.config().kind()), this);
            } catch (RuntimeException e) {
                onError(e);
            }
        }

        @Override
        public void onPartialResponse(String text) {
            token(text);
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle = context.streamingHandle();
            token(partial.text());
        }

        private void token(String text) {
            lastEvent = System.nanoTime();
            if (done.get() || cancelled) {
                stopUnderlying();
                return;
            }
            if (text != null && !text.isEmpty()) {
                sentAny = true;
                deliver(text);
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            stopWatch();
            if (!sentAny) {
                String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
                if (text == null || text.isBlank()) {
                    Failures.EmptyAnswerException empty = new Failures.EmptyAnswerException();
                    ch.breaker().onError(elapsed(), TimeUnit.NANOSECONDS, empty);
                    failed(ch, key, n, empty, false);
                    return;
                }
                deliver(text);
            }
            ch.breaker().onSuccess(elapsed(), TimeUnit.NANOSECONDS);
            succeeded(ch, key, response);
        }

        @Override
        public void onError(Throwable error) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            stopWatch();
            stopUnderlying();
            // Sanitised before the breaker (which logs at DEBUG) sees it: error bodies may echo the key.
            Failures.ProviderFailure safe = Failures.sanitised(error);
            ch.breaker().onError(elapsed(), TimeUnit.NANOSECONDS, safe);
            failed(ch, key, n, safe, sentAny);
        }

        /** The stream was cancelled: stop reading and give the breaker its permit back. */
        void abandon() {
            if (done.compareAndSet(false, true)) {
                stopWatch();
                stopUnderlying();
                ch.breaker().releasePermission();
            }
        }

        private void watch(long delayNanos) {
            try {
                watchdog = gateway.timer().schedule(this::checkIdle, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                LOG.debug("Gateway closing; stream {} runs without an idle timeout", request.use());
            }
        }

        private void checkIdle() {
            if (done.get()) {
                return;
            }
            long idle = System.nanoTime() - lastEvent;
            if (idle >= timeoutNanos) {
                onError(new dev.langchain4j.exception.TimeoutException("no token within "
                        + ch.config().timeout().toMillis() + " ms"));
            } else {
                watch(timeoutNanos - idle);
            }
        }

        private void stopWatch() {
            ScheduledFuture<?> w = watchdog;
            if (w != null) {
                w.cancel(false);
            }
        }

        private void stopUnderlying() {
            StreamingHandle h = handle;
            if (h != null && !h.isCancelled()) {
                try {
                    h.cancel();
                } catch (RuntimeException unsupported) {
                    LOG.debug("Provider stream cannot be cancelled: {}", unsupported.toString());
                }
            }
        }

        private long elapsed() {
            return System.nanoTime() - attemptStarted;
        }
    }
}
