package dev.switchboard.workflow.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One task of one run as the store keeps it.
 *
 * @param key        the task's id, or {@code id[index]} for one item of a {@code forEach}
 * @param outputJson the task's output as JSON; null until it has one
 * @param detailJson what a waiting task waits for (form, deadline, event), as JSON; null otherwise
 */
public record TaskRun(String key, String taskId, TaskState state, int attempts, Instant startedAt, Instant endedAt,
                      Instant wakeAt, String outputJson, String error, String detailJson) {

    public TaskRun {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(state, "state");
    }
}
