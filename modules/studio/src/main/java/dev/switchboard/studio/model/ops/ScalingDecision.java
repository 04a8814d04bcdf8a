package dev.switchboard.studio.model.ops;

import java.time.Instant;
import java.util.Objects;

/**
 * What the auto-scaler decided at one evaluation, and why.
 *
 * @param target the worker switched, the command run or the webhook called; empty for a hold
 * @param reason in words, e.g. "7 jobs queued ≥ 5 (scale-up threshold)"
 * @param outcome what happened: "done", "failed: …", or for a hold what it waits for
 */
public record ScalingDecision(Instant at, Direction direction, String target, String reason, int queueDepth,
                              long oldestWaitSeconds, String outcome) {

    public ScalingDecision {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(direction, "direction");
        target = target == null ? "" : target;
    }

    public boolean changedSomething() {
        return direction != Direction.HOLD;
    }

    /** Which way the policy moved. */
    public enum Direction {
        UP, DOWN, HOLD
    }
}
