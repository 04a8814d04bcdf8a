package dev.switchboard.calltaking.engine.session;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.UserId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.SessionCatalog;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a child JVM by {@link CallRecoveryTest}: takes a call line after line, with trainee audio, printing
 * {@code session ID} first and then {@code line N} after each trainee line is logged, until it is killed.
 */
public final class CrashingCall {

    private CrashingCall() {
    }

    public static void main(String[] args) throws Exception {
        DataDir dir = DataDir.of(Path.of(args[0]));
        Database db = Database.open(dir);
        EventLog log = new EventLog(db, Clock.systemUTC());
        ManualCallClock clock = new ManualCallClock();
        CallSession call = new CallSession(
                new CallConfig(TestScenarios.fire(), 7, new UserId("trainee-1"), "Trainee One", false, false),
                new CallSession.Services(log, new SessionCatalog(db), new RecordingCatalog(db), dir.recordings(),
                        Clock.systemUTC(), new EventBus()),
                CallSession.Language.standard(), new ScriptedCaller(), clock, null,
                WavCallRecording.opener(dir.recordings(), CallSession.SAMPLE_RATE), null);
        call.ring();
        clock.set(2_000);
        call.answer();
        System.out.println("session " + call.session().value());
        System.out.flush();
        for (int line = 1; ; line++) {
            long at = clock.nowMs() + 3_000;
            clock.set(at);
            call.traineeAudio(at, ToneVoice.tone(1_500));
            call.traineeTyped("Line " + line + ": where exactly are you?");
            call.tick(clock.nowMs());
            System.out.println("line " + line);
            System.out.flush();
            Thread.sleep(20);
        }
    }
}
