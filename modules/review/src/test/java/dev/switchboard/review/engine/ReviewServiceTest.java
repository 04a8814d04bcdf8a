package dev.switchboard.review.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.AuditRecord.Outcome;
import dev.switchboard.core.error.InputException;
import dev.switchboard.review.TestDatabases;
import dev.switchboard.review.model.Assessment;
import dev.switchboard.review.model.Grade;
import dev.switchboard.review.model.HistoryEntry;
import dev.switchboard.review.model.Note;
import dev.switchboard.review.model.ProgressPoint;
import dev.switchboard.review.model.RecordedSession;
import dev.switchboard.review.model.ReviewStatus;
import dev.switchboard.review.model.SessionQuery;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.model.SessionRow;
import dev.switchboard.review.model.SortColumn;
import dev.switchboard.review.model.TimelineKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewServiceTest {

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
    void aTraineeListsOnlyTheirOwnSessionsWhateverTheFilterSays() {
        ReviewService aiko = f.as(Fixture.TRAINEE_A);
        assertThat(aiko.list(SessionQuery.all(100))).extracting(SessionRow::id).containsExactly(Fixture.CALL_A);
        assertThat(aiko.list(SessionQuery.all(100).withTrainee(Fixture.TRAINEE_B.id().value()))).isEmpty();
        assertThat(f.as(Fixture.SUPERVISOR).list(SessionQuery.all(100))).hasSize(2);
        assertThat(f.as(Fixture.INSTRUCTOR).list(SessionQuery.all(100).withTrainee("ben")))
                .extracting(SessionRow::id).containsExactly(Fixture.CALL_B);
    }

    @Test
    void aCallsLengthIsItsRecordingsEvenWhenItWasSimulatedFasterThanRealTime() {
        // A scripted call (CLI, demo) runs on a virtual clock: its wall start and end are milliseconds apart.
        SessionId fast = new SessionId("call-fast");
        java.time.Instant at = f.clock.instant();
        f.sessions.insert(new dev.switchboard.store.session.SessionSummary(fast, Fixture.TRAINEE_A.id(),
                Fixture.TRAINEE_A.displayName(), "call", "Scripted call", at, at.plusMillis(40), "complete", 90.0));
        f.recordings.started(fast, "call-fast/call.wav", "call", 16_000, 2, at);
        f.recordings.closed(fast, "call-fast/call.wav", 83_450, "", "complete");

        SessionRow row = f.as(Fixture.SUPERVISOR).list(SessionQuery.all(100)).stream()
                .filter(r -> r.id().equals(fast)).findFirst().orElseThrow();
        assertThat(row.durationMs()).isEqualTo(83_450L);
        assertThat(f.as(Fixture.SUPERVISOR).list(SessionQuery.all(100).withDuration(60_000L, null)))
                .extracting(SessionRow::id).contains(fast);
    }

    @Test
    void aTraineeCannotOpenAnotherTraineesSessionAndTheAttemptIsAudited() {
        ReviewService ben = f.as(Fixture.TRAINEE_B);
        assertThatThrownBy(() -> ben.open(Fixture.CALL_A)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining(Fixture.CALL_A.value());
        assertThatThrownBy(() -> ben.exportPdf(Fixture.CALL_A, temp.resolve("x.pdf")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ben.notes(Fixture.CALL_A)).isInstanceOf(AccessDeniedException.class);
        assertThat(temp.resolve("x.pdf")).doesNotExist();
        List<AuditRecord> audit = f.recordingAccess();
        assertThat(audit).extracting(AuditRecord::outcome).containsOnly(Outcome.DENIED);
        assertThat(audit).extracting(AuditRecord::actor).containsOnly("ben");
        assertThat(audit).extracting(AuditRecord::target).contains("session " + Fixture.CALL_A.value());
    }

    @Test
    void openingPlayingAndExportingAreAuditedWithWhoWhatAndWhen() {
        ReviewService aiko = f.as(Fixture.TRAINEE_A);
        aiko.open(Fixture.CALL_A);
        f.clock.advance(Duration.ofSeconds(5));
        aiko.playbackStarted(Fixture.CALL_A);
        f.clock.advance(Duration.ofSeconds(5));
        aiko.exportPdf(Fixture.CALL_A, temp.resolve("mine.pdf"));
        List<AuditRecord> audit = f.recordingAccess();
        // Newest first.
        assertThat(audit).extracting(AuditRecord::detail).containsExactly("export pdf mine.pdf", "play", "open");
        assertThat(audit).extracting(AuditRecord::actor).containsOnly("aiko");
        assertThat(audit).extracting(AuditRecord::outcome).containsOnly(Outcome.SUCCESS);
        assertThat(audit.get(0).at()).isEqualTo(audit.get(2).at().plusSeconds(10));
    }

    @Test
    void aRecordedCallIsReadCompletelyFromItsLog() {
        RecordedSession s = f.as(Fixture.SUPERVISOR).open(Fixture.CALL_A);
        assertThat(s.audio()).isPresent();
        assertThat(s.durationMs()).isEqualTo(12_000);
        assertThat(s.utterances()).hasSize(4);
        assertThat(s.emotions()).hasSize(2);
        assertThat(s.unitFixes()).hasSize(5);
        assertThat(s.incidents()).hasSize(1);
        assertThat(s.score()).isPresent();
        assertThat(s.integrity().intact()).isTrue();
        // Each on its target's clock: the answer from the first ring, location and dispatch from the answer.
        assertThat(s.metrics().answerMs()).isEqualTo(800);
        assertThat(s.metrics().locationMs()).isEqualTo(4_000);
        assertThat(s.metrics().dispatchMs()).isEqualTo(6_000);
        assertThat(s.metrics().targets()).isEqualTo(dev.switchboard.calltaking.model.CallTarget.Targets.DEFAULT);
        assertThat(s.metrics().met(dev.switchboard.calltaking.model.CallTarget.DISPATCH)).isTrue();
        assertThat(s.timeline()).extracting(t -> t.kind()).contains(TimelineKind.ENTITY, TimelineKind.CAD,
                TimelineKind.DISPATCH, TimelineKind.UNIT, TimelineKind.EMOTION, TimelineKind.CONTROL,
                TimelineKind.SCORE);
        // Units: one item per state change, not per position.
        assertThat(s.timeline().stream().filter(t -> t.kind() == TimelineKind.UNIT)).hasSize(4);
        assertThat(s.timeline()).isSortedAccordingTo((a, b) -> Long.compare(a.atMs(), b.atMs()));
    }

    @Test
    void aTamperedLogIsReportedWithItsFirstBrokenEntry() throws Exception {
        try (Connection c = TestDatabases.connect(f.dir);
             Statement st = c.createStatement()) {
            st.execute(TestDatabases.removeGuard("event_log", "event_log_no_update"));
            st.execute("UPDATE event_log SET payload = replace(payload, 'fire', 'flood') WHERE session_id = '"
                    + Fixture.CALL_A.value() + "' AND seq = 5");
        }
        RecordedSession s = f.as(Fixture.SUPERVISOR).open(Fixture.CALL_A);
        assertThat(s.integrity().intact()).isFalse();
        assertThat(s.integrity().brokenSeq()).isEqualTo(5);
        assertThat(s.integrity().problem()).contains("hash");
    }

    @Test
    void transcriptSearchFindsSessionsByWordsAndPrefixesAndTreatsInputAsText() {
        ReviewService sato = f.as(Fixture.SUPERVISOR);
        assertThat(sato.indexPending()).isEqualTo(2);
        assertThat(sato.indexPending()).isZero();
        SessionQuery all = SessionQuery.all(100);
        assertThat(sato.list(all.withTranscript("neighbour third"))).extracting(SessionRow::id)
                .containsExactly(Fixture.CALL_A);
        assertThat(sato.list(all.withTranscript("Kabuki"))).hasSize(2);
        assertThat(sato.list(all.withTranscript("neighbour cyclist"))).isEmpty();
        assertThat(sato.list(all.withTranscript("\"OR* NEAR( -:"))).isEmpty();
        assertThat(sato.list(all.withTranscript("???"))).isEmpty();
        // Case and accents do not matter; every word must start a word of the same utterance.
        assertThat(sato.list(all.withTranscript("NEIGHBOUR Thi"))).extracting(SessionRow::id)
                .containsExactly(Fixture.CALL_A);
        assertThat(sato.list(all.withTranscript("fíre kabukichō"))).extracting(SessionRow::id)
                .containsExactly(Fixture.CALL_A);
        assertThat(sato.list(all.withTranscript("eighbour"))).isEmpty();
        assertThat(sato.list(all.withTranscript("neighbour address"))).isEmpty();
        // Trainees search only their own.
        assertThat(f.as(Fixture.TRAINEE_B).list(all.withTranscript("neighbour"))).isEmpty();
    }

    @Test
    void filtersAndSortsOnEachColumn() {
        ReviewService sato = f.as(Fixture.SUPERVISOR);
        SessionQuery all = SessionQuery.all(100);
        assertThat(sato.list(all.withTitle("KITCHEN"))).extracting(SessionRow::id).containsExactly(Fixture.CALL_A);
        assertThat(sato.list(all.withTitle("fire in"))).extracting(SessionRow::id).containsExactly(Fixture.CALL_A);
        // LIKE's wildcards in the filter are taken as text.
        assertThat(sato.list(all.withTitle("%"))).isEmpty();
        assertThat(sato.list(all.withTitle("kitchen_fire"))).isEmpty();
        assertThat(sato.list(all.withTrainee("OKADA"))).extracting(SessionRow::id).containsExactly(Fixture.CALL_B);
        assertThat(sato.list(all.withScore(70.0, 80.0))).extracting(SessionRow::id).containsExactly(Fixture.CALL_A);
        assertThat(sato.list(all.withDuration(30_000L, null))).extracting(SessionRow::id)
                .containsExactly(Fixture.CALL_B);
        assertThat(sato.list(all.withStatus(ReviewStatus.COMPLETE))).hasSize(2);
        assertThat(sato.list(all.withStatus(ReviewStatus.INTERRUPTED))).isEmpty();
        assertThat(sato.list(all.withKind("control-room"))).isEmpty();
        assertThat(sato.list(all.sortedBy(SortColumn.TRAINEE, false))).extracting(SessionRow::traineeName)
                .containsExactly("Aiko Tanaka", "Ben Okada");
        assertThat(sato.list(all.sortedBy(SortColumn.DATE, false))).extracting(SessionRow::id)
                .containsExactly(Fixture.CALL_B, Fixture.CALL_A);
        assertThat(sato.list(all.sortedBy(SortColumn.DURATION, true))).extracting(SessionRow::id)
                .containsExactly(Fixture.CALL_B, Fixture.CALL_A);
    }

    @Test
    void traineesReadNotesAndGradesButCannotChangeThem() {
        ReviewService sato = f.as(Fixture.SUPERVISOR);
        Note note = sato.addNote(Fixture.CALL_A, 3_500, "Read the address back here.");
        sato.assess(Fixture.CALL_A, Grade.NEEDS_PRACTICE, "Good control; verify locations.");
        ReviewService aiko = f.as(Fixture.TRAINEE_A);
        assertThat(aiko.notes(Fixture.CALL_A)).extracting(Note::text).containsExactly("Read the address back here.");
        assertThat(aiko.assessment(Fixture.CALL_A).grade()).isEqualTo(Grade.NEEDS_PRACTICE);
        assertThatThrownBy(() -> aiko.addNote(Fixture.CALL_A, 0, "I did!")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> aiko.editNote(note.id(), "changed")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> aiko.assess(Fixture.CALL_A, Grade.COMPETENT, ""))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> aiko.signOff(Fixture.CALL_A)).isInstanceOf(AccessDeniedException.class);
        assertThat(sato.notes(Fixture.CALL_A)).extracting(Note::text).containsExactly("Read the address back here.");
    }

    @Test
    void afterSignOffNotesAreFixedAndChangesAreRecordedNotOverwritten() throws Exception {
        ReviewService sato = f.as(Fixture.SUPERVISOR);
        Note note = sato.addNote(Fixture.CALL_A, 3_500, "Read the address back.");
        assertThatThrownBy(() -> sato.signOff(Fixture.CALL_A)).isInstanceOf(InputException.class)
                .hasMessageContaining("grade");
        sato.assess(Fixture.CALL_A, Grade.NEEDS_PRACTICE, "Verify locations.");
        Assessment signed = sato.signOff(Fixture.CALL_A);
        assertThat(signed.signedOff()).isTrue();
        assertThat(signed.signedOffBy()).isEqualTo("Sato Haruki");
        assertThat(f.sessions.find(Fixture.CALL_A).orElseThrow().status()).isEqualTo("signed-off");
        assertThat(sato.list(SessionQuery.all(10).withStatus(ReviewStatus.SIGNED_OFF))).hasSize(1);

        assertThatThrownBy(() -> sato.editNote(note.id(), "Rewritten")).isInstanceOf(InputException.class)
                .hasMessageContaining("signed off");
        assertThatThrownBy(() -> sato.deleteNote(note.id())).isInstanceOf(InputException.class);
        // The database holds the line too, should anything bypass the service.
        try (Connection c = TestDatabases.connect(f.dir);
             Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("UPDATE review_note SET text = 'x' WHERE id = " + note.id()))
                    .hasMessageContaining("signed off");
            assertThatThrownBy(() -> st.execute("DELETE FROM review_history")).hasMessageContaining("append-only");
        }

        // No note is added after sign-off either, as the sign-off dialog says; not even past the service.
        assertThatThrownBy(() -> sato.addNote(Fixture.CALL_A, 9_000, "Amendment: caller calmed well."))
                .isInstanceOf(InputException.class).hasMessageContaining("signed off");
        try (Connection c = TestDatabases.connect(f.dir);
             Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("INSERT INTO review_note (session_id, at_ms, author_id, author_name,"
                    + " text, created_at, updated_at) VALUES ('" + Fixture.CALL_A.value()
                    + "', 1, 'x', 'x', 'x', 1, 1)"))
                    .hasMessageContaining("signed off");
        }
        f.clock.advance(Duration.ofMinutes(3));
        f.as(Fixture.INSTRUCTOR).assess(Fixture.CALL_A, Grade.COMPETENT, "Verify locations.");

        assertThat(sato.notes(Fixture.CALL_A)).extracting(Note::text).containsExactly("Read the address back.");
        List<HistoryEntry> history = sato.history(Fixture.CALL_A);
        assertThat(history).extracting(HistoryEntry::field).containsExactly("note:" + note.id(), "grade", "comment",
                "status", "grade");
        HistoryEntry regrade = history.get(history.size() - 1);
        assertThat(regrade.oldValue()).isEqualTo("NEEDS_PRACTICE");
        assertThat(regrade.newValue()).isEqualTo("COMPETENT");
        assertThat(regrade.byName()).isEqualTo("Ito Mei");
        assertThat(regrade.afterSignOff()).isTrue();
        assertThat(history.get(3).oldValue()).isEqualTo("finished");
        assertThat(sato.assessment(Fixture.CALL_A).grade()).isEqualTo(Grade.COMPETENT);
    }

    @Test
    void beforeSignOffNoteEditsAndDeletionsKeepTheOldTextInTheHistory() {
        ReviewService sato = f.as(Fixture.SUPERVISOR);
        Note note = sato.addNote(Fixture.CALL_A, 1_000, "first");
        sato.editNote(note.id(), "second");
        sato.deleteNote(note.id());
        assertThat(sato.notes(Fixture.CALL_A)).isEmpty();
        assertThat(sato.history(Fixture.CALL_A)).extracting(HistoryEntry::oldValue)
                .containsExactly(null, "first", "1000 ms: second");
        assertThatThrownBy(() -> sato.addNote(Fixture.CALL_A, 0, "  ")).isInstanceOf(InputException.class)
                .hasMessageContaining("note");
    }

    @Test
    void progressGivesTheTimingsAndRubricOfEachSessionOfATrainee() {
        List<ProgressPoint> points = f.as(Fixture.TRAINEE_A).progress(Fixture.TRAINEE_A.id());
        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.score()).isEqualTo(75.0);
            assertThat(p.metrics().answerMs()).isEqualTo(800);
            assertThat(p.metrics().dispatchMs()).isEqualTo(6_000);
            assertThat(p.items()).containsEntry("location-verified", 0.5).containsEntry("callback-number", 0.0);
        });
        assertThatThrownBy(() -> f.as(Fixture.TRAINEE_A).progress(Fixture.TRAINEE_B.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.as(Fixture.SUPERVISOR).progress(Fixture.TRAINEE_B.id())).hasSize(1);
    }
}
