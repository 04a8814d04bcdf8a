package dev.switchboard.workflow.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One task of a workflow as written in the YAML.
 *
 * @param with       the task type's parameters; strings may hold {@code ${expression}} parts
 * @param when       a condition (an expression); the task is skipped when it is false; null to always run
 * @param timeout    the longest one attempt may take; null for none
 * @param forEach    runs the task once per item; null for once
 * @param compensate the step that undoes this task when the run fails and rolls back; null for none
 * @param idempotent whether running it twice does no harm; null for the task type's default
 * @param line       the line of the task in its file, for messages
 */
public record TaskSpec(String id, String type, List<String> dependsOn, Map<String, Object> with, String when,
                       RetryPolicy retry, Duration timeout, ForEach forEach, TaskSpec compensate, Boolean idempotent,
                       String label, int line) {

    public TaskSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        dependsOn = List.copyOf(dependsOn);
        with = with == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(with));
        retry = retry == null ? RetryPolicy.NONE : retry;
        label = label == null || label.isBlank() ? id : label;
    }

    /** A copy with other dependencies, for the designer. */
    public TaskSpec withDependsOn(List<String> deps) {
        return new TaskSpec(id, type, deps, with, when, retry, timeout, forEach, compensate, idempotent, label, line);
    }

    /** A copy with other parameters, for the designer. */
    public TaskSpec withParameters(Map<String, Object> params) {
        return new TaskSpec(id, type, dependsOn, params, when, retry, timeout, forEach, compensate, idempotent, label,
                line);
    }
}
