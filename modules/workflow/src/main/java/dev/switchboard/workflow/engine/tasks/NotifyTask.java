package dev.switchboard.workflow.engine.tasks;

import dev.switchboard.core.exercise.ExerciseNotice;
import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import dev.switchboard.workflow.spi.TaskTypeInfo.Param;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Shows a message in the window (posted on the bus as {@link ExerciseNotice}). */
final class NotifyTask implements TaskType {

    @Override
    public String name() {
        return "notify";
    }

    @Override
    public TaskTypeInfo info() {
        return new TaskTypeInfo("Show a message", "Shows a message in the window.",
                List.of(Param.optional("title", "text", "A short heading"),
                        Param.required("message", "text", "The message; may use ${…}")), true, false);
    }

    @Override
    public CompletionStage<TaskResult> start(TaskContext ctx) {
        String title = BuiltInTasks.text(ctx.params().get("title"), "");
        String message = BuiltInTasks.text(ctx.params().get("message"), "");
        ctx.bus().publish(new ExerciseNotice(ctx.runId(), title, message));
        ctx.log((title.isEmpty() ? "" : title + ": ") + message);
        return CompletableFuture.completedFuture(TaskResult.success(Map.of("title", title, "message", message)));
    }
}
