package dev.switchboard.ai.engine.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Intervals, time limits and retries of the worker registry and the job queue.
 *
 * @param healthInterval pause between health-check rounds
 * @param dispatchInterval how often the queue looks again when nothing woke it (a submit, a finished job or a
 *                         health change wakes it at once)
 * @param progressInterval how often a running Automatic1111 job's progress is polled
 * @param connectTimeout TCP connect limit for every call to a worker
 * @param checkTimeout limit of a health check, a progress poll and an interrupt
 * @param generationTimeout limit of one generation request
 * @param maxAttempts attempts per job before it fails, at least 1
 * @param workflowDir where operators' ComfyUI workflows replace the bundled ones ({@code txt2img.json},
 *                    {@code NAME.txt2video.json} …); {@code null} for the bundled ones only
 */
public record WorkerConfig(Duration healthInterval, Duration dispatchInterval, Duration progressInterval,
                           Duration connectTimeout, Duration checkTimeout, Duration generationTimeout,
                           int maxAttempts, Path workflowDir) {

    /** Without a workflow folder. */
    public WorkerConfig(Duration healthInterval, Duration dispatchInterval, Duration progressInterval,
                        Duration connectTimeout, Duration checkTimeout, Duration generationTimeout, int maxAttempts) {
        this(healthInterval, dispatchInterval, progressInterval, connectTimeout, checkTimeout, generationTimeout,
                maxAttempts, null);
    }

    public WorkerConfig {
        positive(healthInterval, "healthInterval");
        positive(dispatchInterval, "dispatchInterval");
        positive(progressInterval, "progressInterval");
        positive(connectTimeout, "connectTimeout");
        positive(checkTimeout, "checkTimeout");
        positive(generationTimeout, "generationTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** Health every 30 s, progress every second, 10 min per image or clip, 3 attempts. */
    public static WorkerConfig defaults() {
        return new WorkerConfig(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(10), 3);
    }

    public WorkerConfig withHealthInterval(Duration interval) {
        return new WorkerConfig(interval, dispatchInterval, progressInterval, connectTimeout, checkTimeout,
                generationTimeout, maxAttempts, workflowDir);
    }

    public WorkerConfig withMaxAttempts(int attempts) {
        return new WorkerConfig(healthInterval, dispatchInterval, progressInterval, connectTimeout, checkTimeout,
                generationTimeout, attempts, workflowDir);
    }

    public WorkerConfig withWorkflowDir(Path dir) {
        return new WorkerConfig(healthInterval, dispatchInterval, progressInterval, connectTimeout, checkTimeout,
                generationTimeout, maxAttempts, dir);
    }

    public WorkerConfig withGenerationTimeout(Duration timeout) {
        return new WorkerConfig(healthInterval, dispatchInterval, progressInterval, connectTimeout, checkTimeout,
                timeout, maxAttempts, workflowDir);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
