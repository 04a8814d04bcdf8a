package dev.switchboard.workflow.engine.tasks;

import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import dev.switchboard.workflow.spi.TaskTypeInfo.Param;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Writes a line to the run's log; its output is the line, so later tasks can use a computed value. */
final class LogTask implements TaskType {

    @Override
    public String name() {
        return "log";
    }

    @Override
    public TaskTypeInfo info() {
        return new TaskTypeInfo("Log a line", "Writes a message to the run's log.",
                List.of(Param.required("message", "text", "What to write; may use ${…}")), true, false);
    }

    @Override
    public CompletionStage<TaskResult> start(TaskContext ctx) {
        String message = BuiltInTasks.text(ctx.params().get("message"), "");
        ctx.log(message);
        return CompletableFuture.completedFuture(TaskResult.success(Map.of("message", message)));
    }
}
