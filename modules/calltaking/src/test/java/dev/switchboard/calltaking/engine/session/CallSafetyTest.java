package dev.switchboard.calltaking.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.calltaking.engine.scoring.CallHistory;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.speech.Pcm;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingInfo;
import dev.switchboard.store.session.RecordingSeals;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.testkit.MutableClock;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 items 4 and 5 for calls: a full disk closes the call as interrupted with a message that names the cause;
 * a call has a maximum length and a script is checked against it before it starts; recovery takes a call's length
 * from its log; a finished call's recording is sealed on its chain.
 */
class CallSafetyTest {

    @TempDir
    Path tmp;

    private DataDir dir;
    private Database db;
    private EventLog log;
    private SessionCatalog sessions;
    private RecordingCatalog recordings;
    private final MutableClock wall = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final ManualCallClock clock = new ManualCallClock();

    @BeforeEach
    void open() {
        dir = DataDir.of(tmp);
        db = Database.open(dir);
        log = new EventLog(db, wall);
        sessions = new SessionCatalog(db, log);
        recordings = new RecordingCatalog(db);
    }

    @AfterEach
    void close() {
        log.close();
        db.close();
    }

    private CallSession call(long maxLengthMs, Function<SessionId, CallRecording> recording) {
        return new CallSession(new CallConfig(TestScenarios.fire(), 7, new UserId("u1"), "Trainee One", false, false,
                maxLengthMs), new CallSession.Services(log, sessions, recordings, dir.recordings(), wall,
                new EventBus()), CallSession.Language.standard(), new ScriptedCaller(), clock, null, recording, null);
    }

    @Test
    void aFullDiskStopsTheCallWithTheCauseAndClosesTheSessionAsInterrupted() {
        CallSession call = call(CallConfig.DEFAULT_MAX_LENGTH_MS, session -> new FullDisk(session.value()));
        call.ring();
        clock.set(2_000);
        call.answer();
        call.traineeTyped("Where are you?");
        clock.set(5_000);

        assertThatThrownBy(() -> call.tick(5_000))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("no space left on device on ")
                .satisfies(e -> assertThat(((SwitchboardException) e).hint()).contains("interrupted"));

        SessionSummary s = sessions.find(call.session()).orElseThrow();
        assertThat(s.status()).isEqualTo("interrupted");
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(recordings.of(call.session())).extracting(RecordingInfo::status).containsExactly("interrupted");
        assertThat(CallHistory.read(log, call.session()).last(CallLog.Interrupted.class)).isPresent();
        assertThat(CallHistory.read(log, call.session()).traineeLines()).hasSize(1);
    }

    @Test
    void aCallEndsAtItsMaximumLengthAndItsRecordingStopsThere() throws Exception {
        CallSession call = call(60_000, WavCallRecording.opener(dir.recordings(), CallSession.SAMPLE_RATE));
        call.ring();
        clock.set(1_000);
        call.answer();
        for (long t = 2_000; t <= 3_600_000 && call.state() != CallState.ENDED; t += 1_000) {
            clock.set(t);
            call.tick(t);
        }
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        CallLog.Ended ended = CallHistory.read(log, call.session()).first(CallLog.Ended.class).orElseThrow();
        assertThat(ended.reason()).isEqualTo(CallSession.TIME_LIMIT);
        assertThat(ended.atMs()).isEqualTo(60_000);
        RecordingInfo r = recordings.of(call.session()).get(0);
        assertThat(r.durationMs()).isEqualTo(60_000);
        // 60 s of 16 kHz stereo, not the hour the loop offered.
        assertThat(Files.size(dir.recordings().resolve(r.file()))).isLessThan(4_000_000);
        // The finished recording is sealed on the session's chain and checks out.
        assertThat(new RecordingSeals(log, recordings, dir.recordings()).check(call.session()))
                .singleElement().satisfies(c -> assertThat(c.ok()).isTrue());
    }

    @Test
    void aScriptThatWouldRunPastTheMaximumIsRefusedBeforeTheCallStarts() {
        OperatorScript script = OperatorScript.parse(Path.of("long.txt"), List.of("Hello, where are you?",
                "/wait 60", "/wait 3600", "Okay."));
        assertThatThrownBy(() -> script.requireWithin(CallConfig.DEFAULT_MAX_LENGTH_MS))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("long.txt:3: /wait: the script reaches 1:01:00 here, beyond the longest call "
                        + "allowed (30:00; setting call.maxLengthMinutes)");
        script.requireWithin(2 * 3_600_000);
    }

    @Test
    void aScriptFromADeviceOrInAnotherEncodingIsRefusedWithoutReadingItWhole() throws Exception {
        assertThatThrownBy(() -> OperatorScript.read(Path.of("/dev/zero")))
                .isInstanceOf(InputException.class).hasMessageContaining("not a regular file");
        Path latin1 = Files.write(tmp.resolve("script.txt"), new byte[] {'H', 'i', '\n', 'C', 'a', 'f', (byte) 0xE9});
        assertThatThrownBy(() -> OperatorScript.read(latin1))
                .isInstanceOf(InputException.class).hasMessageContaining(":2: not UTF-8 text at byte 6");
    }

    @Test
    void recoveryTakesAnUnrecordedCallsLengthAndEndFromItsLog() {
        // A typed call without a voice: the WAV holds its header only, the log runs to 26:12.
        CallSession call = call(CallConfig.DEFAULT_MAX_LENGTH_MS, WavCallRecording.opener(dir.recordings(),
                CallSession.SAMPLE_RATE));
        call.ring();
        clock.set(2_000);
        call.answer();
        clock.set(26 * 60_000 + 12_000);
        wall.advance(Duration.ofMinutes(26));
        call.traineeTyped("Stay on the line.");
        Instant lastWall = wall.instant();
        wall.advance(Duration.ofHours(3));
        // (the process dies here; the next start recovers)

        new CallRecovery(log, sessions, recordings, dir.recordings(), wall).recover();

        RecordingInfo r = recordings.of(call.session()).get(0);
        assertThat(r.status()).isEqualTo("interrupted");
        assertThat(r.durationMs()).isGreaterThanOrEqualTo(26 * 60_000 + 12_000);
        SessionSummary s = sessions.find(call.session()).orElseThrow();
        assertThat(s.endedAt()).isEqualTo(lastWall);
    }

    /** A recording on a full disk: every write fails as the OS says it. */
    private record FullDisk(String session) implements CallRecording {
        @Override
        public String file() {
            return session + "/call.wav";
        }

        @Override
        public int sampleRate() {
            return 16_000;
        }

        @Override
        public void caller(long atMs, Pcm pcm) {
            fail();
        }

        @Override
        public void trainee(long atMs, Pcm pcm) {
            fail();
        }

        @Override
        public void flush() {
            fail();
        }

        @Override
        public Closed close(long endMs) {
            fail();
            return null;
        }

        private static void fail() {
            throw new UncheckedIOException(new java.io.IOException("No space left on device"));
        }
    }
}
