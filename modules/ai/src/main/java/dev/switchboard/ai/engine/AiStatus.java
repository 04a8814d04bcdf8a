package dev.switchboard.ai.engine;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.Provenance;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of the gateway for the status bar and {@code switchboard ai status}: per use, which
 * provider answers, the state of its circuit breaker and how the last call went.
 */
public record AiStatus(Instant at, List<UseStatus> uses) {

    public AiStatus {
        Objects.requireNonNull(at, "at");
        uses = List.copyOf(uses);
    }

    /** Whether at least one use has an enabled provider whose breaker lets calls through. */
    public boolean online() {
        return uses.stream().anyMatch(UseStatus::usable);
    }

    public UseStatus of(AiUse use) {
        return uses.stream().filter(u -> u.use() == use).findFirst().orElseThrow();
    }

    /** One line per use, e.g. "Caller  lab-vllm  CLOSED  online · lab-vllm · llama · 840 ms". */
    public String summary() {
        StringBuilder out = new StringBuilder(online() ? "AI online" : "AI offline").append('\n');
        for (UseStatus u : uses) {
            out.append(String.format(Locale.ROOT, "%-18s %-20s %-9s %s%n", u.use().label(), u.provider(), u.breaker(),
                    u.lastCall().map(Provenance::label).orElse("no call yet")));
        }
        return out.toString();
    }

    /**
     * @param provider the chosen provider's name, or "offline"
     * @param enabled whether that provider is enabled (false when offline)
     * @param breaker NONE when no enabled provider is chosen
     * @param lastCall the provenance of this use's last call since start
     */
    public record UseStatus(AiUse use, String provider, boolean enabled, BreakerState breaker,
                            Optional<Provenance> lastCall) {

        /** Whether calls of this use may reach a provider now. */
        public boolean usable() {
            return enabled && (breaker == BreakerState.CLOSED || breaker == BreakerState.HALF_OPEN);
        }
    }

    /** A provider's circuit breaker as the UI shows it. */
    public enum BreakerState {
        /** No enabled provider: the use answers offline. */
        NONE,
        /** Calls go through. */
        CLOSED,
        /** Probing calls go through after the wait. */
        HALF_OPEN,
        /** Calls answer offline until the wait is over. */
        OPEN;

        static BreakerState of(CircuitBreaker.State state) {
            return switch (state) {
                case CLOSED, DISABLED, METRICS_ONLY -> CLOSED;
                case HALF_OPEN -> HALF_OPEN;
                case OPEN, FORCED_OPEN -> OPEN;
            };
        }
    }
}
