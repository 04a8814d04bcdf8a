package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.TaskRun;
import dev.switchboard.workflow.model.TaskState;
import dev.switchboard.workflow.spi.TaskResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowEngineTest {

    @TempDir
    Path dir;
    EngineFixture f;
    final TestTasks.Flaky flaky = new TestTasks.Flaky();
    final TestTasks.Hang hang = new TestTasks.Hang("hang", true);
    final TestTasks.Hang effect = new TestTasks.Hang("effect", false);

    private EngineFixture fixture() {
        f = new EngineFixture(dir, flaky, hang, effect);
        return f;
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private static final WorkflowEngine.Actor INSTRUCTOR = new WorkflowEngine.Actor("ines", "INSTRUCTOR");

    @Test
    void tasksRunInDependencyOrderAndLaterTasksUseEarlierOutputs() throws Exception {
        fixture();
        var def = f.read("""
                id: order
                name: Order
                inputs: {who: {type: string, default: Aiko}}
                tasks:
                  - {id: a, type: log, with: {message: "start ${inputs.who}"}}
                  - {id: b, type: log, dependsOn: [a], with: {message: "b after ${tasks.a.output.message}"}}
                  - {id: c, type: log, dependsOn: [a], with: {message: c}}
                  - id: d
                    type: log
                    dependsOn: [b, c]
                    with: {message: "${tasks.b.output.message} + ${tasks.c.output.message}"}
                  - {id: e, type: log, dependsOn: [d], when: "inputs.who == 'nobody'", with: {message: never}}
                """);
        String run = f.engine.start(def, Map.of(), "ines", null);
        assertThat(f.settle(run)).as(() -> f.engine.store().history(run).toString()).isEqualTo(RunState.SUCCEEDED);
        assertThat(f.task(run, "d").outputJson()).contains("b after start Aiko + c");
        assertThat(f.task(run, "e").state()).isEqualTo(TaskState.SKIPPED);
        List<String> started = f.engine.store().tasks(run).stream().filter(t -> t.startedAt() != null)
                .sorted(Comparator.comparing(TaskRun::startedAt)).map(TaskRun::key).toList();
        assertThat(started.indexOf("a")).isLessThan(started.indexOf("b"));
        assertThat(started.indexOf("d")).isGreaterThan(started.indexOf("b")).isGreaterThan(started.indexOf("c"));
    }

    @Test
    void independentTasksRunInParallelUpToTheWorkflowsLimit() throws Exception {
        fixture();
        var def = f.read("""
                id: par
                name: Parallel
                concurrency: 2
                tasks:
                  - {id: t1, type: hang}
                  - {id: t2, type: hang}
                  - {id: t3, type: hang}
                  - {id: t4, type: hang}
                  - {id: t5, type: hang}
                """);
        String run = f.engine.start(def, Map.of(), "ines", null);
        hang.awaitStarted(2);
        for (String t : List.of("t1", "t2", "t3", "t4", "t5")) {
            hang.finish(run, t, TaskResult.success());
        }
        assertThat(f.settle(run)).isEqualTo(RunState.SUCCEEDED);
        assertThat(hang.most.get()).isEqualTo(2);
        assertThat(hang.started.get()).isEqualTo(5);
    }

    @Test
    void theEngineWideLimitHoldsAcrossRunsAndEveryRunThatWaitedForASlotFinishes() throws Exception {
        TestTasks.Brief brief = new TestTasks.Brief();
        f = new EngineFixture(dir, 3, brief);
        var def = f.read("""
                id: wide
                name: Wide
                concurrency: 4
                tasks:
                  - {id: a, type: brief}
                  - {id: b, type: brief}
                  - {id: c, type: brief}
                  - {id: d, type: brief, dependsOn: [a, b, c]}
                """);
        List<String> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            runs.add(f.engine.start(def, Map.of(), "ines", null));
        }
        for (String run : runs) {
            assertThat(f.engine.ended(run).get(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(RunState.SUCCEEDED);
        }
        assertThat(brief.most.get()).as("tasks of all runs running at once").isBetween(2, 3);
    }

    @Test
    void aFailedTaskIsRetriedWithExponentialBackoffOnTheTestClock() throws Exception {
        fixture();
        var def = f.read("""
                id: retry
                name: Retry
                tasks:
                  - id: a
                    type: flaky
                    with: {failures: 2}
                    retry: {maxAttempts: 3, initialDelay: 10s, multiplier: 2, maxDelay: 1m, jitter: 0}
                """);
        String run = f.engine.start(def, Map.of(), "ines", null);
        awaitState(run, "a", TaskState.RETRYING);
        TaskRun first = f.task(run, "a");
        assertThat(first.state()).isEqualTo(TaskState.RETRYING);
        assertThat(Duration.between(f.clock.now(), first.wakeAt())).hasSeconds(10);
        f.clock.advance(Duration.ofSeconds(9));
        assertThat(f.task(run, "a").attempts()).isEqualTo(1);
        f.clock.advance(Duration.ofSeconds(1));
        awaitAttempts(run, "a", 2);
        assertThat(Duration.between(f.clock.now(), f.task(run, "a").wakeAt())).hasSeconds(20);
        f.clock.advance(Duration.ofSeconds(20));
        assertThat(f.settle(run)).isEqualTo(RunState.SUCCEEDED);
        assertThat(f.task(run, "a").attempts()).isEqualTo(3);
        assertThat(f.task(run, "a").outputJson()).contains("\"attempt\":3");
    }

    @Test
    void backoffIsCappedAndJitteredWithinItsBounds() {
        var policy = new dev.switchboard.workflow.model.RetryPolicy(10, Duration.ofSeconds(1), 2, Duration.ofSeconds(5),
                0.5, List.of());
        assertThat(policy.baseDelay(2)).hasSeconds(1);
        assertThat(policy.baseDelay(3)).hasSeconds(2);
        assertThat(policy.baseDelay(5)).hasSeconds(5);
        assertThat(policy.delay(3, 0.0).toMillis()).isEqualTo(1000);
        assertThat(policy.delay(3, 0.999).toMillis()).isBetween(2990L, 3000L);
    }

    @Test
    void aTaskThatTakesTooLongTimesOutAndTheRunWithIt() throws Exception {
        fixture();
        var def = f.read("""
                id: slow
                name: Slow
                tasks:
                  - {id: a, type: hang, timeout: 5s}
                  - {id: b, type: log, dependsOn: [a], with: {message: never}}
                """);
        String run = f.engine.start(def, Map.of(), "ines", null);
        hang.awaitStarted(1);
        f.clock.advance(Duration.ofSeconds(5));
        assertThat(f.settle(run)).as(() -> f.engine.store().history(run).toString()).isEqualTo(RunState.TIMED_OUT);
        assertThat(f.task(run, "a").state()).isEqualTo(TaskState.TIMED_OUT);
        assertThat(f.task(run, "b").state()).isEqualTo(TaskState.SKIPPED);
    }

    @Test
    void aFailureRollsBackTheSucceededTasksInReverseOrderThenRunsOnFailureAndFinally() throws Exception {
        fixture();
        var def = f.read("""
                id: comp
                name: Compensate
                tasks:
                  - {id: a, type: log, with: {message: book}, compensate: {type: log, with: {message: "undo a"}}}
                  - {id: b, type: log, dependsOn: [a], with: {message: reserve},
                     compensate: {type: log, with: {message: "undo b"}}}
                  - {id: c, type: flaky, dependsOn: [b], with: {failures: 9}}
                onFailure:
                  - {id: alarm, type: log, with: {message: "failed: ${run.error}"}}
                finally:
                  - {id: tidy, type: log, with: {message: tidy}}
                """);
        String run = f.engine.start(def, Map.of(), "ines", null);
        assertThat(f.settle(run)).isEqualTo(RunState.ROLLED_BACK);
        assertThat(f.task(run, "a").state()).isEqualTo(TaskState.ROLLED_BACK);
        assertThat(f.task(run, "b").state()).isEqualTo(TaskState.ROLLED_BACK);
        TaskRun undoA = f.task(run, "compensate:a");
        TaskRun undoB = f.task(run, "compensate:b");
        assertThat(undoB.startedAt()).isBeforeOrEqualTo(undoA.startedAt());
        assertThat(f.engine.store().history(run).stream().map(h -> h.taskKey() + " " + h.what())
                .filter(s -> s.startsWith("compensate:") && s.endsWith("succeeded")).toList())
                .containsExactly("compensate:b succeeded", "compensate:a succeeded");
        assertThat(f.task(run, "alarm").outputJson()).contains("failed: c: failure");
        assertThat(f.task(run, "tidy").state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void anApprovalGateRefusesAnotherRoleAndTakesTheTypedFormOfAnAllowedOne() throws Exception {
        fixture();
        var def = f.read("""
                id: gate
                name: Gate
                tasks:
                  - id: ask
                    type: approval
                    with:
                      title: Send the aftershock?
                      roles: [SUPERVISOR]
                      form:
                        - {name: magnitude, type: number, required: true}
                        - {name: note, type: string, default: none}
                  - {id: big, type: log, dependsOn: [ask], when: "tasks.ask.output.magnitude > 6",
                     with: {message: "big ${tasks.ask.output.magnitude}"}}
                """);
        String run = f.engine.start(def, Map.of(), "ines", null);
        assertThat(f.settle(run)).isEqualTo(RunState.WAITING_FOR_APPROVAL);
        assertThat(f.engine.inbox("SUPERVISOR")).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Send the aftershock?");
            assertThat(p.form()).hasSize(2);
        });
        assertThat(f.engine.inbox("TRAINEE")).isEmpty();
        assertThatThrownBy(() -> f.engine.decide(run, "ask", new WorkflowEngine.Actor("tom", "TRAINEE"),
                Map.of("magnitude", "7"), "approve", "")).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("may not decide");
        assertThat(f.audit).anyMatch(a -> a.action() == AuditAction.WORKFLOW_DECISION
                && a.outcome() == AuditRecord.Outcome.DENIED && a.actor().equals("tom"));
        assertThatThrownBy(() -> f.engine.decide(run, "ask", new WorkflowEngine.Actor("sue", "SUPERVISOR"),
                Map.of("magnitude", "strong"), "approve", "")).isInstanceOf(InputException.class)
                .hasMessageContaining("magnitude");
        f.engine.decide(run, "ask", new WorkflowEngine.Actor("sue", "SUPERVISOR"), Map.of("magnitude", "7.1"),
                "approve", "go");
        assertThat(f.settle(run)).isEqualTo(RunState.SUCCEEDED);
        assertThat(f.task(run, "ask").outputJson()).contains("\"magnitude\":7.1").contains("\"note\":\"none\"")
                .contains("\"decidedBy\":\"sue\"");
        assertThat(f.task(run, "big").outputJson()).contains("big 7.1");
        assertThat(f.audit).anyMatch(a -> a.action() == AuditAction.WORKFLOW_DECISION
                && a.outcome() == AuditRecord.Outcome.SUCCESS && a.detail().contains("7.1"));
    }

    @Test
    void aGateEscalatesToInstructorsAtItsDeadline() throws Exception {
        fixture();
        var def = f.read("""
                id: late
                name: Late
                tasks:
                  - {id: ask, type: approval, with: {title: "Go?", roles: [SUPERVISOR], deadline: 10m}}
                """);
        String run = f.engine.start(def, Map.of(), "ines", null);
        assertThat(f.settle(run)).isEqualTo(RunState.WAITING_FOR_APPROVAL);
        f.clock.advance(Duration.ofMinutes(10));
        awaitInbox("INSTRUCTOR");
        assertThat(f.engine.inbox("SUPERVISOR")).isEmpty();
        f.engine.decide(run, "ask", INSTRUCTOR, Map.of(), "reject", "too late");
        assertThat(f.settle(run)).isEqualTo(RunState.FAILED);
    }

    @Test
    void afterAStopFinishedTasksStayDoneIdempotentOnesRunAgainAndOthersWaitAsInterrupted() throws Exception {
        fixture();
        var def = f.read("""
                id: resume
                name: Resume
                tasks:
                  - {id: first, type: log, with: {message: once}}
                  - {id: again, type: hang, dependsOn: [first]}
                  - {id: once, type: effect, dependsOn: [first]}
                  - {id: gate, type: approval, dependsOn: [first], with: {title: "ok?"}}
                """);
        String run = f.engine.start(def, Map.of(), "ines", null);
        hang.awaitStarted(1);
        effect.awaitStarted(1);
        awaitState(run, "gate", TaskState.WAITING_FOR_APPROVAL);
        f.engine.close();

        f.engine = f.newEngine();
        assertThat(f.engine.resumeAll()).isEqualTo(1);
        hang.awaitStarted(2);
        assertThat(f.task(run, "first").attempts()).isEqualTo(1);
        assertThat(f.task(run, "once").state()).isEqualTo(TaskState.INTERRUPTED);
        assertThat(f.engine.inbox(null)).singleElement().satisfies(p -> assertThat(p.taskKey()).isEqualTo("gate"));
        hang.finish(run, "again", TaskResult.success());
        f.engine.decide(run, "gate", INSTRUCTOR, Map.of(), "approve", "");
        assertThat(f.settle(run)).isEqualTo(RunState.WAITING_FOR_DECISION);
        f.engine.retry(run, "once", INSTRUCTOR);
        effect.awaitStarted(2);
        awaitState(run, "once", TaskState.RUNNING);
        effect.finish(run, "once", TaskResult.success());
        assertThat(f.settle(run)).isEqualTo(RunState.SUCCEEDED);
        assertThat(effect.started.get()).isEqualTo(2);
        assertThat(f.engine.store().history(run)).anyMatch(h -> h.actor().equals("ines")
                && h.what().startsWith("retried once"));
    }

    @Test
    void forEachRunsOnePerItemAndCollectsTheOutputs() throws Exception {
        fixture();
        var def = f.read("""
                id: each
                name: Each
                inputs: {wards: {type: string, default: "shibuya,meguro,minato"}}
                tasks:
                  - id: ring
                    type: log
                    forEach: {items: "${['shibuya', 'meguro', 'minato']}", parallel: true, concurrency: 2}
                    with: {message: "call in ${item} (#${index})"}
                  - {id: after, type: log, dependsOn: [ring], with: {message: "${size(tasks.ring.output.items)}"}}
                """);
        String run = f.engine.start(def, Map.of(), "ines", null);
        assertThat(f.settle(run)).isEqualTo(RunState.SUCCEEDED);
        assertThat(f.task(run, "ring[1]").outputJson()).contains("call in meguro (#1)");
        assertThat(f.task(run, "after").outputJson()).contains("\"message\":\"3\"");
    }

    @Test
    void pauseResumeSkipAndCancelAreRecordedWithWhoDidThem() throws Exception {
        fixture();
        var def = f.read("""
                id: ops
                name: Ops
                tasks:
                  - {id: a, type: hang}
                  - {id: b, type: log, dependsOn: [a], with: {message: b}}
                  - {id: c, type: hang, dependsOn: [b]}
                finally:
                  - {id: bye, type: log, with: {message: bye}}
                """);
        String run = f.engine.start(def, Map.of(), "ines", null);
        hang.awaitStarted(1);
        f.engine.pause(run, INSTRUCTOR);
        hang.finish(run, "a", TaskResult.success());
        awaitState(run, "b", TaskState.QUEUED);
        assertThat(f.settle(run)).isEqualTo(RunState.PAUSED);
        f.engine.resume(run, INSTRUCTOR);
        hang.awaitStarted(2);
        f.engine.skip(run, "c", INSTRUCTOR);
        assertThat(f.settle(run)).isEqualTo(RunState.SUCCEEDED);
        assertThat(f.task(run, "c").state()).isEqualTo(TaskState.SKIPPED);

        String other = f.engine.start(def, Map.of(), "ines", null);
        hang.awaitStarted(3);
        f.engine.cancel(other, INSTRUCTOR);
        assertThat(f.settle(other)).isEqualTo(RunState.CANCELLED);
        assertThat(f.task(other, "bye").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(f.engine.store().history(run).stream().map(h -> h.actor() + ": " + h.what()))
                .contains("ines: paused by ines", "ines: resumed by ines", "ines: skipped c by ines");
        assertThat(f.audit.stream().filter(a -> a.action() == AuditAction.WORKFLOW_CONTROL).count()).isEqualTo(4);
    }

    @Test
    void aFailedRunIsRetriedFromItsFailedTaskOrRerunWithANewerVersion() throws Exception {
        fixture();
        String yaml = """
                id: again
                name: Again
                version: %d
                tasks:
                  - {id: a, type: log, with: {message: a}}
                  - {id: b, type: flaky, dependsOn: [a], with: {key: "b%d", failures: 1}}
                """;
        String run = f.engine.start(f.read(yaml.formatted(1, 1)), Map.of(), "ines", null);
        assertThat(f.settle(run)).isEqualTo(RunState.FAILED);
        // The settled state is reported a moment before the engine lets go of the run; retry wants it let go.
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); f.engine.isActive(run)
                && System.nanoTime() < until; ) {
            Thread.onSpinWait();
        }
        f.engine.retry(run, null, INSTRUCTOR);
        assertThat(f.settle(run)).isEqualTo(RunState.SUCCEEDED);
        assertThat(f.task(run, "a").attempts()).isEqualTo(1);
        assertThat(f.task(run, "b").attempts()).isEqualTo(1);
        String rerun = f.engine.rerun(run, f.read(yaml.formatted(2, 2)), INSTRUCTOR);
        assertThat(f.settle(rerun)).isEqualTo(RunState.FAILED);
        assertThat(f.engine.store().find(rerun).orElseThrow().version()).isEqualTo(2);
        assertThat(f.engine.store().find(run).orElseThrow().version()).isEqualTo(1);
    }

    private void awaitAttempts(String run, String key, int n) throws InterruptedException {
        for (int i = 0; i < 2000 && !(f.task(run, key).attempts() >= n
                && f.task(run, key).state() != TaskState.RUNNING); i++) {
            Thread.sleep(5);
        }
    }

    private void awaitState(String run, String key, TaskState state) throws InterruptedException {
        for (int i = 0; i < 2000 && f.engine.store().tasks(run).stream().noneMatch(t -> t.key().equals(key)
                && t.state() == state); i++) {
            Thread.sleep(5);
        }
        assertThat(f.task(run, key).state()).isEqualTo(state);
    }

    private void awaitInbox(String role) throws InterruptedException {
        for (int i = 0; i < 2000 && f.engine.inbox(role).isEmpty(); i++) {
            Thread.sleep(5);
        }
        assertThat(f.engine.inbox(role)).hasSize(1);
    }
}
