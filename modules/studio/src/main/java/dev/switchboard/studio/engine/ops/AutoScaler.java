package dev.switchboard.studio.engine.ops;

import dev.switchboard.ai.GpuFleet;
import dev.switchboard.studio.model.ops.OpsSnapshot;
import dev.switchboard.studio.model.ops.ScalingDecision;
import dev.switchboard.studio.model.ops.ScalingPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, at each evaluation, whether to scale the GPU pool up, down or not at all, in the manner of Kubernetes'
 * horizontal pod autoscaler: up at once when the queue is at least the scale-up depth or its oldest job has
 * waited at least the scale-up wait; down only after the queue has stayed at or below the scale-down depth for
 * the stabilisation window; never twice within the cool-down; always within the minimum and maximum of enabled
 * workers. Scaling itself is a {@link ScalingAction}: switching standby workers of the registry, a command, or a
 * webhook. Every decision carries its reason; changes and failures are logged and kept. Not thread-safe: one
 * sampler thread evaluates.
 */
public final class AutoScaler {

    private static final Logger LOG = LoggerFactory.getLogger(AutoScaler.class);

    private final Supplier<ScalingPolicy> policy;
    private final ScalingAction.Factory actions;
    private final ScalingLog log;
    private final Clock clock;
    private Instant lastChange = Instant.MIN;
    private Instant lowSince;

    /**
     * @param policy read at each evaluation, so changes in Settings apply at once
     * @param log where changes are kept; may be null
     */
    public AutoScaler(Supplier<ScalingPolicy> policy, ScalingAction.Factory actions, ScalingLog log, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.log = log;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Evaluates the policy against {@code s} and acts when it is enabled. */
    public ScalingDecision evaluate(OpsSnapshot s) {
        ScalingPolicy p = policy.get();
        Instant now = clock.instant();
        int depth = s.queued();
        long waited = s.oldestWait().toSeconds();
        List<GpuFleet.WorkerStatus> enabled = s.workers().stream().filter(GpuFleet.WorkerStatus::enabled).toList();
        boolean high = depth >= p.upQueueDepth() || (depth > 0 && s.oldestWait().compareTo(p.upWait()) >= 0);
        boolean low = depth <= p.downQueueDepth() && s.oldestWait().compareTo(p.upWait()) < 0;
        if (!low) {
            lowSince = null;
        } else if (lowSince == null) {
            lowSince = now;
        }
        String why;
        ScalingDecision.Direction want = ScalingDecision.Direction.HOLD;
        if (high) {
            why = depth >= p.upQueueDepth() ? depth + " jobs queued ≥ " + p.upQueueDepth() + " (scale-up depth)"
                    : "oldest job waited " + waited + " s ≥ " + p.upWait().toSeconds() + " s (scale-up wait)";
            want = ScalingDecision.Direction.UP;
        } else if (low) {
            Duration stable = Duration.between(lowSince, now);
            if (stable.compareTo(p.downStable()) >= 0) {
                why = depth + " queued ≤ " + p.downQueueDepth() + " for " + stable.toSeconds() + " s (scale-down "
                        + "after " + p.downStable().toSeconds() + " s)";
                want = ScalingDecision.Direction.DOWN;
            } else {
                return hold(s, depth + " queued ≤ " + p.downQueueDepth() + " for " + stable.toSeconds() + " s",
                        "scale-down after " + p.downStable().toSeconds() + " s");
            }
        } else {
            return hold(s, depth + " queued, oldest " + waited + " s: within the thresholds", "nothing to do");
        }
        if (want == ScalingDecision.Direction.UP && enabled.size() >= p.maxWorkers()) {
            return hold(s, why, "at the maximum of " + p.maxWorkers() + " enabled workers");
        }
        if (want == ScalingDecision.Direction.DOWN && enabled.size() <= p.minWorkers()) {
            return hold(s, why, "at the minimum of " + p.minWorkers() + " enabled workers");
        }
        Duration sinceChange = Duration.between(lastChange, now);
        if (!lastChange.equals(Instant.MIN) && sinceChange.compareTo(p.cooldown()) < 0) {
            return hold(s, why, "cooling down: " + p.cooldown().minus(sinceChange).toSeconds() + " s left");
        }
        ScalingAction action = actions.create(p);
        Optional<String> target = action.target(s, want == ScalingDecision.Direction.UP);
        if (target.isEmpty()) {
            return hold(s, why, want == ScalingDecision.Direction.UP ? "no standby worker left to switch on"
                    : "no idle standby worker to switch off");
        }
        if (!p.enabled()) {
            return hold(s, why, "policy off: would scale " + (want == ScalingDecision.Direction.UP ? "up" : "down")
                    + " (" + target.get() + ")");
        }
        String outcome;
        try {
            outcome = action.apply(want == ScalingDecision.Direction.UP, target.get(), s, why);
            lastChange = now;
        } catch (RuntimeException e) {
            outcome = "failed: " + e.getMessage();
            LOG.warn("Scaling {} via {} failed", want, target.get(), e);
        }
        if (want == ScalingDecision.Direction.DOWN) {
            lowSince = now;
        }
        ScalingDecision d = new ScalingDecision(now, want, target.get(), why, depth, waited, outcome);
        LOG.info("Auto-scaling {} {}: {} ({})", want, target.get(), why, outcome);
        if (log != null) {
            log.record(d);
        }
        return d;
    }

    private ScalingDecision hold(OpsSnapshot s, String why, String waitingFor) {
        return new ScalingDecision(clock.instant(), ScalingDecision.Direction.HOLD, "", why, s.queued(),
                s.oldestWait().toSeconds(), waitingFor);
    }

    /** Standby workers in name order, the ones switched on first when scaling up and last when scaling down. */
    static Comparator<GpuFleet.WorkerStatus> standbyOrder() {
        return Comparator.comparing(GpuFleet.WorkerStatus::name, String.CASE_INSENSITIVE_ORDER);
    }
}
