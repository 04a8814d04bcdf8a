package dev.switchboard.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.session.SessionSummary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit page names the sessions its records acted on by what they were, not by their ids. */
class AuditViewModelTest {

    @TempDir
    Path temp;

    private Workstation ws;
    private Account instructor;

    @BeforeEach
    void start() {
        ws = Workstation.open(DataDir.of(temp), Clock.systemUTC());
        instructor = ws.accounts().createFirstInstructor("sato", "Sato Haruki", "first-day-pw".toCharArray());
    }

    @AfterEach
    void stop() {
        ws.close(false);
    }

    @Test
    void aRecordingAccessShowsTheSessionsScenarioTraineeAndStartAndTheFilterStillFindsItsId() {
        SessionId session = new SessionId("city-01M98ZA6PG6VFPTV8FTFZBHA31");
        Instant started = Instant.parse("2026-12-07T10:22:00Z");
        ws.sessions().insert(new SessionSummary(session, instructor.id(), "Aiko Tanaka", "call",
                "Kitchen fire in Kabukicho", started, null, "running", null));
        ws.auditLog().record(new AuditRecord(Instant.now(), "sato", AuditAction.RECORDING_ACCESS,
                "session " + session.value(), AuditRecord.Outcome.SUCCESS, "open"));
        ws.auditLog().record(new AuditRecord(Instant.now(), "sato", AuditAction.RECORDING_ACCESS,
                "session city-gone", AuditRecord.Outcome.SUCCESS, "open"));

        AuditViewModel model = new AuditViewModel(new TestContext(ws, instructor));
        model.search();
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault())
                .format(started);
        assertThat(model.records()).extracting(model::target)
                .contains("Session: Kitchen fire in Kabukicho \u00b7 Aiko Tanaka \u00b7 " + when)
                .contains("session city-gone")
                .noneMatch(t -> t.contains(session.value()));

        model.textProperty().set(session.value());
        model.search();
        assertThat(model.records()).singleElement().extracting(model::target).asString()
                .startsWith("Session: Kitchen fire");
    }

    @Test
    void aWorkflowDecisionShowsTheRunsNameAndStartAndItsTask() throws Exception {
        var read = ws.workflows().read("audit-demo.yaml", """
                id: audit-demo
                name: Audit demo
                tasks:
                  - id: hello
                    type: log
                    with: {message: "hello"}
                """);
        String run = ws.workflows().start(read.definition().orElseThrow(), java.util.Map.of(), "sato", null);
        ws.workflows().ended(run).get(60, java.util.concurrent.TimeUnit.SECONDS);
        Instant created = ws.workflows().store().find(run).orElseThrow().createdAt();
        ws.auditLog().record(new AuditRecord(Instant.now(), "sato", AuditAction.WORKFLOW_CONTROL,
                "run " + run + " task hello", AuditRecord.Outcome.SUCCESS, "approve"));

        AuditViewModel model = new AuditViewModel(new TestContext(ws, instructor));
        model.search();
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault())
                .format(created);
        assertThat(model.records()).extracting(model::target)
                .contains("Workflow run: Audit demo \u00b7 " + when + " \u00b7 task hello")
                .noneMatch(t -> t.contains(run));
    }
}
