package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.workflow.TestDatabases;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.WorkflowSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands queued in the store by a process that does not run the workflows are carried out by the one that does, as
 * the caller, with the caller seeing the same refusal it would have seen in that process; a command nobody takes is
 * withdrawn and changes nothing. The Temporal address setting refuses what is not {@code host:port}.
 */
class RunCommandsTest {

    private static final String GATE = """
            id: fwd-gate
            name: Forwarded gate
            tasks:
              - {id: a, type: log, with: {message: "hello"}}
              - id: ask
                type: approval
                dependsOn: [a]
                with: {title: "Go on?", roles: [SUPERVISOR]}
              - {id: b, type: log, dependsOn: [ask], with: {message: "done"}}
            """;
    private static final WorkflowEngine.Actor TOM = new WorkflowEngine.Actor("tom", "TRAINEE");
    private static final WorkflowEngine.Actor SUE = new WorkflowEngine.Actor("sue", "SUPERVISOR");

    @TempDir
    Path temp;
    private Database db;
    private Workflows workflows;
    private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = TestDatabases.open(DataDir.of(temp));
        workflows = Workflows.open(db, new Workflows.Setup(new EventBus(), audit::add, List.of(), Map.of(),
                Inputs.unchecked(), RunObserver.NONE, List.of(), null, null));
    }

    @AfterEach
    void close() {
        workflows.close();
        db.close();
    }

    @Test
    void aQueuedRunAndDecisionsAreCarriedOutByTheProcessThatRunsTheWorkflows() throws Exception {
        assertThat(workflows.runsEngine()).isTrue();
        RunCommands.Result started = workflows.commands().forward(new RunCommands.Command(RunCommands.RUN, "", null,
                new WorkflowEngine.Actor("cli:ito", "INSTRUCTOR"), Map.of("yaml", GATE, "file", "gate.yaml")),
                Duration.ofSeconds(10)).orThrow();
        String id = started.run();
        assertThat(workflows.settled(id).get(10, TimeUnit.SECONDS)).isEqualTo(RunState.WAITING_FOR_APPROVAL);
        assertThat(workflows.store().find(id).orElseThrow().workflowId()).isEqualTo("fwd-gate");

        RunCommands.Result refused = workflows.commands().forward(new RunCommands.Command(RunCommands.DECIDE, id,
                "ask", TOM, Map.of("decision", "approve", "inputs", Map.of(), "comment", "")), Duration.ofSeconds(10));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.error()).contains("tom").contains("may not decide");
        assertThat(workflows.store().find(id).orElseThrow().state()).isEqualTo(RunState.WAITING_FOR_APPROVAL);

        workflows.commands().forward(new RunCommands.Command(RunCommands.DECIDE, id, "ask", SUE,
                Map.of("decision", "approve", "inputs", Map.of(), "comment", "ok")), Duration.ofSeconds(10)).orThrow();
        assertThat(workflows.ended(id).get(10, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
        assertThat(workflows.store().history(id)).anyMatch(h -> h.actor().equals("cli:ito") && h.what().startsWith(
                "started")).anyMatch(h -> h.actor().equals("tom") && h.what().contains("refused"))
                .anyMatch(h -> h.actor().equals("sue") && h.what().startsWith("approved"));
    }

    @Test
    void aCommandNobodyTakesIsWithdrawnAndChangesNothing() {
        try (RunCommands idle = new RunCommands(workflows, db)) {
            workflows.commands().close();
            assertThatThrownBy(() -> idle.forward(new RunCommands.Command(RunCommands.RUN, "", null,
                    new WorkflowEngine.Actor("cli:ito", "INSTRUCTOR"), Map.of("yaml", GATE)), Duration.ofMillis(300)))
                    .isInstanceOf(SwitchboardException.class)
                    .hasMessageContaining("did not take the command")
                    .hasMessageContaining("nothing was changed");
        }
        assertThat(workflows.store().recent(10)).isEmpty();
        int open = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM workflow_command WHERE done_at IS NULL").mapTo(Integer.class).one());
        assertThat(open).isZero();
    }

    @Test
    void theTemporalAddressSettingTakesHostAndPortOrNothing() {
        var check = WorkflowSettings.TEMPORAL_ADDRESS;
        assertThat(check.defaultValue()).isEmpty();
        check.check().accept("localhost:7233");
        check.check().accept("temporal.centre-3.lan:7233");
        check.check().accept("");
        assertThatThrownBy(() -> check.check().accept("http://localhost:7233"))
                .hasMessageContaining("host:port");
        assertThatThrownBy(() -> check.check().accept("localhost")).hasMessageContaining("host:port");
    }
}
