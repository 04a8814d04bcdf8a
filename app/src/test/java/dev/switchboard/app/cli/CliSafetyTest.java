package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.app.Logging;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.engine.SyntheticCalls;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.audit.AuditQuery;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.session.SessionSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11's probes against the command line, each reproduced: exports, verify, errors, sign-in, input. */
class CliSafetyTest {

    private static final Path SCRIPTS = Path.of("..", "resources", "scenarios", "scripts");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path password;

    private Path data() {
        return temp.resolve("data");
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data().toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private Workstation open() {
        return Workstation.open(DataDir.of(data()), Clock.systemUTC());
    }

    @BeforeEach
    void seed() throws Exception {
        password = Files.writeString(temp.resolve("pw.txt"), "correct-horse-1\n");
        try (Workstation ws = open()) {
            Account boss = ws.accounts().createFirstInstructor("ito", "Ito Mei", "correct-horse-1".toCharArray());
            Account yui = ws.accounts().createAccount(boss, "yui", "Yui Trainee", Role.TRAINEE,
                    "correct-horse-1".toCharArray());
            ws.accounts().createAccount(boss, "ken", "Ken Trainee", Role.TRAINEE, "correct-horse-1".toCharArray());
            SyntheticCalls.write(new SyntheticCalls.Spec(new SessionId("call-yui"), yui.id(), yui.displayName(),
                    "Kitchen fire", Instant.parse("2025-03-01T10:00:00Z"), 40_000, 0, 1), ws.eventLog(),
                    ws.sessions(), ws.recordings(), ws.dataDir().recordings());
        }
    }

    // ---- loss of data

    @Test
    void anExportNamedAfterTheDatabaseIsRefusedAndTheDatabaseKept() throws Exception {
        byte[] before = Files.readAllBytes(data().resolve("switchboard.db"));
        for (String kind : List.of("--pdf", "--csv")) {
            CliRun r = run("review", "export", "call-yui", "--as", "ito", "--password-file", password.toString(), kind,
                    data().resolve("switchboard.db").toString(), "--force");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("holds the workstation's database");
        }
        assertThat(Files.readAllBytes(data().resolve("switchboard.db"))).isEqualTo(before);
        assertThat(run("db", "check").code()).isZero();
    }

    @Test
    void anExistingFileOrFolderIsReplacedOnlyWhenAskedAndAFolderNever() throws Exception {
        Path report = Files.writeString(temp.resolve("report.pdf"), "keep me");
        Path folder = Files.createDirectories(temp.resolve("reports"));
        CliRun refused = run("review", "export", "call-yui", "--as", "ito", "--password-file", password.toString(),
                "--pdf", report.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("exists; add --force");
        assertThat(report).hasContent("keep me");
        CliRun intoFolder = run("review", "export", "call-yui", "--as", "ito", "--password-file",
                password.toString(), "--pdf", folder.toString(), "--force");
        assertThat(intoFolder.code()).isEqualTo(2);
        assertThat(folder).isDirectory();
        CliRun forced = run("review", "export", "call-yui", "--as", "ito", "--password-file", password.toString(),
                "--pdf", report.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.readAllBytes(report)).startsWith("%PDF".getBytes());
        try (var files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    // ---- tamper evidence

    @Test
    void verifyingAnUnknownSessionFails() {
        CliRun r = run("log", "verify", "--session", "no-such-session");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("UNKNOWN: there is no session no-such-session");
    }

    @Test
    void aDeletedSessionChainAndAnEditedScoreAreReported() throws Exception {
        assertThat(run("log", "verify").code()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data().resolve("switchboard.db"));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER event_log_no_delete");
            s.execute("DELETE FROM event_log WHERE session_id = 'call-yui'");
            s.execute("UPDATE training_session SET score = 100 WHERE id = 'call-yui'");
        }
        CliRun r = run("log", "verify");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("DELETED: call-yui entry ").contains(": the chain was deleted")
                .contains("SESSION ROW: call-yui: the session row was changed behind the program's back: score 100.0");
        CliRun check = run("db", "check");
        assertThat(check.code()).isEqualTo(2);
        assertThat(check.out()).contains("TRIGGER:       trigger event_log_no_delete is missing");
    }

    @Test
    void aCheckpointIsPrintableForAPaperRecord() {
        CliRun r = run("log", "checkpoint");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Switchboard event-log checkpoint #").contains("Checkpoint SHA-256: ")
                .contains("Signed by key:").contains("Signature:");
    }

    @Test
    void logVerifyListsTheSigningKeysAndLogKeyPrintsThisSeatsFingerprint() {
        CliRun key = run("log", "key");
        assertThat(key.code()).as(key.err()).isZero();
        String fingerprint = key.out().lines().filter(l -> l.startsWith("Checkpoint key fingerprint: ")).findFirst()
                .orElseThrow().substring("Checkpoint key fingerprint: ".length());
        assertThat(fingerprint).matches("[0-9a-f]{4}(-[0-9a-f]{4}){7}");
        assertThat(key.out()).contains("Checkpoints are signed on: checkpoints");
        assertThat(run("log", "checkpoint").code()).isZero();

        CliRun verify = run("log", "verify");

        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("Checkpoints signed by 1 key(s):")
                .contains("  " + fingerprint + " (this seat's key): ");
    }

    // ---- privacy

    @Test
    void recordingUnderAnotherTraineesNameNeedsThemOrAnInstructorAndIsAudited() throws Exception {
        CliRun refused = run("call", "simulate", "--as", "ken", "--password-file", password.toString(), "--trainee",
                "yui", "--scenario", "fire-structure-trapped", "--operator-script",
                SCRIPTS.resolve("fire-structure-trapped.script").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("Only yui or an instructor can record a session under yui's name");

        CliRun byInstructor = run("call", "simulate", "--as", "ito", "--password-file", password.toString(),
                "--trainee", "yui", "--scenario", "fire-structure-trapped", "--operator-script",
                SCRIPTS.resolve("fire-structure-trapped.script").toString(), "--json");
        assertThat(byInstructor.code()).as(byInstructor.err()).isZero();
        SessionId session = new SessionId(JSON.readTree(byInstructor.out()).get("session").asText());
        try (Workstation ws = open()) {
            SessionSummary s = ws.sessions().find(session).orElseThrow();
            assertThat(s.trainee()).isEqualTo(ws.accounts().byUsername("yui").orElseThrow().id());
            assertThat(s.traineeName()).isEqualTo("Yui Trainee");
            List<AuditRecord> audit = ws.auditLog().query(new AuditQuery(null,
                    Set.of(AuditAction.SESSION_RECORDING), Set.of(), null, null, null, 50));
            assertThat(audit).extracting(AuditRecord::actor, AuditRecord::outcome).contains(
                    org.assertj.core.groups.Tuple.tuple("ken", AuditRecord.Outcome.DENIED),
                    org.assertj.core.groups.Tuple.tuple("ito", AuditRecord.Outcome.SUCCESS));
        }
        assertThat(run("call", "simulate", "--scenario", "fire-structure-trapped", "--operator-script",
                SCRIPTS.resolve("fire-structure-trapped.script").toString()).code())
                .as("no sign-in, no session").isEqualTo(2);
    }

    @Test
    void aKeyTypedWhereAVariableNameBelongsIsNotWrittenToTheLog() throws Exception {
        String key = "sk-proj-4f9Qz2LmN8vR1tY6wX3kB7dH0jC5gP";
        CliRun r = run("ai", "providers", "add", "leaky", "--kind", "OPENAI_COMPATIBLE", "--url",
                "http://127.0.0.1:9/v1", "--model", "m", "--key-env", key);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain(key);
        String log = Files.readString(Logging.logFile());
        assertThat(log).contains("--key-env, ***").doesNotContain(key).doesNotContain("4f9Qz2LmN8vR1tY6wX3kB7dH0jC5gP");
    }

    // ---- errors the user reads

    @Test
    void badInputGivesOneLineWhyAndTheLogFileWithoutAStackTrace() throws Exception {
        Path latin1 = Files.write(temp.resolve("latin1.script"), new byte[] {'H', 'i', '\n', 'C', 'a', 'f',
            (byte) 0xE9, '\n'});
        Path longWait = Files.writeString(temp.resolve("long.script"), "Hello, where are you?\n/wait 3600\n");
        List<List<String>> probes = List.of(
                List.of("--operator-script", "/dev/zero"),
                List.of("--operator-script", latin1.toString()),
                List.of("--operator-script", longWait.toString()));
        List<String> expected = List.of("not a regular file", ":2: not UTF-8 text at byte 6",
                ":2: /wait: the script reaches 1:00:00 here, beyond the longest call allowed (30:00");
        for (int i = 0; i < probes.size(); i++) {
            List<String> args = new ArrayList<>(List.of("call", "simulate", "--as", "yui", "--password-file",
                    password.toString(), "--scenario", "fire-structure-trapped"));
            args.addAll(probes.get(i));
            CliRun r = run(args.toArray(String[]::new));
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains(expected.get(i)).contains("Details are in ").doesNotContain("\tat ")
                    .doesNotContain("Exception");
            assertThat(r.err().lines().count()).as(r.err()).isLessThanOrEqualTo(3);
        }
        try (Workstation ws = open()) {
            assertThat(ws.sessions().count()).as("nothing was recorded").isEqualTo(1);
        }
        CliRun transcribe = run("speech", "transcribe", "/dev/zero");
        assertThat(transcribe.err()).contains("not a regular file").doesNotContain("no such file");
    }

    @Test
    void theDataDirsScenarioFolderIsReadAndProblemsNameFileLineAndField() throws Exception {
        Path folder = Files.createDirectories(data().resolve("scenarios"));
        Files.writeString(folder.resolve("broken.yaml"), "id: broken\ntitle: 12\ncategory: ambulance\n");
        CliRun r = run("call", "scenarios");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsPattern(java.util.regex.Pattern.quote(folder.resolve("broken.yaml").toString())
                + ":\\d+: [a-z]+: ");
    }

    // ---- accounts

    @Test
    void accountsFromTheCommandLineAreAuditedAsInTheWindow() throws Exception {
        Path csv = Files.writeString(temp.resolve("class.csv"), "username,name,role\nmika,Mika Sato,trainee\n"
                + "nao,Nao Ueda,trainee\n");
        CliRun imported = run("accounts", "import", csv.toString(), "--as", "ito", "--as-password-file",
                password.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Added trainee mika   password: ").contains("2 accounts imported");

        Path bad = Files.writeString(temp.resolve("bad.csv"), "username,name,role\nrio,Rio,trainee\nsai,Sai,boss\n");
        CliRun refused = run("accounts", "import", bad.toString(), "--as", "ito", "--as-password-file",
                password.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains(bad + ":3: role: 'boss' is not a role");

        assertThat(run("accounts", "disable", "mika", "--as", "ito", "--as-password-file", password.toString())
                .code()).isZero();
        assertThat(run("accounts", "disable", "nao", "--as", "yui", "--as-password-file", password.toString())
                .code()).as("a trainee cannot").isEqualTo(2);
        CliRun list = run("accounts", "list", "--json", "--as", "ito", "--as-password-file", password.toString());
        JsonNode all = JSON.readTree(list.out());
        List<String> names = new ArrayList<>();
        all.forEach(n -> names.add(n.get("username").asText() + ":" + n.get("active").asBoolean()));
        assertThat(names).contains("mika:false", "nao:true", "yui:true").doesNotContain("rio:true");

        CliRun reset = run("accounts", "reset-password", "nao", "--as", "ito", "--as-password-file",
                password.toString());
        assertThat(reset.out()).contains("New password set for nao: ");
        try (Workstation ws = open()) {
            List<AuditRecord> audit = ws.auditLog().query(AuditQuery.all(200));
            assertThat(audit).extracting(AuditRecord::action).contains(AuditAction.ACCOUNT_CREATE,
                    AuditAction.ACCOUNT_DISABLE, AuditAction.PASSWORD_RESET);
            assertThat(audit).anyMatch(a -> a.action() == AuditAction.ACCOUNT_DISABLE && a.actor().equals("yui")
                    && a.outcome() == AuditRecord.Outcome.DENIED);
        }
    }

    @Test
    void theFirstInstructorOfAnEmptyStoreNeedsNoSignIn() throws Exception {
        Path empty = temp.resolve("empty");
        CliRun first = CliRun.of("--data-dir", empty.toString(), "accounts", "add", "boss", "--role", "instructor",
                "--password-file", password.toString(), "--name", "The Boss");
        assertThat(first.code()).as(first.err()).isZero();
        CliRun second = CliRun.of("--data-dir", empty.toString(), "accounts", "add", "other", "--role", "trainee",
                "--password-file", password.toString());
        assertThat(second.code()).isEqualTo(2);
        assertThat(second.err()).contains("--as");
    }

    // ---- recovery on every open

    @Test
    void aCommandClosesASessionThatACrashLeftRunning() throws Exception {
        SessionId left = new SessionId("left-running");
        try (Workstation ws = open()) {
            ws.sessions().insert(new SessionSummary(left, ws.accounts().byUsername("yui").orElseThrow().id(), "Yui",
                    "control-room", "Rush hour", Instant.parse("2025-03-01T10:00:00Z"), null, "running", null));
            ws.eventLog().append(new AppendRequest(left, 1000, "city.tick", "{}"));
        }
        // Opening (alone) in a plain command closes it, ending at its last entry.
        assertThat(run("db", "check").code()).isZero();
        try (Workstation ws = open()) {
            SessionSummary s = ws.sessions().find(left).orElseThrow();
            assertThat(s.status()).isEqualTo("interrupted");
            assertThat(s.endedAt()).isEqualTo(ws.eventLog().last(left).orElseThrow().wallTime());
        }
    }
}
