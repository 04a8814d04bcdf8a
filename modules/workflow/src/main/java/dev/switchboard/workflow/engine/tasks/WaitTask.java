package dev.switchboard.workflow.engine.tasks;

import dev.switchboard.core.time.SimClock;
import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import dev.switchboard.workflow.spi.TaskTypeInfo.Param;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Waits a while: wall time by the engine's clock, or simulated time by the exercise's {@link SimClock} (which runs
 * faster or pauses with the simulation). The end is stored, so a restart waits only for what is left.
 */
final class WaitTask implements TaskType {

    private static final Duration SIM_POLL = Duration.ofMillis(250);

    @Override
    public String name() {
        return "wait";
    }

    @Override
    public TaskTypeInfo info() {
        return new TaskTypeInfo("Wait", "Waits a while, in wall or simulated time.",
                List.of(Param.required("duration", "duration", "How long, e.g. 90s or 5m"),
                        new Param("clock", "choice", false, "wall (default) or sim", List.of("wall", "sim"))),
                true, false);
    }

    @Override
    public List<String> check(Map<String, Object> with) {
        List<String> out = new java.util.ArrayList<>(info().checkRequired(with));
        Object clock = with.get("clock");
        if (clock != null && !List.of("wall", "sim", "${…}").contains(clock.toString())) {
            out.add("clock: must be wall or sim");
        }
        Object d = with.get("duration");
        if (d != null && !"${…}".equals(d)) {
            try {
                BuiltInTasks.duration(d, Duration.ZERO);
            } catch (IllegalArgumentException e) {
                out.add("duration: " + e.getMessage());
            }
        }
        return out;
    }

    @Override
    public CompletionStage<TaskResult> start(TaskContext ctx) {
        Duration d = BuiltInTasks.duration(ctx.params().get("duration"), Duration.ZERO);
        boolean sim = "sim".equals(ctx.params().get("clock"));
        SimClock simClock = sim ? ctx.service(SimClock.class).orElse(null) : null;
        Map<String, Object> before = ctx.waitingDetail();
        CompletableFuture<TaskResult> done = new CompletableFuture<>();
        if (simClock != null) {
            long target = before.get("simUntil") instanceof Number n ? n.longValue()
                    : simClock.now().millis() + d.toMillis();
            ctx.waitingForEvent(Map.of("simUntil", target)).thenRun(() -> pollSim(ctx, simClock, target, done));
            return done;
        }
        Instant until = before.get("until") instanceof Number n ? Instant.ofEpochMilli(n.longValue())
                : ctx.now().plus(d);
        ctx.waitingForEvent(Map.of("until", until.toEpochMilli())).thenRun(() -> ctx.at(until, () ->
                done.complete(TaskResult.success(Map.of("waitedMs", d.toMillis())))));
        return done;
    }

    private static void pollSim(TaskContext ctx, SimClock clock, long target, CompletableFuture<TaskResult> done) {
        if (clock.now().millis() >= target) {
            done.complete(TaskResult.success(Map.of("simTimeMs", clock.now().millis())));
        } else if (!ctx.cancelled()) {
            ctx.at(ctx.now().plus(SIM_POLL), () -> pollSim(ctx, clock, target, done));
        }
    }
}
