package dev.switchboard.calltaking.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calltaking.engine.scoring.CallHistory;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.speech.WavAudio;
import dev.switchboard.speech.WavFiles;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingInfo;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a JVM in the middle of a call with SIGKILL, then recovers: nothing reported is lost, the WAV plays. */
class CallRecoveryTest {

    private static final int LINES = 12;

    @TempDir
    Path tmp;

    @Test
    void aKilledCallIsClosedAsInterruptedWithEveryLoggedLineAndAPlayableRecording() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashingCall.class.getName(), tmp.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        // A guard against a child that hangs without output; it never fires in a passing run.
        CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES).execute(child::destroyForcibly);
        SessionId session = null;
        int lastLine = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (lastLine < LINES && (line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts[0].equals("session")) {
                    session = new SessionId(parts[1]);
                } else if (parts[0].equals("line")) {
                    lastLine = Integer.parseInt(parts[1]);
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(session).as("the child started a call").isNotNull();
        assertThat(lastLine).as("the child logged lines before it was killed").isGreaterThanOrEqualTo(LINES);

        DataDir dir = DataDir.of(tmp);
        assertThat(Database.quickCheck(dir.database())).isEqualTo("ok");
        try (Database db = Database.open(dir); EventLog log = new EventLog(db, Clock.systemUTC())) {
            SessionCatalog sessions = new SessionCatalog(db);
            RecordingCatalog recordings = new RecordingCatalog(db);
            assertThat(sessions.running()).extracting(SessionSummary::id).containsExactly(session);

            List<CallRecovery.Recovered> recovered = new CallRecovery(log, sessions, recordings, dir.recordings(),
                    Clock.systemUTC()).recover();

            assertThat(recovered).hasSize(1);
            SessionSummary s = sessions.find(session).orElseThrow();
            assertThat(s.status()).isEqualTo("interrupted");
            assertThat(s.endedAt()).isNotNull();
            assertThat(s.score()).isNull();
            assertThat(sessions.running()).isEmpty();

            CallHistory history = CallHistory.read(log, session);
            List<String> said = history.traineeLines().stream().map(CallLog.Utterance::text).toList();
            for (int i = 1; i <= lastLine; i++) {
                assertThat(said).contains("Line " + i + ": where exactly are you?");
            }
            CallLog.Interrupted interrupted = history.last(CallLog.Interrupted.class).orElseThrow();
            long lastBefore = history.all(CallLog.Utterance.class).stream().mapToLong(CallLog.Utterance::startMs)
                    .max().orElseThrow();
            assertThat(interrupted.lastMs()).isGreaterThanOrEqualTo(lastBefore);
            assertThat(recovered.get(0).lastMs()).isEqualTo(interrupted.lastMs());
            assertThat(log.verify(Optional.of(session)).firstBreak()).isEmpty();

            RecordingInfo recording = recordings.of(session).get(0);
            assertThat(recording.status()).isEqualTo("interrupted");
            assertThat(recording.sha256()).hasSize(64);
            WavAudio audio = WavFiles.read(dir.recordings().resolve(recording.file()));
            assertThat(audio.channels()).isEqualTo(2);
            assertThat(audio.durationMs()).isPositive();
            // The call's length is its log's: the recording may hold less (only what was flushed).
            assertThat(recording.durationMs()).isEqualTo(Math.max(audio.durationMs(), interrupted.lastMs()));
            assertThat(peak(audio.channel(1).samples())).as("the trainee's audio is in the right channel")
                    .isGreaterThan(1000);

            // Recovery runs once: a second pass finds nothing.
            assertThat(new CallRecovery(log, sessions, recordings, dir.recordings(), Clock.systemUTC())
                    .recoverInterrupted()).isZero();
        }
    }

    private static int peak(short[] samples) {
        int peak = 0;
        for (short s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        return peak;
    }
}
