package dev.switchboard.calltaking.engine.session;

import dev.switchboard.calltaking.engine.scoring.CallHistory;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.speech.WavFiles;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.EventLogEntry;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingChunks;
import dev.switchboard.store.session.RecordingInfo;
import dev.switchboard.store.session.RecordingSeals;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, closes the calls a crash or kill left running: logs {@code call.interrupted} (with the time of the
 * last entry), repairs each recording's WAV header so it plays up to the last flushed second, closes the recording
 * as {@code interrupted} with its length and seals its checksum on the chain, and finishes the session as
 * {@code interrupted}, unscored. The call's length comes from its log (the last entry's time), not from the
 * recording, which may hold only what was flushed (nothing at all for a typed call without a caller's voice);
 * the session ends at the wall time of its last entry, not at the time of recovery.
 *
 * <p>A call whose last entry is its score ended normally: only the catalogue updates after it were not made (the
 * seat's server stopped answering at the end of the call, and the seat closed before it came back). Such a call is
 * finished as {@code complete} with its logged score and its recording sealed as {@code complete}.
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

    /**
     * On a server, where other seats' calls may be running: recovers only the running calls recorded on this seat,
     * known by their working recording under this seat's recordings folder (named after the session, so no other
     * seat's call has one here). The repaired recording is sent to the server whole before it is sealed, so every
     * seat can play it. The caller must hold this seat's data folder alone, or a call of this seat may still be live.
     * Other running sessions, and calls of this seat killed before their recording began, are left alone.
     */
    public List<Recovered> recoverRecordedHere() {
        return recoverRecordedHere(Set.of());
    }

    /**
     * {@link #recoverRecordedHere()}, and also the running calls in {@code startedHere} (those the catalogue says
     * this seat started, {@link SessionCatalog#runningStartedHere}), such as a call
     * killed before its recording began.
     */
    public List<Recovered> recoverRecordedHere(Set<SessionId> startedHere) {
        List<Recovered> out = new ArrayList<>();
        for (SessionSummary s : sessions.running()) {
            if ("call".equals(s.kind()) && (startedHere.contains(s.id()) || recordedHere(s.id()))) {
                out.add(recover(s));
            }
        }
        return out;
    }

    private boolean recordedHere(SessionId session) {
        return recordings.of(session).stream().anyMatch(r -> "recording".equals(r.status())
                && Files.isRegularFile(recordingsDir.resolve(r.file())));
    }

    /**
     * On a server, where other seats' calls may be running: finishes those of {@code sessions} (this seat's calls
     * whose last entries waited on the seat until the server came back) that are still marked running but whose log
     * ends with their score. Other running sessions are left alone.
     */
    public List<Recovered> completeScored(List<SessionId> sessions) {
        List<Recovered> out = new ArrayList<>();
        for (SessionId id : sessions) {
            SessionSummary s = this.sessions.find(id).orElse(null);
            if (s == null || !"call".equals(s.kind()) || !"running".equals(s.status())) {
                continue;
            }
            List<EventLogEntry> last = log.last(id).map(List::of).orElse(List.of());
            Double scored = scoreOf(last);
            if (scored != null) {
                out.add(completeScored(s, last.get(0).simTimeMillis(), last.get(0).wallTime(), scored));
            }
        }
        return out;
    }

    private static Double scoreOf(List<EventLogEntry> last) {
        return last.isEmpty() || !CallLog.SCORED.equals(last.get(0).type()) ? null
                : CallHistory.of(last).records().stream().filter(CallLog.Score.class::isInstance)
                        .map(r -> ((CallLog.Score) r).total()).findFirst().orElse(null);
    }

    private Recovered recover(SessionSummary s) {
        long count = log.count(s.id());
        List<EventLogEntry> last = count == 0 ? List.of() : log.read(s.id(), count, 1);
        long lastMs = last.isEmpty() ? 0 : last.get(0).simTimeMillis();
        Instant endedAt = last.isEmpty() ? s.startedAt() : last.get(0).wallTime();
        Double scored = scoreOf(last);
        if (scored != null) {
            return completeScored(s, lastMs, endedAt, scored);
        }
        RecordingSeals seals = new RecordingSeals(log, recordings, recordingsDir);
        List<String> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (RecordingInfo r : recordings.of(s.id())) {
            if (!"recording".equals(r.status())) {
                continue;
            }
            Path file = recordingsDir.resolve(r.file());
            long durationMs = lastMs;
            try {
                durationMs = Math.max(WavFiles.repair(file), lastMs);
                String sha = log.database().isServer() ? sendWhole(s.id(), r.file(), file) : null;
                seals.seal(s.id(), r.file(), durationMs, sha, "interrupted");
                files.add(r.file());
            } catch (RuntimeException | IOException e) {
                problems.add(r.file() + ": " + e.getMessage());
                LOG.warn("Could not repair the recording {} of interrupted call {}: {}", file, s.id(), e.getMessage());
                recordings.closed(s.id(), r.file(), durationMs, null, "interrupted");
            }
        }
        String detail = "found running at start-up; " + count + " entries kept"
                + (files.isEmpty() ? "" : "; recording repaired: " + String.join(", ", files))
                + (problems.isEmpty() ? "" : "; recording problems: " + String.join("; ", problems));
        log.append(new AppendRequest(s.id(), lastMs, CallLog.INTERRUPTED,
                log.json(new CallLog.Interrupted(lastMs, detail))));
        sessions.finish(s.id(), endedAt, "interrupted", null);
        LOG.info("Closed interrupted call {} ({}): {}", s.id(), s.title(), detail);
        return new Recovered(s.id(), s.title(), lastMs, files, detail);
    }

    /**
     * Puts the repaired working file into the server's database in one transaction (pieces beyond its end, if any,
     * removed) and returns its SHA-256, checked against what the database then holds; nothing commits otherwise.
     */
    private String sendWhole(SessionId session, String name, Path file) throws IOException {
        String sha = RecordingSeals.sha256(file);
        long pieces = (Files.size(file) - RecordingChunks.HEAD_BYTES + RecordingChunks.CHUNK_BYTES - 1)
                / RecordingChunks.CHUNK_BYTES;
        log.database().jdbi().inTransaction(h -> {
            h.createUpdate("DELETE FROM recording_chunk WHERE session_id = :s AND file = :f AND seq > :last")
                    .bind("s", session.value()).bind("f", name).bind("last", pieces).execute();
            RecordingChunks.Content stored = RecordingChunks.store(h, session, name, file);
            if (!stored.sha256().equals(sha)) {
                throw new IOException("the recording " + name + " of session " + session + " read back from the "
                        + "database differs from the repaired file " + file);
            }
            return stored;
        });
        return sha;
    }

    /** A scored call whose seal and session row waited for a server that was not back before the seat closed. */
    private Recovered completeScored(SessionSummary s, long lastMs, Instant endedAt, double score) {
        RecordingSeals seals = new RecordingSeals(log, recordings, recordingsDir);
        List<String> files = new ArrayList<>();
        for (RecordingInfo r : recordings.of(s.id())) {
            if (!"recording".equals(r.status())) {
                continue;
            }
            try {
                seals.seal(s.id(), r.file(), lastMs, null, "complete");
                files.add(r.file());
            } catch (RuntimeException | IOException e) {
                LOG.warn("Could not seal the recording {} of call {}: {}", r.file(), s.id(), e.getMessage());
                recordings.closed(s.id(), r.file(), lastMs, null, "complete");
            }
        }
        sessions.finish(s.id(), endedAt, "complete", score);
        String detail = "scored before the database server stopped answering; finished at start-up"
                + (files.isEmpty() ? "" : "; recording sealed: " + String.join(", ", files));
        LOG.info("Finished call {} ({}): {}", s.id(), s.title(), detail);
        return new Recovered(s.id(), s.title(), lastMs, files, detail);
    }
}
