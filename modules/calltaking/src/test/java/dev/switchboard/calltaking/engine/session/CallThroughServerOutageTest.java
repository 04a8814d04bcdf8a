package dev.switchboard.calltaking.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calltaking.engine.scoring.CallHistory;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.UserId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.Outbox;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingInfo;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.testkit.CuttableProxy;
import dev.switchboard.testkit.MutableClock;
import dev.switchboard.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call on a training center's server whose connection is cut half-way: the call goes on to its score without an
 * error, and once the server answers again its whole record is there, in order, verified, with the session finished
 * and the recording sealed.
 */
class CallThroughServerOutageTest {

    @TempDir
    Path tmp;

    private final MutableClock wall = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final ManualCallClock clock = new ManualCallClock();
    private final ScriptedCaller caller = new ScriptedCaller();

    @Test
    void aCallGoesOnWhenTheServerStopsAnsweringAndItsRecordFollows() throws Exception {
        String direct = TestPostgres.freshDatabase();
        DataDir dir = DataDir.of(tmp.resolve("seat"));
        try (CuttableProxy proxy = CuttableProxy.inFrontOf(direct);
             Database db = Database.openServer(dir, DatabaseServer.of(proxy.url(), null, null));
             Outbox outbox = Outbox.open(dir, db.location());
             EventLog log = new EventLog(db, wall, outbox);
             EventBus bus = new EventBus(new CallSessionTest.SameThread())) {
            SessionCatalog sessions = new SessionCatalog(db, log);
            RecordingCatalog recordings = new RecordingCatalog(db);
            CallSession call = new CallSession(
                    new CallConfig(TestScenarios.fire(), 7, new UserId("u1"), "Trainee One", false, false),
                    new CallSession.Services(log, sessions, recordings, dir.recordings(), wall, bus),
                    CallSession.Language.standard(), caller, clock, null,
                    WavCallRecording.opener(dir.recordings(), CallSession.SAMPLE_RATE), null);
            call.ring();
            clock.set(3_000);
            call.answer();
            caller.then("I'm at 2-21-1 Shibuya, my number is 090-1234-5678.", 0.7);
            caller.then("Please hurry, please!", 0.68);
            clock.set(10_000);
            call.traineeTyped("What is the address of your emergency?");

            proxy.cut();
            clock.set(20_000);
            call.traineeTyped("Stay on the line with me.");
            clock.set(30_000);
            Optional<CallLog.Score> score = call.end("completed");

            assertThat(score).as("the call was scored while the server was away").isPresent();
            assertThat(log.keptLocally()).isPositive();

            proxy.restore();
            assertThat(log.awaitKeptSent(Duration.ofSeconds(60))).isTrue();
            SessionSummary finished = awaitFinished(sessions, call);
            assertThat(finished.status()).isEqualTo("complete");
            assertThat(finished.score()).isEqualTo(score.get().total());
            assertThat(recordings.of(call.session())).extracting(RecordingInfo::status).containsExactly("complete");

            CallHistory onServer = CallHistory.read(log, call.session());
            assertThat(onServer.traineeLines()).extracting(CallLog.Utterance::text)
                    .containsExactly("What is the address of your emergency?", "Stay on the line with me.");
            assertThat(onServer.first(CallLog.Score.class)).contains(score.get());
            assertThat(onServer.records().get(onServer.records().size() - 1)).isEqualTo(score.get());
            assertThat(log.verify(Optional.empty()).intact()).isTrue();
        }
    }

    @Test
    void aCallScoredWhileTheServerWasAwayIsFinishedAtTheNextStartWhenTheSeatClosedFirst() throws Exception {
        String direct = TestPostgres.freshDatabase();
        DataDir dir = DataDir.of(tmp.resolve("seat"));
        try (CuttableProxy proxy = CuttableProxy.inFrontOf(direct)) {
            CallSession call;
            Optional<CallLog.Score> score;
            try (Database db = Database.openServer(dir, DatabaseServer.of(proxy.url(), null, null));
                 Outbox outbox = Outbox.open(dir, db.location());
                 EventLog log = new EventLog(db, wall, outbox);
                 EventBus bus = new EventBus(new CallSessionTest.SameThread())) {
                call = new CallSession(
                        new CallConfig(TestScenarios.fire(), 7, new UserId("u1"), "Trainee One", false, false),
                        new CallSession.Services(log, new SessionCatalog(db, log), new RecordingCatalog(db),
                                dir.recordings(), wall, bus),
                        CallSession.Language.standard(), caller, clock, null,
                        WavCallRecording.opener(dir.recordings(), CallSession.SAMPLE_RATE), null);
                call.ring();
                clock.set(3_000);
                call.answer();
                proxy.cut();
                clock.set(12_000);
                call.traineeTyped("What is the address of your emergency?");
                score = call.end("completed");
                assertThat(score).isPresent();
            }
            proxy.restore();
            // The next start: the outbox is sent first, then the call's catalogue updates follow.
            try (Database db = Database.openServer(dir, DatabaseServer.of(proxy.url(), null, null));
                 Outbox outbox = Outbox.open(dir, db.location());
                 EventLog log = new EventLog(db, wall, outbox)) {
                SessionCatalog sessions = new SessionCatalog(db, log);
                RecordingCatalog recordings = new RecordingCatalog(db);
                assertThat(log.keptAtStart()).contains(call.session());
                assertThat(log.awaitKeptSent(Duration.ofSeconds(60))).isTrue();
                assertThat(sessions.find(call.session()).orElseThrow().status()).isEqualTo("running");

                var done = new CallRecovery(log, sessions, recordings, dir.recordings(), wall)
                        .completeScored(log.keptAtStart());

                assertThat(done).extracting(CallRecovery.Recovered::session).containsExactly(call.session());
                SessionSummary finished = sessions.find(call.session()).orElseThrow();
                assertThat(finished.status()).isEqualTo("complete");
                assertThat(finished.score()).isEqualTo(score.get().total());
                assertThat(recordings.of(call.session())).extracting(RecordingInfo::status)
                        .containsExactly("complete");
                assertThat(CallHistory.read(log, call.session()).first(CallLog.Interrupted.class)).isEmpty();
                assertThat(log.verify(Optional.empty()).intact()).isTrue();
            }
        }
    }

    private static SessionSummary awaitFinished(SessionCatalog sessions, CallSession call) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        SessionSummary s = sessions.find(call.session()).orElseThrow();
        while ("running".equals(s.status()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            s = sessions.find(call.session()).orElseThrow();
        }
        return s;
    }
}
