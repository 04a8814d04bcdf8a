package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calltaking.engine.caller.OfflineCaller;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.engine.scenario.ScenarioLibrary;
import dev.switchboard.calltaking.engine.session.CallConfig;
import dev.switchboard.calltaking.engine.session.CallSession;
import dev.switchboard.calltaking.engine.session.ManualCallClock;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.speech.Pcm;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.session.RecordingInfo;
import dev.switchboard.store.session.RecordingSeals;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.store.session.StoredRecordings;
import dev.switchboard.testkit.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two seats on one server. Seat A is cut off in the middle of a call (its process state is lost: the call is never
 * ended, its working recording never closed). Seat B, opening meanwhile, leaves A's call alone; when A starts again,
 * the call is closed as interrupted and its repaired recording, sent to the server and sealed, verifies from B.
 */
class SeatRecoveryOnServerTest {

    @TempDir
    Path temp;

    @Test
    void aSeatClosesItsOwnInterruptedCallAtStartAndNoOtherSeatTouchesIt() throws Exception {
        Optional<DatabaseServer> server = Optional.of(DatabaseServer.of(TestPostgres.freshDatabase(), null, null));
        DataDir seatA = DataDir.of(temp.resolve("seat-a"));
        DataDir seatB = DataDir.of(temp.resolve("seat-b"));
        SessionId call;
        Path working;
        long flushedBytes;
        Workstation a = Workstation.open(seatA, Clock.systemUTC(), server);
        try {
            Scenario scenario = ScenarioLibrary.bundled().find("ems-elderly-fall").orElseThrow();
            ManualCallClock clock = new ManualCallClock();
            CallSession session = a.newCall(new CallConfig(scenario, 3, new UserId("trainee-1"), "Trainee One",
                    false, false), new OfflineCaller(scenario, 3), clock, null);
            session.ring();
            clock.advance(2_000);
            session.answer();
            for (int i = 1; i <= 4; i++) {
                clock.advance(1_500);
                session.traineeAudio(clock.nowMs(), tone(1_200, 440));
                session.traineeTyped("Line " + i + ": where exactly are you?");
                session.tick(clock.nowMs());
            }
            call = session.session();
            // The last second reaches the working file but not the server (it refuses the pieces for a moment),
            // and A dies before the next flush would send it.
            a.database().jdbi().useHandle(h -> h.execute("ALTER TABLE recording_chunk RENAME TO chunk_away"));
            clock.advance(1_500);
            session.traineeAudio(clock.nowMs(), tone(1_200, 660));
            session.tick(clock.nowMs());
            a.database().jdbi().useHandle(h -> h.execute("ALTER TABLE chunk_away RENAME TO recording_chunk"));
            working = seatA.recordings().resolve(a.recordings().of(call).get(0).file());
            flushedBytes = a.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT coalesce(sum(octet_length(bytes)), 0) FROM recording_chunk WHERE session_id = :s")
                    .bind("s", call.value()).mapTo(Long.class).one());
            assertThat(flushedBytes).as("the call's audio reached the server as it went").isGreaterThan(44);

            // While A's call is live, B opens and closes: it must not take A's call for its own.
            try (Workstation b = Workstation.open(seatB, Clock.systemUTC(), server)) {
                assertThat(b.recoveredAtOpen()).isEmpty();
                assertThat(b.sessions().find(call).orElseThrow().status()).isEqualTo("running");
            }
            // A second program on seat A (a command run beside the window) shares A's data folder: the call may be
            // live in the first, so it is not closed either.
            try (Workstation beside = Workstation.open(seatA, Clock.systemUTC(), server)) {
                assertThat(beside.recoveredAtOpen()).isEmpty();
                assertThat(beside.sessions().find(call).orElseThrow().status()).isEqualTo("running");
            }
        } finally {
            // Seat A is "killed": the call is never ended and its recording never closed.
            a.close(false);
        }
        assertThat(Files.size(working)).as("the working file holds more than the server got")
                .isGreaterThan(flushedBytes);

        // B opens again while A is down: A's call is still not B's.
        try (Workstation b = Workstation.open(seatB, Clock.systemUTC(), server)) {
            assertThat(b.recoveredAtOpen()).isEmpty();
            assertThat(b.sessions().find(call).orElseThrow().status()).isEqualTo("running");
            assertThat(b.recordings().of(call)).extracting(RecordingInfo::status).containsExactly("recording");
        }

