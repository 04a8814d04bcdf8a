package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.Role;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.audit.AuditQuery;
import dev.switchboard.workflow.model.WorkflowSettings;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard workflow ...} end to end on a temporary data dir. */
class WorkflowCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private Path password;
    private Path gate;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", temp.resolve("data").toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @BeforeEach
    void seed() throws Exception {
        password = Files.writeString(temp.resolve("pw.txt"), "correct-horse-1\n");
        gate = Files.writeString(temp.resolve("gate.yaml"), """
                id: cli-gate
                name: CLI gate
                inputs: {who: {type: string, default: world}}
                tasks:
                  - {id: a, type: log, with: {message: "hello ${inputs.who}"}}
                  - id: ask
                    type: approval
                    dependsOn: [a]
                    with: {title: "Go on?", roles: [SUPERVISOR], form: [{name: n, type: number, required: true}]}
                  - {id: b, type: log, dependsOn: [ask], with: {message: "n=${tasks.ask.output.n}"}}
                """);
        try (Workstation ws = Workstation.open(DataDir.of(temp.resolve("data")), Clock.systemUTC())) {
            Account boss = ws.accounts().createFirstInstructor("ito", "Ito Mei", "correct-horse-1".toCharArray());
            ws.accounts().createAccount(boss, "sue", "Sue Kato", Role.SUPERVISOR, "correct-horse-1".toCharArray());
            ws.accounts().createAccount(boss, "tom", "Tom Abe", Role.TRAINEE, "correct-horse-1".toCharArray());
        }
    }

    @Test
    void validateNamesEachProblemAtItsLine() throws Exception {
        Path bad = Files.writeString(temp.resolve("bad.yaml"), "id: bad\nname: Bad\ntasks:\n"
                + "  - {id: a, type: log, dependsOn: [b], with: {message: x}}\n"
                + "  - {id: b, type: lgo, dependsOn: [a]}\n");
        CliRun r = CliRun.of("workflow", "validate", gate.toString(), bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("ok, cli-gate version 1, 3 tasks");
        assertThat(r.err()).contains(bad + ":4: tasks: a cycle: a → b → a")
                .contains(bad + ":5: tasks[1].type: unknown task type 'lgo'");
    }

    @Test
    void runWaitsAtTheGateATraineeIsRefusedAndASupervisorApprovesWithTheForm() throws Exception {
        CliRun started = run("workflow", "run", gate.toString(), "--input", "who=Kanda");
        assertThat(started.code()).as(started.err()).isZero();
        assertThat(started.out()).contains("Waiting for approval").contains("gate 'ask'");
        String id = started.out().replaceAll("(?s).*Run (\\w+):.*", "$1");

        CliRun refused = run("workflow", "approve", id, "ask", "--as", "tom", "--password-file", password.toString(),
                "--input", "n=1");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("may not decide");

        CliRun approved = run("workflow", "approve", id, "ask", "--as", "sue", "--password-file", password.toString(),
                "--input", "n=3");
        assertThat(approved.code()).as(approved.err()).isZero();
        assertThat(approved.out()).contains("Succeeded");

        JsonNode shown = JSON.readTree(run("workflow", "show", id, "--json").out());
        assertThat(shown.get("state").asText()).isEqualTo("Succeeded");
        assertThat(shown.get("tasks").get(2).get("output").get("message").asText()).isEqualTo("n=3");
        assertThat(shown.get("tasks").get(0).get("output").get("message").asText()).isEqualTo("hello Kanda");
        try (Workstation ws = Workstation.open(DataDir.of(temp.resolve("data")), Clock.systemUTC())) {
            List<AuditRecord> audit = ws.auditLog().query(AuditQuery.all(1000));
            assertThat(audit).anyMatch(a -> a.action() == AuditAction.WORKFLOW_DECISION && a.actor().equals("tom")
                    && a.outcome() == AuditRecord.Outcome.DENIED);
            assertThat(audit).anyMatch(a -> a.action() == AuditAction.WORKFLOW_DECISION && a.actor().equals("sue")
                    && a.outcome() == AuditRecord.Outcome.SUCCESS && a.detail().contains("\"n\":3"));
        }
    }

    @Test
    void anUnreachableTemporalAddressInSettingsIsSaidPlainlyAndStartsNothingUntilTurnedOff() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Workstation ws = Workstation.open(DataDir.of(temp.resolve("data")), Clock.systemUTC())) {
            ws.settings().set(WorkflowSettings.TEMPORAL_ADDRESS, "127.0.0.1:" + port);
        }
        CliRun refused = run("workflow", "run", gate.toString());
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("The Temporal service at 127.0.0.1:" + port + " does not answer")
                .contains("clear it to run workflows on this workstation's own engine").doesNotContain("\tat ");
        assertThat(JSON.readTree(run("workflow", "list", "--json").out()).get("runs")).isEmpty();

        CliRun here = run("workflow", "run", gate.toString(), "--temporal", "off");
        assertThat(here.code()).as(here.err()).isZero();
        assertThat(here.out()).contains("Waiting for approval");

        CliRun malformed = run("workflow", "run", gate.toString(), "--temporal", "http://somewhere");
        assertThat(malformed.code()).isNotZero();
        assertThat(malformed.err()).contains("'http://somewhere' is not host:port");
        assertThat(JSON.readTree(run("workflow", "list", "--json").out()).get("runs")).hasSize(1);
    }
}
