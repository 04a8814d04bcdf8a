package dev.switchboard.ai;

import dev.switchboard.core.event.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The generation workers as operations sees them: health, load and recent work of each, and the one
 * action an operator or an auto-scaling policy takes on them (switching a worker on or off). Thread-safe;
 * calls may touch the database, so make them off the FX thread.
 */
public interface GpuFleet {

    /** Every registered image and video worker, by name. */
    List<WorkerStatus> workers();

    /**
     * Switches a worker on or off. Jobs running on a worker switched off finish there; nothing new is sent.
     *
     * @throws dev.switchboard.core.error.InputException naming {@code name} when there is no such worker
     */
    void setEnabled(String name, boolean enabled);

    /** Calls {@code listener} on a background thread after any change of a worker or its health. */
    Subscription onChange(Runnable listener);

    /**
     * One worker now.
     *
     * @param flavour the API it speaks, e.g. {@code comfyui}
     * @param standby whether an auto-scaling policy may switch it on and off
     * @param note what the operator wrote about it (e.g. "demo worker on loopback")
     * @param checkLatency how long its last passed health check took
     * @param inFlight jobs it is running now
     * @param jobsLastHour jobs it finished successfully in the last hour
     * @param failuresLastHour attempts that failed on it in the last hour (its fault, not the request's)
     * @param meanJobTime mean duration of its recent successful jobs; zero before the first
     */
    record WorkerStatus(String name, String url, String flavour, Set<WorkerCapability> capabilities, boolean enabled,
                        boolean standby, String note, Health health, String healthSummary, Duration checkLatency,
                        int inFlight, int capacity, int jobsLastHour, int failuresLastHour, Duration meanJobTime) {

        public WorkerStatus {
            Objects.requireNonNull(name, "name");
            capabilities = Set.copyOf(capabilities);
            note = note == null ? "" : note;
        }

        /** Running jobs over capacity, 0..1. */
        public double utilisation() {
            return capacity == 0 ? 0 : Math.min(1, (double) inFlight / capacity);
        }
    }

    /** The outcome of a worker's latest health check. */
    enum Health {
        HEALTHY, UNHEALTHY, UNKNOWN
    }
}
