package dev.switchboard.ai.engine.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The latest known health of one worker; kept in memory, so every worker is {@code UNKNOWN} after start-up
 * until its first check.
 *
 * @param reason why it is unhealthy or unknown; empty when healthy
 * @param consecutiveFailures failed checks or jobs since the last passed check
 * @param lastChecked when it was last checked or last failed a job; {@code null} before that
 * @param latency how long the last passed check took; zero otherwise
 * @param models the model names the worker listed in its last passed check
 */
public record WorkerHealth(String worker, Status status, String reason, int consecutiveFailures,
                           Instant lastChecked, Duration latency, List<String> models) {

    public WorkerHealth {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        latency = latency == null ? Duration.ZERO : latency;
        models = models == null ? List.of() : List.copyOf(models);
    }

    static WorkerHealth unknown(String worker, String reason) {
        return new WorkerHealth(worker, Status.UNKNOWN, reason, 0, null, Duration.ZERO, List.of());
    }

    public boolean isHealthy() {
        return status == Status.HEALTHY;
    }

    /** One line for the UI, e.g. "healthy · 42 ms" or "unhealthy: connection refused (3 failures)". */
    public String summary() {
        return switch (status) {
            case HEALTHY -> String.format(Locale.ROOT, "healthy · %d ms", latency.toMillis());
            case UNHEALTHY -> "unhealthy: " + reason + (consecutiveFailures > 1
                    ? " (" + consecutiveFailures + " failures)" : "");
            case UNKNOWN -> reason.isEmpty() ? "not checked yet" : reason;
        };
    }

    /** The outcome of the latest check. */
    public enum Status {
        HEALTHY, UNHEALTHY, UNKNOWN
    }
}
