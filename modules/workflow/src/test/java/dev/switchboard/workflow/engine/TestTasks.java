package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Task types for engine tests: one that fails a given number of times, one that hangs until released. */
final class TestTasks {

    private TestTasks() {
    }

    private static TaskTypeInfo info(boolean idempotent) {
        return new TaskTypeInfo("test", "", List.of(new TaskTypeInfo.Param("key", "text", false, "", List.of()),
                new TaskTypeInfo.Param("failures", "number", false, "", List.of())), idempotent, false);
    }

    /** Fails the first {@code failures} attempts of each key, then succeeds with the attempt number. */
    static final class Flaky implements TaskType {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public TaskTypeInfo info() {
            return TestTasks.info(true);
        }

        @Override
        public CompletionStage<TaskResult> start(TaskContext ctx) {
            String key = String.valueOf(ctx.params().getOrDefault("key", ctx.taskKey()));
            int n = calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            long failures = ((Number) ctx.params().getOrDefault("failures", 0L)).longValue();
            return CompletableFuture.completedFuture(n <= failures ? TaskResult.failure("error", "failure " + n)
                    : TaskResult.success(Map.of("attempt", n)));
        }
    }

    /** Stays running until the test completes its future; counts how many run at once. */
    static final class Hang implements TaskType {
        final String name;
        final boolean idempotent;
        final Map<String, CompletableFuture<TaskResult>> running = new ConcurrentHashMap<>();
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();

        Hang(String name, boolean idempotent) {
            this.name = name;
            this.idempotent = idempotent;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public TaskTypeInfo info() {
            return TestTasks.info(idempotent);
        }

        @Override
        public CompletionStage<TaskResult> start(TaskContext ctx) {
            CompletableFuture<TaskResult> f = new CompletableFuture<>();
            started.incrementAndGet();
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            f.whenComplete((r, e) -> now.decrementAndGet());
            running.put(ctx.runId() + "/" + ctx.taskKey(), f);
            return f;
        }

        /** Finishes the running attempt of {@code key}, waiting for it to have started. */
        void finish(String runId, String key, TaskResult result) throws InterruptedException {
            for (int i = 0; i < 2000 && !running.containsKey(runId + "/" + key); i++) {
                Thread.sleep(5);
            }
            CompletableFuture<TaskResult> f = running.remove(runId + "/" + key);
            if (f == null) {
                throw new AssertionError(key + " never started");
            }
            f.complete(result);
        }

        void awaitStarted(int n) throws InterruptedException {
            for (int i = 0; i < 2000 && started.get() < n; i++) {
                Thread.sleep(5);
            }
        }
    }

    /** Finishes a moment after it starts, on another thread; counts how many run at once. */
    static final class Brief implements TaskType {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        @Override
        public String name() {
            return "brief";
        }

        @Override
        public TaskTypeInfo info() {
            return TestTasks.info(true);
        }

        @Override
        public CompletionStage<TaskResult> start(TaskContext ctx) {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            return CompletableFuture.supplyAsync(() -> {
                now.decrementAndGet();
                return TaskResult.success();
            }, CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.MILLISECONDS));
        }
    }
}
