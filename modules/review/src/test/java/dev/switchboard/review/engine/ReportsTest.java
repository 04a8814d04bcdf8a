package dev.switchboard.review.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.model.Grade;
import dev.switchboard.review.model.SessionQuery;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.session.SessionSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @TempDir
    Path temp;

    @Test
    void thePdfHoldsTranscriptScoresEvidenceNotesAndTimeline() throws Exception {
        try (Fixture f = new Fixture(temp).withCalls()) {
            ReviewService sato = f.as(Fixture.SUPERVISOR);
            sato.addNote(Fixture.CALL_A, 3_500, "Read the address back to the caller. " + "Long note. ".repeat(60));
            sato.assess(Fixture.CALL_A, Grade.NEEDS_PRACTICE, "Calm and clear.");
            Path pdf = temp.resolve("reports/a.pdf");
            sato.exportPdf(Fixture.CALL_A, pdf);
            String text;
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            }
            for (var u : Fixture.UTTERANCES.subList(0, 3)) {
                assertThat(text).contains(u.text());
            }
            // Characters Helvetica cannot encode are replaced, not fatal.
            assertThat(text).contains("My neighbour ?? is on the third floor");
            // A report a supervisor signs: who, what, when, the marks with evidence, notes and sign-off lines.
            assertThat(text).contains("Call-taking session report").contains("Trainee Aiko Tanaka")
                    .contains("Scenario Kitchen fire in Kabukicho").contains("Location verified")
                    .contains("address heard but not read back").contains("Missed")
                    .contains("Read the address back to the caller").contains("Grade Needs practice")
                    .contains("complete and unaltered").contains("Supervisor").contains("Date")
                    .contains("Dispatch (from answer) 6.0 s 120 s Met");
            // No internal ids, seeds, enum names or log codes.
            assertThat(text).doesNotContain(Fixture.CALL_A.value()).doesNotContain("seed").doesNotContain("INC-7")
                    .doesNotContain("NEEDS_PRACTICE").doesNotContain("call.").doesNotContain("EN_ROUTE");
        }
    }

    @Test
    void aScriptedExercisesReportSaysWhatKindItIsWhatHappenedAndWhereItsScoreComesFrom() throws Exception {
        try (Fixture f = new Fixture(temp)) {
            SessionId exercise = new SessionId("wf-01M98ZB5316DHRK2WYSP0QVDQX");
            Instant start = Instant.parse("2025-02-21T09:00:00Z");
            f.sessions.insert(new SessionSummary(exercise, Fixture.TRAINEE_A.id(), "Aiko Tanaka", "exercise",
                    "Multi-call surge", start, null, "in-progress", null));
            f.log.append(new AppendRequest(exercise, 0, "exercise.started", f.log.json(Map.of("run",
                    "01M98ZB5316DHRK2WYSP0QVDQX", "workflow", "Multi-call surge", "version", 2, "startedBy", "ito"))));
            f.log.append(new AppendRequest(exercise, 0, "exercise.session.linked", f.log.json(Map.of("session",
                    Fixture.CALL_A.value()))));
            Map<String, Object> ended = new LinkedHashMap<>();
            ended.put("run", "01M98ZB5316DHRK2WYSP0QVDQX");
            ended.put("state", "Succeeded");
            ended.put("meanScore", 70.0);
            f.log.append(new AppendRequest(exercise, 0, "exercise.ended", f.log.json(ended)));
            f.sessions.finish(exercise, start.plusSeconds(300), "complete", 70.0);

            Path pdf = temp.resolve("exercise.pdf");
            f.as(Fixture.SUPERVISOR).exportPdf(exercise, pdf);
            String text;
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            }
            assertThat(text).contains("Scripted exercise report").contains("What happened")
                    .contains("Exercise started: Multi-call surge, version 2, by ito")
                    .contains("A call of the exercise was recorded")
                    .contains("Exercise ended: completed; its calls scored 70 on average")
                    .contains("70 / 100: the mean score of the exercise's calls")
                    .contains("scripted exercise report, page 1")
                    .doesNotContain("not scored").doesNotContain("Call-taking").doesNotContain("exercise.")
                    .doesNotContain("01M98ZB5316DHRK2WYSP0QVDQX").doesNotContain(Fixture.CALL_A.value())
                    .doesNotContain("{");
        }
    }

    @Test
    void aLongSessionRunsOverSeveralPagesWithEveryLineKept() throws Exception {
        try (Fixture f = new Fixture(temp)) {
            SyntheticCalls.write(new SyntheticCalls.Spec(new SessionId("long"),
                    Fixture.TRAINEE_A.id(), "Aiko Tanaka", "Long call", Instant.EPOCH, 600_000, 0, 9),
                    f.log, f.sessions, f.recordings, f.dir.recordings());
            Path pdf = temp.resolve("long.pdf");
            f.as(Fixture.SUPERVISOR).exportPdf(new SessionId("long"), pdf);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertThat(doc.getNumberOfPages()).isGreaterThan(3);
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("page " + doc.getNumberOfPages());
            }
        }
    }

    @Test
    void theCsvHasOneRowPerSessionAndOneColumnPerRubricItem() throws Exception {
        try (Fixture f = new Fixture(temp).withCalls()) {
            Path csv = temp.resolve("scores.csv");
            int rows = f.as(Fixture.SUPERVISOR).exportScoresCsv(SessionQuery.all(100), csv);
            assertThat(rows).isEqualTo(2);
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(3);
            List<String> header = List.of(lines.get(0).split(","));
            assertThat(header.subList(0, ScoresCsv.FIXED.size())).isEqualTo(ScoresCsv.FIXED);
            assertThat(header).contains("answer-time", "location-verified", "callback-number", "safety-advice");
            String aiko = lines.stream().filter(l -> l.startsWith(Fixture.CALL_A.value())).findFirst().orElseThrow();
            List<String> cells = List.of(aiko.split(",", -1));
            assertThat(cells.get(header.indexOf("location-verified"))).isEqualTo("0.50");
            assertThat(cells.get(header.indexOf("safety-advice"))).isEmpty();
            assertThat(cells.get(header.indexOf("answer_from_ring_s"))).isEqualTo("0.8");
            assertThat(cells.get(header.indexOf("answer_met"))).isEqualTo("yes");
            assertThat(cells.get(header.indexOf("dispatch_from_answer_s"))).isEqualTo("6.0");
            assertThat(cells.get(header.indexOf("dispatch_target_s"))).isEqualTo("120");
            assertThat(f.recordingAccess()).hasSize(2);
            // A trainee's export holds only their own session.
            assertThat(f.as(Fixture.TRAINEE_B).exportScoresCsv(SessionQuery.all(100), csv)).isEqualTo(1);
        }
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(ScoresCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ScoresCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ScoresCsv.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(ScoresCsv.cell("-0.5")).isEqualTo("-0.5");
    }
}
