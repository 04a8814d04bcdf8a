package dev.switchboard.ai;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one queued generation job.
 *
 * @param id time-ordered id
 * @param progress 0..1; 1 once succeeded
 * @param workerName the worker of the latest attempt; empty before the first
 * @param attempts how many times the job has been sent to a worker (an attempt cut short by a worker
 *                 failure or by a restart of the workstation counts)
 * @param message what is happening or what went wrong, for the user
 */
public record ImageJob(String id, ImageRequest request, JobState state, double progress, String workerName,
                       int attempts, String message, Instant createdAt, Instant updatedAt) {

    public ImageJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        progress = Math.max(0, Math.min(1, progress));
        workerName = workerName == null ? "" : workerName;
        message = message == null ? "" : message;
    }
}
