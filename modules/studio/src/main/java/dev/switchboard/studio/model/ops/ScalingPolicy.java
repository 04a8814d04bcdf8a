package dev.switchboard.studio.model.ops;

import dev.switchboard.core.error.InputException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * An auto-scaling policy in the style of Kubernetes' horizontal pod autoscaler, on queue depth and wait time.
 *
 * @param enabled whether the policy acts at all (it still explains what it would do when off)
 * @param upQueueDepth scale up when at least this many jobs are queued …
 * @param upWait … or when the oldest queued job has waited this long
 * @param downQueueDepth scale down only when at most this many jobs are queued …
 * @param downStable … and have been for this long (the stabilisation window)
 * @param cooldown no second change within this time of the last
 * @param minWorkers never fewer enabled workers than this
 * @param maxWorkers never more enabled workers than this
 * @param action what scaling does
 * @param command for {@link Action#COMMAND}: the program and its arguments, split on spaces; run with
 *                {@code up} or {@code down} as its last argument
 * @param webhook for {@link Action#WEBHOOK}: the URL that gets a JSON POST
 */
public record ScalingPolicy(boolean enabled, int upQueueDepth, Duration upWait, int downQueueDepth,
                            Duration downStable, Duration cooldown, int minWorkers, int maxWorkers, Action action,
                            String command, URI webhook) {

    public ScalingPolicy {
        if (upQueueDepth < 1) {
            throw InputException.field("upQueueDepth", "must be at least 1, was " + upQueueDepth);
        }
        if (downQueueDepth < 0 || downQueueDepth >= upQueueDepth) {
            throw InputException.field("downQueueDepth", "must be within 0.." + (upQueueDepth - 1)
                    + " (below the scale-up depth), was " + downQueueDepth);
        }
        Objects.requireNonNull(upWait, "upWait");
        Objects.requireNonNull(downStable, "downStable");
        Objects.requireNonNull(cooldown, "cooldown");
        if (minWorkers < 0 || maxWorkers < Math.max(1, minWorkers)) {
            throw InputException.field("maxWorkers", "must be at least 1 and at least the minimum (" + minWorkers
                    + "), was " + maxWorkers);
        }
        Objects.requireNonNull(action, "action");
        command = command == null ? "" : command.strip();
        if (action == Action.COMMAND && command.isEmpty()) {
            throw InputException.field("command", "name the program to run, e.g. /usr/local/bin/scale-gpus");
        }
        if (action == Action.WEBHOOK) {
            String scheme = webhook == null || webhook.getScheme() == null ? "" : webhook.getScheme();
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw InputException.field("webhook", "must be an http(s) URL, was '" + webhook + "'");
            }
        }
    }

    /** Off; up at 5 queued or 60 s waited, down at 0 queued for 2 min, 2 min cool-down, 0..8 workers, standby. */
    public static ScalingPolicy defaults() {
        return new ScalingPolicy(false, 5, Duration.ofSeconds(60), 0, Duration.ofMinutes(2), Duration.ofMinutes(2),
                0, 8, Action.STANDBY_WORKERS, "", null);
    }

    public ScalingPolicy withEnabled(boolean on) {
        return new ScalingPolicy(on, upQueueDepth, upWait, downQueueDepth, downStable, cooldown, minWorkers,
                maxWorkers, action, command, webhook);
    }

    /** What scaling does. */
    public enum Action {
        /** Switch on a standby worker of the registry (and off again when scaling down). */
        STANDBY_WORKERS,
        /** Run a configured command, e.g. one that drives a Kubernetes or cloud pool. */
        COMMAND,
        /** POST to a configured URL. */
        WEBHOOK
    }
}
