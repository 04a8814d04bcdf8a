package dev.switchboard.workflow.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A run with its definition, inputs, every task and its history, as {@code workflow show} prints it. */
public record RunDetail(RunSummary run, WorkflowDefinition definition, Map<String, Object> inputs,
                        List<TaskRun> tasks, List<HistoryEntry> history) {

    public RunDetail {
        Objects.requireNonNull(run, "run");
        inputs = Map.copyOf(inputs);
        tasks = List.copyOf(tasks);
        history = List.copyOf(history);
    }
}
