package dev.switchboard.calltaking.engine.session;

import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.speech.WavFiles;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.EventLogEntry;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingInfo;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, closes the calls a crash or kill left running: logs {@code call.interrupted} (with the time of the
 * last entry), repairs each recording's WAV header so it plays up to the last flushed second, closes the recording
 * as {@code interrupted} with its length and checksum, and finishes the session as {@code interrupted}, unscored.
 */
public final class CallRecovery {

    /** What was done for one session. */
    public record Recovered(SessionId session, String title, long lastMs, List<String> files, String detail) {
        public Recovered {
            files = List.copyOf(files);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CallRecovery.class);

    private final EventLog log;
    private final SessionCatalog sessions;
    private final RecordingCatalog recordings;
    private final Path recordingsDir;
    private final Clock wallClock;

    public CallRecovery(EventLog log, SessionCatalog sessions, RecordingCatalog recordings, Path recordingsDir,
                        Clock wallClock) {
        this.log = Objects.requireNonNull(log, "log");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.recordings = Objects.requireNonNull(recordings, "recordings");
        this.recordingsDir = Objects.requireNonNull(recordingsDir, "recordingsDir");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    /** Recovers every running call session; returns how many. */
    public int recoverInterrupted() {
        return recover().size();
    }

    /** Recovers every running call session; one line per session. Other kinds of session are left alone. */
    public List<Recovered> recover() {
        List<Recovered> out = new ArrayList<>();
        for (SessionSummary s : sessions.running()) {
            if ("call".equals(s.kind())) {
                out.add(recover(s));
            }
        }
        return out;
    }

    private Recovered recover(SessionSummary s) {
        long count = log.count(s.id());
        List<EventLogEntry> last = count == 0 ? List.of() : log.read(s.id(), count, 1);
        long lastMs = last.isEmpty() ? 0 : last.get(0).simTimeMillis();
        List<String> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (RecordingInfo r : recordings.of(s.id())) {
            if (!"recording".equals(r.status())) {
                continue;
            }
            Path file = recordingsDir.resolve(r.file());
            long durationMs = 0;
            String sha = null;
            try {
                durationMs = WavFiles.repair(file);
                sha = sha256(file);
                files.add(r.file());
            } catch (RuntimeException | IOException e) {
                problems.add(r.file() + ": " + e.getMessage());
                LOG.warn("Could not repair the recording {} of interrupted call {}: {}", file, s.id(), e.getMessage());
            }
            recordings.closed(s.id(), r.file(), durationMs, sha, "interrupted");
        }
        String detail = "found running at start-up; " + count + " entries kept"
                + (files.isEmpty() ? "" : "; recording repaired: " + String.join(", ", files))
                + (problems.isEmpty() ? "" : "; recording problems: " + String.join("; ", problems));
        log.append(new AppendRequest(s.id(), lastMs, CallLog.INTERRUPTED,
                log.json(new CallLog.Interrupted(lastMs, detail))));
        sessions.finish(s.id(), wallClock.instant(), "interrupted", null);
        LOG.info("Closed interrupted call {} ({}): {}", s.id(), s.title(), detail);
        return new Recovered(s.id(), s.title(), lastMs, files, detail);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
