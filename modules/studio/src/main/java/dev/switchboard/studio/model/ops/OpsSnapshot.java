package dev.switchboard.studio.model.ops;

import dev.switchboard.ai.AiUsage;
import dev.switchboard.ai.GpuFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the operations dashboard shows at one moment.
 *
 * @param imagesQueued queued picture jobs (image-to-image included)
 * @param clipsQueued queued clip jobs
 * @param oldestWait how long the longest-waiting queued job has waited; zero when none
 * @param freeSlots jobs the healthy workers could start now
 * @param usage the AI usage ledger's rows for the last 14 days
 * @param heapUsedBytes the JVM's heap in use after the last collection, or now
 * @param busEventsPerMinute domain events on the workstation's bus over the last minute
 * @param eventLogBacklog event-log entries queued and not yet written
 * @param eventLogAppendsPerMinute event-log entries written over the last minute
 */
public record OpsSnapshot(Instant at, List<GpuFleet.WorkerStatus> workers, int imagesQueued, int clipsQueued,
                          int running, Duration oldestWait, int freeSlots, List<AiUsage.Day> usage,
                          long heapUsedBytes, long heapMaxBytes, int threads, double busEventsPerMinute,
                          int eventLogBacklog, double eventLogAppendsPerMinute) {

    public OpsSnapshot {
        Objects.requireNonNull(at, "at");
        workers = List.copyOf(workers);
        usage = List.copyOf(usage);
        oldestWait = oldestWait == null ? Duration.ZERO : oldestWait;
    }

    public int queued() {
        return imagesQueued + clipsQueued;
    }

    /** Enabled workers whose last check passed. */
    public long healthyWorkers() {
        return workers.stream().filter(w -> w.enabled() && w.health() == GpuFleet.Health.HEALTHY).count();
    }

    /** Running jobs over the capacity of the enabled healthy workers, 0..1. */
    public double utilisation() {
        int capacity = workers.stream().filter(w -> w.enabled() && w.health() == GpuFleet.Health.HEALTHY)
                .mapToInt(GpuFleet.WorkerStatus::capacity).sum();
        return capacity == 0 ? 0 : Math.min(1, (double) running / capacity);
    }
}
