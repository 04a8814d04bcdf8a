package dev.switchboard.workflow.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a failed task is tried again: up to {@code maxAttempts} attempts in all, waiting
 * {@code initialDelay × multiplier^(attempt-1)}, at most {@code maxDelay}, spread by ± {@code jitter} (a fraction).
 *
 * @param retryOn the error kinds that are retried ({@code error}, {@code timeout}, or a task type's own kind);
 *                empty means every kind
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay,
                          double jitter, List<String> retryOn) {

    /** One attempt, no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO, 0, List.of());

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        retryOn = List.copyOf(retryOn);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Whether an error of {@code kind} may be retried at all. */
    public boolean retries(String kind) {
        return retryOn.isEmpty() || retryOn.contains(kind);
    }

    /**
     * The wait before attempt {@code nextAttempt} (2 or more), without jitter.
     */
    public Duration baseDelay(int nextAttempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, nextAttempt - 2));
        long capped = maxDelay.isZero() ? (long) millis : (long) Math.min(millis, maxDelay.toMillis());
        return Duration.ofMillis(Math.max(0, capped));
    }

    /** The wait before attempt {@code nextAttempt} with jitter from {@code unitRandom} in [0, 1). */
    public Duration delay(int nextAttempt, double unitRandom) {
        long base = baseDelay(nextAttempt).toMillis();
        double spread = base * jitter * (unitRandom * 2 - 1);
        return Duration.ofMillis(Math.max(0, Math.round(base + spread)));
    }
}
