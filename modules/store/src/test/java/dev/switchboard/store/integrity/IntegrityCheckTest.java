package dev.switchboard.store.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.Tamper;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingSeals;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "tamper evidence beyond the stated limits": each probe that went unnoticed is done here and must be
 * reported by {@code log verify}'s check.
 */
class IntegrityCheckTest {

    private static final SessionId CALL = new SessionId("call-1");
    private static final SessionId OTHER = new SessionId("call-2");
    private static final Instant T0 = Instant.parse("2025-04-01T09:00:00Z");

    @TempDir
    Path tmp;

    private DataDir dir;
    private Database db;
    private EventLog log;
    private SessionCatalog sessions;
    private Checkpoints checkpoints;
    private IntegrityCheck check;

    @BeforeEach
    void open() {
        dir = DataDir.of(tmp);
        db = Database.open(dir);
        log = new EventLog(db, Clock.systemUTC());
        sessions = new SessionCatalog(db, log);
        sessions.adoptUnchainedRows();
        checkpoints = new Checkpoints(log, FileCheckpointKey.loadOrCreate(dir.keys()), Clock.systemUTC());
        check = new IntegrityCheck(log, sessions, checkpoints, null);
        for (SessionId id : List.of(CALL, OTHER)) {
            sessions.insert(new SessionSummary(id, new UserId("aiko"), "Aiko", "call", "Kitchen fire", T0, null,
                    "running", null));
            List<AppendRequest> entries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                entries.add(new AppendRequest(id, i * 1000L, "call.utterance", "{\"i\":" + i + "}"));
            }
            log.appendAll(entries);
            sessions.finish(id, T0.plusSeconds(60), "complete", 62.0);
        }
    }

    @AfterEach
    void close() {
        log.close();
        db.close();
    }

    @Test
    void anUntouchedLogIsIntactAndASecondCheckpointWithNoChangeIsNotTaken() {
        Checkpoint first = checkpoints.take().orElseThrow();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.signatureValid()).isTrue();
        assertThat(first.printable()).contains("Signed by key:    " + checkpoints.key().fingerprint());
        assertThat(checkpoints.take()).isEmpty();
        assertThat(check.run(Optional.empty()).problems()).isEmpty();
        assertThat(check.run(Optional.empty()).intact()).isTrue();
    }

    @Test
    void deletingTheTailOfACheckpointedChainIsReportedAsTruncation() {
        checkpoints.take();
        Tamper.deleteTail(db, CALL, 5);
        // The remaining rows still chain perfectly; only the anchor shows the loss.
        assertThat(log.verify(Optional.of(CALL)).intact()).isTrue();
        assertThat(check.run(Optional.empty()).problems())
                .anyMatch(p -> p.kind() == IntegrityProblem.Kind.TRUNCATED && p.chain().equals(CALL)
                        && p.text().contains("anchored 20 entries, 15 are left"));
    }

    @Test
    void rewritingAChainFromAnEditedEntryOnIsReported() {
        checkpoints.take();
        Tamper.rewrite(db, CALL, 3, "{\"i\":\"edited\"}");
        assertThat(log.verify(Optional.of(CALL)).intact()).isTrue();
        assertThat(check.run(Optional.of(CALL)).problems())
                .anyMatch(p -> p.kind() == IntegrityProblem.Kind.REWRITTEN && p.seq() == 20);
    }

    @Test
    void aCheckpointNeverBlessesATruncation() {
        checkpoints.take();
        Tamper.deleteTail(db, CALL, 5);
        log.append(new AppendRequest(OTHER, 0, "call.more", "{}"));
        checkpoints.take();
        assertThat(check.run(Optional.empty()).problems())
                .anyMatch(p -> p.kind() == IntegrityProblem.Kind.TRUNCATED && p.chain().equals(CALL));
    }

    @Test
    void deletingAWholeSessionChainIsReportedWithOrWithoutACheckpoint() {
        Tamper.deleteChain(db, CALL);
        assertThat(log.verify(Optional.empty()).intact()).isTrue();
        assertThat(check.run(Optional.empty()).problems())
                .anyMatch(p -> p.kind() == IntegrityProblem.Kind.DELETED && p.chain().equals(CALL));
        assertThat(check.run(Optional.of(CALL)).intact()).isFalse();
    }

    @Test
    void anEditedScoreOrOwnerADeletedRowAndAnAddedRowAreReported() {
        db.jdbi().useHandle(h -> h.execute("UPDATE training_session SET score = 100, trainee_id = 'kenji' "
                + "WHERE id = 'call-1'"));
        db.jdbi().useHandle(h -> h.execute("DELETE FROM training_session WHERE id = 'call-2'"));
        db.jdbi().useHandle(h -> h.execute("INSERT INTO training_session VALUES ('fake', 'aiko', 'Aiko', 'call', "
                + "'Made up', 0, 1, 'complete', 100)"));
        List<IntegrityProblem> problems = check.run(Optional.empty()).problems();
        assertThat(problems).extracting(IntegrityProblem::toString)
                .anyMatch(p -> p.startsWith("call-1: the session row was changed") && p.contains("score 100.0 "
                        + "(recorded 62.0)") && p.contains("trainee kenji (recorded aiko)"))
                .anyMatch(p -> p.startsWith("call-2: the session row was deleted"))
                .anyMatch(p -> p.startsWith("fake: the session row was never recorded"));
    }

    @Test
    void anUnknownSessionIsNotReportedAsIntact() {
        IntegrityCheck.Report report = check.run(Optional.of(new SessionId("no-such-session")));
        assertThat(report.known()).isFalse();
        assertThat(report.intact()).isFalse();
    }

    @Test
    void aChangeCutShortByACrashBetweenChainAndRowIsCompletedAtTheNextOpen() {
        SessionCatalog unchained = new SessionCatalog(db);
        // The chain got the new version, the row did not (as if killed in between).
        log.append(new AppendRequest(SessionCatalog.CHAIN, 0, SessionCatalog.RECORDED,
                "{\"id\":\"call-1\",\"trainee\":\"aiko\",\"traineeName\":\"Aiko\",\"kind\":\"call\","
                        + "\"title\":\"Kitchen fire\",\"startedAt\":" + T0.toEpochMilli() + ",\"endedAt\":"
                        + T0.plusSeconds(60).toEpochMilli() + ",\"status\":\"signed-off\",\"score\":62.0}"));
        assertThat(check.run(Optional.of(CALL)).problems()).isNotEmpty();
        assertThat(sessions.completeInterruptedChange()).contains(CALL);
        assertThat(unchained.find(CALL).orElseThrow().status()).isEqualTo("signed-off");
        assertThat(check.run(Optional.empty()).problems()).isEmpty();
    }

    @Test
    void aModifiedOrMissingRecordingIsCaughtByItsSeal() throws Exception {
        RecordingCatalog catalog = new RecordingCatalog(db);
        RecordingSeals seals = new RecordingSeals(log, catalog, dir.recordings());
        Path wav = Files.createDirectories(dir.recordings().resolve("call-1")).resolve("call.wav");
        Files.write(wav, new byte[4096]);
        catalog.started(CALL, "call-1/call.wav", "call", 16000, 2, T0);
        seals.seal(CALL, "call-1/call.wav", 64, null, "complete");
        assertThat(seals.check(CALL)).singleElement().satisfies(c -> assertThat(c.ok()).isTrue());

        byte[] bytes = Files.readAllBytes(wav);
        bytes[100] = 1;
        Files.write(wav, bytes);
        // The table's checksum is updated too, as a forger would: only the chained seal still knows.
        db.jdbi().useHandle(h -> h.execute("UPDATE recording SET sha256 = 'forged'"));
        assertThat(seals.check(CALL)).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(RecordingSeals.State.MODIFIED));
        IntegrityCheck withRecordings = new IntegrityCheck(log, sessions, checkpoints, seals);
        assertThat(withRecordings.run(Optional.of(CALL)).problems())
                .anyMatch(p -> p.kind() == IntegrityProblem.Kind.RECORDING);

        Files.delete(wav);
        assertThat(seals.check(CALL)).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(RecordingSeals.State.MISSING));
    }
}
