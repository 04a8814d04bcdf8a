package dev.switchboard.workflow.engine.tasks;

import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Does nothing and succeeds: a join point, a placeholder, and the benchmark's task. */
final class NoopTask implements TaskType {

    private static final CompletableFuture<TaskResult> DONE = CompletableFuture.completedFuture(TaskResult.success());

    @Override
    public String name() {
        return "noop";
    }

    @Override
    public TaskTypeInfo info() {
        return new TaskTypeInfo("Join", "Does nothing; joins branches.", List.of(), true, false);
    }

    @Override
    public CompletionStage<TaskResult> start(TaskContext ctx) {
        return DONE;
    }
}
