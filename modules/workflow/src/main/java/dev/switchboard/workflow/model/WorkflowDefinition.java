package dev.switchboard.workflow.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A checked workflow: its inputs and tasks, the tasks to run on failure and at the end, and its YAML.
 *
 * @param kind        {@code exercise} for a training exercise (its runs are sessions in Review), else
 *                    {@code automation}
 * @param concurrency how many tasks of one run may run at once
 * @param timeout     the longest a whole run may take; null for none
 * @param source      the YAML it was read from; a run keeps the text it started with
 * @param file        where it was read from, for messages
 */
public record WorkflowDefinition(String id, String name, int version, String description, String kind,
                                 List<InputSpec> inputs, List<TaskSpec> tasks, List<TaskSpec> onFailure,
                                 List<TaskSpec> finallyTasks, int concurrency, Duration timeout, String source,
                                 String file) {

    /** The kind of a workflow whose runs are training sessions. */
    public static final String EXERCISE = "exercise";
    /** The kind of every other workflow. */
    public static final String AUTOMATION = "automation";

    public WorkflowDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        kind = kind == null ? AUTOMATION : kind;
        inputs = List.copyOf(inputs);
        tasks = List.copyOf(tasks);
        onFailure = List.copyOf(onFailure);
        finallyTasks = List.copyOf(finallyTasks);
        source = source == null ? "" : source;
        file = file == null ? "" : file;
    }

    /** The main tasks, then the failure tasks, then the final ones. */
    public Stream<TaskSpec> allTasks() {
        return Stream.of(tasks, onFailure, finallyTasks).flatMap(List::stream);
    }

    public Optional<TaskSpec> task(String taskId) {
        return allTasks().filter(t -> t.id().equals(taskId)).findFirst();
    }

    public boolean exercise() {
        return EXERCISE.equals(kind);
    }
}
