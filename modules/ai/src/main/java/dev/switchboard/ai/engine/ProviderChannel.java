package dev.switchboard.ai.engine;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.switchboard.ai.engine.chat.GatewayPolicy;
import dev.switchboard.ai.engine.provider.Failures;
import dev.switchboard.ai.engine.provider.ModelFactory;
import dev.switchboard.ai.engine.provider.ProviderConfig;
import dev.switchboard.ai.engine.provider.SecretResolver;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider as the gateway uses it: its models, built with the resolved key, behind its own circuit
 * breaker, rate limiter and retry, each attempt bounded by the provider's timeout. Rebuilt (with fresh
 * resilience state) whenever the provider's configuration changes. Holds the key, so
 * {@link #toString()} leaves it out. Thread-safe.
 */
final class ProviderChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderChannel.class);

    private final ProviderConfig config;
    private final Optional<String> apiKey;
    private final ModelFactory models;
    private final ChatModel chatModel;
    private volatile StreamingChatModel streamingModel;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;
    private final Retry retry;
    private final IntervalFunction backoff;
    private final ExecutorService attempts;

    ProviderChannel(ProviderConfig config, Optional<String> apiKey, ModelFactory models, GatewayPolicy policy,
                    ExecutorService attempts) {
        this.config = config;
        this.apiKey = apiKey;
        this.models = models;
        this.attempts = attempts;
        this.chatModel = models.chatModel(config, apiKey);
        GatewayPolicy.Breaker b = policy.breaker();
        this.breaker = CircuitBreaker.of(config.name(), CircuitBreakerConfig.custom()
                .slidingWindow(b.window(), b.minimumCalls(), CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(b.failureRatePercent())
                .waitDurationInOpenState(b.openWait())
                .permittedNumberOfCallsInHalfOpenState(b.halfOpenCalls())
                .ignoreException(t -> !Failures.countsAgainstProvider(t))
                .build());
        breaker.getEventPublisher().onStateTransition(e -> LOG.warn("AI provider {}: circuit breaker {}",
                config.name(), e.getStateTransition()));
        GatewayPolicy.RateLimit r = policy.rateLimit();
        this.limiter = RateLimiter.of(config.name(), RateLimiterConfig.custom()
                .limitForPeriod(r.permits())
                .limitRefreshPeriod(r.period())
                .timeoutDuration(r.maxWait())
                .build());
        GatewayPolicy.Retry p = policy.retry();
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(p.initialBackoff(), p.multiplier(), p.jitter());
        this.retry = Retry.of(config.name(), RetryConfig.custom()
                .maxAttempts(p.maxAttempts())
                .intervalFunction(backoff)
                .retryOnException(Failures::isRetryable)
                .failAfterMaxAttempts(false)
                .build());
    }

    ProviderConfig config() {
        return config;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    RateLimiter limiter() {
        return limiter;
    }

    /** The wait before attempt {@code attempt + 1}, with jitter. */
    long backoffMillis(int attempt) {
        return backoff.apply(attempt);
    }

    int maxAttempts() {
        return retry.getRetryConfig().getMaxAttempts();
    }

    /** The streaming model, built on first use. */
    StreamingChatModel streamingModel() {
        StreamingChatModel m = streamingModel;
        if (m == null) {
            synchronized (this) {
                m = streamingModel;
                if (m == null) {
                    m = models.streamingModel(config, apiKey);
                    streamingModel = m;
                }
            }
        }
        return m;
    }

    /** {@code text} with the key, should it appear (an error body may echo it), replaced by "***". */
    String redact(String text) {
        return SecretResolver.redact(text, apiKey);
    }

    /** An answer and how many attempts it took. */
    record Answer(ChatResponse response, int tries, int failedAttempts) {
    }

    /** A call that failed after {@code tries} attempts ({@code failedAttempts} of them reached the provider). */
    static final class CallFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int tries;
        private final int failedAttempts;

        CallFailed(RuntimeException cause, int tries, int failedAttempts) {
            super(cause.getClass().getName(), cause, false, false);
            this.tries = tries;
            this.failedAttempts = failedAttempts;
        }

        int tries() {
            return tries;
        }

        int failedAttempts() {
            return failedAttempts;
        }
    }

    /**
     * Calls the provider: retry, then rate limiter, then circuit breaker, then one attempt bounded by
     * the timeout. Blocks the calling thread through retries and backoff.
     */
    Answer call(ChatRequest request) throws CallFailed {
        int[] counts = new int[2];
        Supplier<ChatResponse> attempt = () -> {
            counts[0]++;
            try {
                return timedAttempt(request);
            } catch (RuntimeException e) {
                counts[1]++;
                throw e;
            }
        };
        Supplier<ChatResponse> guarded = Retry.decorateSupplier(retry,
                RateLimiter.decorateSupplier(limiter, CircuitBreaker.decorateSupplier(breaker, attempt)));
        try {
            return new Answer(guarded.get(), counts[0], counts[1]);
        } catch (RuntimeException e) {
            throw new CallFailed(e, counts[0], counts[1]);
        }
    }

    /** One attempt; whatever it throws is {@linkplain Failures#sanitised sanitised} first. */
    private ChatResponse timedAttempt(ChatRequest request) {
        try {
            return unsafeAttempt(request);
        } catch (RuntimeException e) {
            throw Failures.sanitised(e);
        }
    }

    private ChatResponse unsafeAttempt(ChatRequest request) {
        Future<ChatResponse> future = attempts.submit(() -> chatModel.chat(request));
        ChatResponse response;
        try {
            response = future.get(config.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new dev.langchain4j.exception.TimeoutException("no answer within " + config.timeout().toMillis()
                    + " ms", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for " + config.name());
        }
        if (response == null || response.aiMessage() == null || response.aiMessage().text() == null
                || response.aiMessage().text().isBlank()) {
            throw new Failures.EmptyAnswerException();
        }
        return response;
    }

    @Override
    public String toString() {
        return "ProviderChannel[" + config.name() + ", " + config.kind() + ", " + config.model() + ", breaker "
                + breaker.getState() + "]";
    }
}
