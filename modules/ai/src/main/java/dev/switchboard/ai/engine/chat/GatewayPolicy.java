package dev.switchboard.ai.engine.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway treats every provider: retries, circuit breaker, rate limit, cache lifetime and how
 * often usage counts reach the database. {@link #defaults()} suits the workstation; tests shorten the
 * durations.
 *
 * @param cacheTtl how long a cached answer is served; {@link Duration#ZERO} turns the cache off
 * @param ledgerFlush how often usage counts are written; a crash loses at most this much
 */
public record GatewayPolicy(Retry retry, Breaker breaker, RateLimit rateLimit, Duration cacheTtl,
                            Duration ledgerFlush) {

    public GatewayPolicy {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(rateLimit, "rateLimit");
        if (cacheTtl == null || cacheTtl.isNegative()) {
            throw new IllegalArgumentException("cacheTtl must be zero or positive");
        }
        if (ledgerFlush == null || ledgerFlush.isNegative() || ledgerFlush.isZero()) {
            throw new IllegalArgumentException("ledgerFlush must be positive");
        }
    }

    /**
     * 3 attempts with backoff from 500 ms doubling, ±50 % jitter; breaker opens at 50 % failures of
     * the last 10 attempts (at least 5), tries again after 30 s with one call; 10 requests per second per
     * provider, waiting up to 2 s for a permit; answers cached 24 h; usage written every second.
     */
    public static GatewayPolicy defaults() {
        return new GatewayPolicy(new Retry(3, Duration.ofMillis(500), 2.0, 0.5),
                new Breaker(10, 5, 50, Duration.ofSeconds(30), 1),
                new RateLimit(10, Duration.ofSeconds(1), Duration.ofSeconds(2)),
                Duration.ofHours(24), Duration.ofSeconds(1));
    }

    public GatewayPolicy withRetry(Retry r) {
        return new GatewayPolicy(r, breaker, rateLimit, cacheTtl, ledgerFlush);
    }

    public GatewayPolicy withBreaker(Breaker b) {
        return new GatewayPolicy(retry, b, rateLimit, cacheTtl, ledgerFlush);
    }

    public GatewayPolicy withRateLimit(RateLimit r) {
        return new GatewayPolicy(retry, breaker, r, cacheTtl, ledgerFlush);
    }

    public GatewayPolicy withCacheTtl(Duration ttl) {
        return new GatewayPolicy(retry, breaker, rateLimit, ttl, ledgerFlush);
    }

    /**
     * Retries of one call with exponential backoff and jitter, for retryable failures only (timeouts,
     * HTTP 408/429/5xx, broken connections).
     *
     * @param maxAttempts tries in all, 1 = no retry
     * @param multiplier factor between successive waits, at least 1
     * @param jitter randomisation of each wait, 0..1 (0.5 = ±50 %)
     */
    public record Retry(int maxAttempts, Duration initialBackoff, double multiplier, double jitter) {
        public Retry {
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException("maxAttempts must be 1..10, was " + maxAttempts);
            }
            if (initialBackoff == null || initialBackoff.toMillis() < 1) {
                throw new IllegalArgumentException("initialBackoff must be at least 1 ms");
            }
            if (!(multiplier >= 1 && multiplier <= 10)) {
                throw new IllegalArgumentException("multiplier must be 1..10, was " + multiplier);
            }
            if (!(jitter >= 0 && jitter < 1)) {
                throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
            }
        }
    }

    /**
     * A circuit breaker per provider over its last attempts. While open, calls go straight to the
     * offline fallback; after {@code openWait} the next {@code halfOpenCalls} calls probe the provider and
     * close the breaker when they succeed.
     *
     * @param window how many recent attempts are judged
     * @param minimumCalls attempts needed before the breaker may open
     * @param failureRatePercent share of failed attempts that opens it, 1..100
     */
    public record Breaker(int window, int minimumCalls, float failureRatePercent, Duration openWait,
                          int halfOpenCalls) {
        public Breaker {
            if (window < 1 || minimumCalls < 1 || minimumCalls > window) {
                throw new IllegalArgumentException("need 1 <= minimumCalls <= window");
            }
            if (!(failureRatePercent > 0 && failureRatePercent <= 100)) {
                throw new IllegalArgumentException("failureRatePercent must be in (0, 100]");
            }
            if (openWait == null || openWait.toMillis() < 1 || halfOpenCalls < 1) {
                throw new IllegalArgumentException("openWait must be positive and halfOpenCalls at least 1");
            }
        }
    }

    /**
     * At most {@code permits} requests per {@code period} to one provider; a call waits up to
     * {@code maxWait} for a permit and otherwise falls back ("rate limited").
     */
    public record RateLimit(int permits, Duration period, Duration maxWait) {
        public RateLimit {
            if (permits < 1 || period == null || period.toNanos() < 1 || maxWait == null || maxWait.isNegative()) {
                throw new IllegalArgumentException("need permits >= 1, a positive period and maxWait >= 0");
            }
        }
    }
}
