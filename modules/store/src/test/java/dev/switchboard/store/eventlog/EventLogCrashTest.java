package dev.switchboard.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
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

/** Kills a writing JVM with SIGKILL and checks that every entry it reported durable is there, intact. */
class EventLogCrashTest {

    private static final long ENOUGH = 20_000;

    @TempDir
    Path tmp;

    @Test
    void everyReportedEntrySurvivesAKill() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), tmp.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        // A guard against a child that hangs without output; it never fires in a passing run.
        CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES).execute(child::destroyForcibly);
        long lastSync = 0;
        long lastQueued = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((lastSync < ENOUGH || lastQueued < ENOUGH) && (line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts[0].equals("sync")) {
                    lastSync = Long.parseLong(parts[1]);
                } else if (parts[0].equals("queued")) {
                    lastQueued = Long.parseLong(parts[1]);
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(lastSync).as("the child wrote before it was killed").isGreaterThanOrEqualTo(ENOUGH);
        assertThat(lastQueued).isGreaterThanOrEqualTo(ENOUGH);

        DataDir dir = DataDir.of(tmp);
        assertThat(Database.quickCheck(dir.database())).isEqualTo("ok");
        try (Database db = Database.open(dir); EventLog log = new EventLog(db, Clock.systemUTC())) {
            VerifyReport report = log.verify(Optional.empty());
            assertThat(report.firstBreak()).isEmpty();
            assertThat(maxSeq(log, CrashingWriter.SYNC)).isGreaterThanOrEqualTo(lastSync);
            assertThat(maxSeq(log, CrashingWriter.QUEUED)).isGreaterThanOrEqualTo(lastQueued);
            assertThat(report.entriesChecked()).isEqualTo(log.count());
            // The chains carry on after the crash.
            assertThat(log.append(new AppendRequest(CrashingWriter.SYNC, 0, "after.crash", "{}")).seq())
                    .isEqualTo(maxSeq(log, CrashingWriter.SYNC));
        }
    }

    /** The highest seq of an intact chain, which has no gaps: its length. */
    private static long maxSeq(EventLog log, SessionId session) {
        return log.count(session);
    }
}
