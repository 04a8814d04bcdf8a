package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import dev.switchboard.workflow.spi.TaskTypeInfo.Param;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The chaos workflow's task types: idempotent work, a non-idempotent counter kept in the store, a flaky task. */
final class ChaosTasks {

    private ChaosTasks() {
    }

    static List<TaskType> all() {
        return List.of(new Work(), new Count(), new Fails());
    }

    static final String COUNTER_TABLE = "CREATE TABLE IF NOT EXISTS chaos_counter (key TEXT PRIMARY KEY, n INTEGER "
            + "NOT NULL)";

    private static void busy(TaskContext ctx) {
        long ms = ((Number) ctx.params().getOrDefault("ms", 0L)).longValue();
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes a few milliseconds and gives back its value: idempotent. */
    static final class Work implements TaskType {
        @Override
        public String name() {
            return "work";
        }

        @Override
        public TaskTypeInfo info() {
            return new TaskTypeInfo("Work", "", List.of(Param.optional("value", "number", ""),
                    Param.optional("ms", "number", "")), true, false);
        }

        @Override
        public CompletionStage<TaskResult> start(TaskContext ctx) {
            return CompletableFuture.supplyAsync(() -> {
                busy(ctx);
                return TaskResult.success(Map.of("value", ctx.params().getOrDefault("value", 0L)));
            }, Runnable::run);
        }
    }

    /** Adds one to a counter in the store, in the transaction that stores its result: not idempotent. */
    static final class Count implements TaskType {
        @Override
        public String name() {
            return "count";
        }

        @Override
        public TaskTypeInfo info() {
            return new TaskTypeInfo("Count", "", List.of(Param.required("key", "text", ""),
                    Param.optional("ms", "number", "")), false, true);
        }

        @Override
        public CompletionStage<TaskResult> start(TaskContext ctx) {
            busy(ctx);
            String key = String.valueOf(ctx.params().get("key"));
            return CompletableFuture.completedFuture(TaskResult.success(Map.of("key", key)).withStoreEffect(h ->
                    h.createUpdate("INSERT INTO chaos_counter (key, n) VALUES (:k, 1) ON CONFLICT (key) DO UPDATE "
                            + "SET n = chaos_counter.n + 1").bind("k", key).execute()));
        }
    }

    /** Fails its first {@code times} attempts, then succeeds with the attempt number. */
    static final class Fails implements TaskType {
        @Override
        public String name() {
            return "fails";
        }

        @Override
        public TaskTypeInfo info() {
            return new TaskTypeInfo("Fails", "", List.of(Param.optional("times", "number", ""),
                    Param.optional("ms", "number", "")), true, false);
        }

        @Override
        public CompletionStage<TaskResult> start(TaskContext ctx) {
            busy(ctx);
            long times = ((Number) ctx.params().getOrDefault("times", 0L)).longValue();
            return CompletableFuture.completedFuture(ctx.attempt() <= times
                    ? TaskResult.failure("error", "planned failure " + ctx.attempt())
                    : TaskResult.success(Map.of("attempt", ctx.attempt())));
        }
    }
}
