package dev.switchboard.review.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calltaking.engine.session.CallRecording;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.model.RecordingIntegrity;
import dev.switchboard.speech.Pcm;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.audit.AuditLog;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingSeals;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.testkit.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review on a training center's server: a supervisor on another seat plays a trainee's call while it is recorded and
 * after, from the database, checked against its seal; a recording changed in the database is reported for its
 * session and not played.
 */
class ServerRecordingReviewTest {

    private static final int RATE = 8000;
    private static final SessionId CALL = new SessionId("call-on-server");

    @TempDir
    Path tmp;

    private Database traineeSeat;
    private Database supervisorSeat;
    private EventLog traineeLog;
    private EventLog supervisorLog;

    /** A trainee's seat and a supervisor's seat, each with its own data folder, on one fresh server database. */
    @BeforeEach
    void twoSeats() {
        DatabaseServer server = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        traineeSeat = Database.openServer(DataDir.of(tmp.resolve("trainee")), server);
        supervisorSeat = Database.openServer(DataDir.of(tmp.resolve("supervisor")), server);
        traineeLog = new EventLog(traineeSeat, Clock.systemUTC());
        supervisorLog = new EventLog(supervisorSeat, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        supervisorLog.close();
        traineeLog.close();
        supervisorSeat.close();
        traineeSeat.close();
    }

    @Test
    void aSupervisorOnAnotherSeatPlaysTheCallFromTheDatabaseAndIsToldWhenItWasChanged() throws Exception {
        Path traineeRecordings = traineeSeat.dataDir().recordings();
        CallRecording recording = startCall(traineeSeat, traineeLog);
        RecordingCatalog catalog = new RecordingCatalog(traineeSeat);
        recording.caller(0, tone(3000));
        recording.flush();

        ReviewService supervisor = new ReviewService(supervisorLog, new AuditLog(supervisorLog),
                supervisorSeat.dataDir().recordings(), Clock.systemUTC(), Fixture.SUPERVISOR);
        Path live = supervisor.recordingFile(CALL).orElseThrow();
        assertThat(live).startsWith(supervisorSeat.dataDir().cache());
        assertThat(WavFile.read(live).durationMs()).isEqualTo(3000);
        assertThat(supervisor.checkRecording(CALL).status()).isEqualTo(RecordingIntegrity.Status.NOT_SEALED);

        CallRecording.Closed closed = recording.close(5000);
        new RecordingSeals(traineeLog, catalog, traineeRecordings)
                .seal(CALL, recording.file(), closed.durationMs(), closed.sha256(), "complete");

        Path played = supervisor.open(CALL).audio().orElseThrow();
        assertThat(WavFile.read(played).durationMs()).isEqualTo(5000);
        assertThat(Files.readAllBytes(played)).isEqualTo(Files.readAllBytes(traineeRecordings.resolve(
                recording.file())));
        assertThat(supervisor.checkRecording(CALL).status()).isEqualTo(RecordingIntegrity.Status.VERIFIED);

        // Someone changes a second of audio in the database.
        traineeSeat.jdbi().useHandle(h -> h.createUpdate(
                        "UPDATE recording_chunk SET bytes = :b WHERE session_id = :s AND seq = 1")
                .bind("b", new byte[8000]).bind("s", CALL.value()).execute());

        ReviewService later = new ReviewService(supervisorLog, new AuditLog(supervisorLog),
                supervisorSeat.dataDir().recordings(), Clock.systemUTC(), Fixture.SUPERVISOR);
        RecordingIntegrity check = later.checkRecording(CALL);
        assertThat(check.status()).isEqualTo(RecordingIntegrity.Status.MODIFIED);
        assertThat(check.detail()).contains("session " + CALL.value());
        assertThat(later.open(CALL).audio()).isEmpty();
        assertThat(later.playbackStarted(CALL).status()).isEqualTo(RecordingIntegrity.Status.MODIFIED);
    }

    /** A trainee's call on {@code seat}: catalogued, its start logged, its recording opened. */
    private static CallRecording startCall(Database seat, EventLog log) {
        Instant start = Instant.now();
        new SessionCatalog(seat, log).insert(new SessionSummary(CALL, Fixture.TRAINEE_A.id(),
                Fixture.TRAINEE_A.displayName(), "call", "Kitchen fire", start, null, "running", null));
        CallRecording recording = CallRecording.opener(seat, seat.dataDir().recordings(), RATE).apply(CALL);
        new RecordingCatalog(seat).started(CALL, recording.file(), "call", RATE, 2, start);
        log.append(new AppendRequest(CALL, 0, CallLog.STARTED, log.json(new CallLog.Started("C-1",
                "kitchen-fire", "Kitchen fire", 42, Fixture.TRAINEE_A.id().value(),
                Fixture.TRAINEE_A.displayName(), recording.file(), RATE, "scripted", null))));
        return recording;
    }

    @Test
    void theSessionViewOnAnotherSeatShowsEverythingAtOnceAndTheRecordingWhenItArrives() throws Exception {
        CallRecording recording = startCall(traineeSeat, traineeLog);
        recording.caller(0, tone(4000));
        CallRecording.Closed closed = recording.close(4000);
        new RecordingSeals(traineeLog, new RecordingCatalog(traineeSeat), traineeSeat.dataDir().recordings())
                .seal(CALL, recording.file(), closed.durationMs(), closed.sha256(), "complete");
        ReviewService supervisor = new ReviewService(supervisorLog, new AuditLog(supervisorLog),
                supervisorSeat.dataDir().recordings(), Clock.systemUTC(), Fixture.SUPERVISOR);

        assertThat(supervisor.recordingAwaitsFetch(CALL)).isTrue();
        // The fetch waits until the view is open, as when the server is slower than reading the log.
        java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Executor afterOpen = task -> ReviewService.helperThread(() -> {
            try {
                opened.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.run();
        });
        SessionView first = SessionView.openForViewing(supervisor, CALL, 50, afterOpen);
        opened.countDown();
        assertThat(first.session().row().id()).isEqualTo(CALL);
        assertThat(first.session().audio()).as("shown without the recording, which follows").isEmpty();
        assertThat(first.waveform().durationMs()).isEqualTo(first.session().durationMs());
        SessionView arrived = first.arriving().orElseThrow().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(arrived.arriving()).isEmpty();
        Path played = arrived.session().audio().orElseThrow();
        assertThat(played).startsWith(supervisorSeat.dataDir().cache());
        assertThat(Files.readAllBytes(played)).isEqualTo(Files.readAllBytes(traineeSeat.dataDir().recordings()
                .resolve(recording.file())));
        assertThat(arrived.waveform().durationMs()).isEqualTo(4000);
        assertThat(arrived.session().durationMs()).isEqualTo(4000);

        // Opened again, the checked copy is here: nothing to wait for.
        assertThat(supervisor.recordingAwaitsFetch(CALL)).isFalse();
        SessionView again = SessionView.openForViewing(supervisor, CALL, 50);
        assertThat(again.arriving()).isEmpty();
        assertThat(again.session().audio()).contains(played);
    }

    private static Pcm tone(int ms) {
        short[] s = new short[RATE * ms / 1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (6000 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        return new Pcm(s, RATE);
    }
}
