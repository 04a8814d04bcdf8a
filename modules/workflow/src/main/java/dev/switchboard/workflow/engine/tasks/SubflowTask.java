package dev.switchboard.workflow.engine.tasks;

import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import dev.switchboard.workflow.spi.TaskTypeInfo.Param;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Runs another workflow of the library as a child run and gives its outputs; a restart finds the same child. */
final class SubflowTask implements TaskType {

    @Override
    public String name() {
        return "subflow";
    }

    @Override
    public TaskTypeInfo info() {
        return new TaskTypeInfo("Run a workflow", "Runs another workflow as a child and waits for it.",
                List.of(Param.required("workflow", "text", "The child workflow's id"),
                        Param.optional("inputs", "map", "Its inputs; may use ${…}")), true, false);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletionStage<TaskResult> start(TaskContext ctx) {
        Map<String, Object> inputs = ctx.params().get("inputs") instanceof Map<?, ?> m ? (Map<String, Object>) m
                : Map.of();
        return ctx.subflow(BuiltInTasks.text(ctx.params().get("workflow"), ""), inputs);
    }
}
