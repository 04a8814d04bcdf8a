package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.engine.SyntheticCalls;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.audit.AuditQuery;
import dev.switchboard.store.session.RecordingCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path password;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data().toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private Path data() {
        return temp.resolve("data");
    }

    @BeforeEach
    void seed() throws Exception {
        password = Files.writeString(temp.resolve("pw.txt"), "correct-horse-1\n");
        try (Workstation ws = Workstation.open(DataDir.of(data()), Clock.systemUTC())) {
            Account boss = ws.accounts().createFirstInstructor("ito", "Ito Mei", "correct-horse-1".toCharArray());
            Account aiko = ws.accounts().createAccount(boss, "aiko", "Aiko Tanaka", Role.TRAINEE,
                    "correct-horse-1".toCharArray());
            Account ben = ws.accounts().createAccount(boss, "ben", "Ben Okada", Role.TRAINEE,
                    "correct-horse-1".toCharArray());
            RecordingCatalog recordings = new RecordingCatalog(ws.database());
            SyntheticCalls.write(new SyntheticCalls.Spec(new SessionId("call-aiko"), aiko.id(), aiko.displayName(),
                    "Kitchen fire", Instant.parse("2025-03-01T10:00:00Z"), 40_000, 8000, 1), ws.eventLog(),
                    ws.sessions(), recordings, ws.dataDir().recordings());
            SyntheticCalls.write(new SyntheticCalls.Spec(new SessionId("call-ben"), ben.id(), ben.displayName(),
                    "Traffic collision", Instant.parse("2025-03-02T10:00:00Z"), 40_000, 0, 2), ws.eventLog(),
                    ws.sessions(), recordings, ws.dataDir().recordings());
        }
    }

    private List<String> ids(CliRun r) throws Exception {
        JsonNode array = JSON.readTree(r.out());
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    @Test
    void listAsJsonGivesEachSessionWithItsIdAndRespectsTheRole() throws Exception {
        CliRun all = run("review", "list", "--json", "--as", "ito", "--password-file", password.toString());
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(ids(all)).containsExactly("call-ben", "call-aiko");
        assertThat(JSON.readTree(all.out()).get(1).path("trainee").asText()).isEqualTo("Aiko Tanaka");

        CliRun onlyAiko = run("review", "list", "--json", "--trainee", "aiko", "--as", "ito", "--password-file",
                password.toString());
        assertThat(ids(onlyAiko)).containsExactly("call-aiko");

        CliRun mine = run("review", "list", "--json", "--as", "aiko", "--password-file", password.toString());
        assertThat(ids(mine)).containsExactly("call-aiko");
        CliRun notMine = run("review", "list", "--json", "--trainee", "ben", "--as", "aiko", "--password-file",
                password.toString());
        assertThat(ids(notMine)).isEmpty();

        CliRun table = run("review", "list", "--search", "cyclist fire", "--as", "ito", "--password-file",
                password.toString());
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("sessions");
    }

    @Test
    void aTraineeCannotExportAnotherTraineesSession() throws Exception {
        Path pdf = temp.resolve("ben.pdf");
        CliRun r = run("review", "export", "call-ben", "--pdf", pdf.toString(), "--as", "aiko", "--password-file",
                password.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("another trainee").doesNotContain("at dev.switchboard");
        assertThat(pdf).doesNotExist();
        try (Workstation ws = Workstation.open(DataDir.of(data()), Clock.systemUTC())) {
            List<AuditRecord> audit = ws.auditLog().query(new AuditQuery(null, Set.of(AuditAction.RECORDING_ACCESS),
                    Set.of(), null, null, null, 10));
            assertThat(audit).singleElement().satisfies(a -> {
                assertThat(a.actor()).isEqualTo("aiko");
                assertThat(a.outcome()).isEqualTo(AuditRecord.Outcome.DENIED);
            });
        }
    }

    @Test
    void exportWritesThePdfWithTheTranscriptAndTheScoresCsv() throws Exception {
        Path pdf = temp.resolve("out/aiko.pdf");
        Path csv = temp.resolve("out/scores.csv");
        CliRun r = run("review", "export", "call-aiko", "--pdf", pdf.toString(), "--csv", csv.toString(), "--as",
                "aiko", "--password-file", password.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Transcript").contains("Caller:");
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("call-aiko,");
    }

    @Test
    void aWrongPasswordOrNoPasswordIsRefused() throws Exception {
        Path wrong = Files.writeString(temp.resolve("wrong.txt"), "nope-nope-nope");
        CliRun r = run("review", "list", "--as", "ito", "--password-file", wrong.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("refused");
        CliRun missing = run("review", "list");
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("--as");
    }
}
