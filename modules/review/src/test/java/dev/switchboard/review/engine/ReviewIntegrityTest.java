package dev.switchboard.review.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.switchboard.core.error.InputException;
import dev.switchboard.review.TestDatabases;
import dev.switchboard.review.model.RecordedSession;
import dev.switchboard.review.model.RecordingIntegrity;
import dev.switchboard.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 in Review: a session whose log was deleted is not "verified, 0 entries"; a changed recording is caught
 * by its seal when opened, played or exported, and said in the report; an export never goes over the database.
 */
class ReviewIntegrityTest {

    @TempDir
    Path temp;

    private Fixture f;

    @BeforeEach
    void open() throws Exception {
        f = new Fixture(temp).withCalls();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aSessionWhoseLogWasDeletedIsNotVerified() throws Exception {
        try (Connection c = TestDatabases.connect(f.dir);
             Statement st = c.createStatement()) {
            st.execute(TestDatabases.removeGuard("event_log", "event_log_no_delete"));
            st.execute("DELETE FROM event_log WHERE session_id = '" + Fixture.CALL_B.value() + "'");
        }
        RecordedSession s = f.as(Fixture.SUPERVISOR).open(Fixture.CALL_B);
        assertThat(s.integrity().intact()).isFalse();
        assertThat(s.integrity().problem()).isEqualTo("the session's event log is missing");
    }

    @Test
    void aChangedRecordingIsCaughtWhenOpenedPlayedAndExported() throws Exception {
        ReviewService sato = f.as(Fixture.SUPERVISOR);
        assertThat(sato.checkRecording(Fixture.CALL_A).status()).isEqualTo(RecordingIntegrity.Status.VERIFIED);

        Path wav = f.dir.recordings().resolve(Fixture.CALL_A.value() + "/call.wav");
        byte[] bytes = Files.readAllBytes(wav);
        bytes[bytes.length - 1] ^= 1;
        Files.write(wav, bytes);

        assertThat(sato.checkRecording(Fixture.CALL_A).status()).isEqualTo(RecordingIntegrity.Status.MODIFIED);
        assertThat(sato.playbackStarted(Fixture.CALL_A).status()).isEqualTo(RecordingIntegrity.Status.MODIFIED);
        Path pdf = temp.resolve("report.pdf");
        sato.exportPdf(Fixture.CALL_A, pdf, false);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Recording CHANGED since it was recorded");
        }
        assertThat(f.recordingAccess()).extracting(a -> a.detail())
                .anyMatch(d -> d.startsWith("play; recording MODIFIED"));
    }

    @Test
    void aReportIsNeverWrittenOverTheDatabase() throws Exception {
        assumeFalse(TestDatabase.onServer(), "a server database has no file on this computer to write over");
        byte[] before = Files.readAllBytes(f.dir.database());
        assertThatThrownBy(() -> f.as(Fixture.SUPERVISOR).exportPdf(Fixture.CALL_A, f.dir.database(), true))
                .isInstanceOf(InputException.class);
        assertThat(Files.readAllBytes(f.dir.database())).isEqualTo(before);
    }
}