        // A starts again: its call is closed, its whole repaired recording is on the server and sealed.
        try (Workstation a2 = Workstation.open(seatA, Clock.systemUTC(), server);
             Workstation b = Workstation.open(seatB, Clock.systemUTC(), server)) {
            assertThat(a2.recoveredAtOpen()).hasSize(1);
            assertThat(a2.recoveredAtOpen().get(0)).contains(call.value(), "recording repaired");
            assertThat(b.sessions().find(call).orElseThrow().status()).isEqualTo("interrupted");
            RecordingInfo rec = b.recordings().of(call).get(0);
            assertThat(rec.status()).isEqualTo("interrupted");
            assertThat(rec.sha256()).isEqualTo(RecordingSeals.sha256(working));

            assertThat(b.seals().check(call)).extracting(RecordingSeals.Check::state)
                    .containsExactly(RecordingSeals.State.VERIFIED);
            Path onB = new StoredRecordings(b.eventLog(), seatB.recordings()).localFile(call, rec.file())
                    .orElseThrow();
            assertThat(onB).isNotEqualTo(working);
            assertThat(Files.readAllBytes(onB)).isEqualTo(Files.readAllBytes(working));
            assertThat(b.eventLog().verify(Optional.of(call)).firstBreak()).isEmpty();
            assertThat(b.eventLog().last(call).orElseThrow().type()).isEqualTo(CallLog.INTERRUPTED);
        }

        // Recovery happens once: the next start finds nothing of A's to close.
        try (Workstation a3 = Workstation.open(seatA, Clock.systemUTC(), server)) {
            assertThat(a3.recoveredAtOpen()).isEmpty();
        }
    }

    @Test
    void aKilledSeatClosesItsOwnExerciseAndUnrecordedCallWhenItStartsAgainAndLeavesAnotherSeatsAlone() {
        Optional<DatabaseServer> server = Optional.of(DatabaseServer.of(TestPostgres.freshDatabase(), null, null));
        DataDir seatA = DataDir.of(temp.resolve("seat-a"));
        DataDir seatB = DataDir.of(temp.resolve("seat-b"));
        SessionId exerciseA = new SessionId("control-room-on-a");
        SessionId ringingA = new SessionId("call-ringing-on-a");
        SessionId exerciseB = new SessionId("control-room-on-b");
        Instant start = Instant.now();
        Workstation a = Workstation.open(seatA, Clock.systemUTC(), server);
        Workstation b = Workstation.open(seatB, Clock.systemUTC(), server);
        try {
            a.sessions().insert(running(exerciseA, "control-room", "Rush hour", start));
            // A call killed while it rang: no recording was begun, so only the catalogue knows it is A's.
            a.sessions().insert(running(ringingA, "call", "Kitchen fire", start));
            b.sessions().insert(running(exerciseB, "control-room", "Earthquake", start));
        } finally {
            // Both seats are "killed": nothing is finished.
            a.close(false);
            b.close(false);
        }

        try (Workstation a2 = Workstation.open(seatA, Clock.systemUTC(), server)) {
            assertThat(a2.recoveredAtOpen()).hasSize(2).anySatisfy(l -> assertThat(l).contains(exerciseA.value()))
                    .anySatisfy(l -> assertThat(l).contains(ringingA.value()));
            assertThat(a2.sessions().find(exerciseA).orElseThrow().status()).isEqualTo("interrupted");
            assertThat(a2.sessions().find(ringingA).orElseThrow().status()).isEqualTo("interrupted");
            assertThat(a2.eventLog().last(ringingA).orElseThrow().type()).isEqualTo(CallLog.INTERRUPTED);
            assertThat(a2.sessions().find(exerciseB).orElseThrow().status()).as("B's exercise is B's to close")
                    .isEqualTo("running");
        }
        try (Workstation b2 = Workstation.open(seatB, Clock.systemUTC(), server)) {
            assertThat(b2.recoveredAtOpen()).singleElement().asString().contains(exerciseB.value());
            assertThat(b2.sessions().find(exerciseB).orElseThrow().status()).isEqualTo("interrupted");
        }
        assertThat(seatA.seat()).isNotEqualTo(seatB.seat()).isEqualTo(seatA.seat());
    }

    private static SessionSummary running(SessionId id, String kind, String title, Instant start) {
        return new SessionSummary(id, new UserId("trainee-1"), "Trainee One", kind, title, start, null, "running",
                null);
    }

    private static Pcm tone(int ms, int hz) {
        short[] s = new short[16_000 * ms / 1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * i / 16_000));
        }
        return new Pcm(s, 16_000);
    }
}
