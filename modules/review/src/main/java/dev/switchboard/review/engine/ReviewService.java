package dev.switchboard.review.engine;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.AuditRecord.Outcome;
import dev.switchboard.core.account.AuditTrail;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.core.io.SafeOutput;
import dev.switchboard.review.model.Assessment;
import dev.switchboard.review.model.Grade;
import dev.switchboard.review.model.HistoryEntry;
import dev.switchboard.review.model.Integrity;
import dev.switchboard.review.model.Note;
import dev.switchboard.review.model.ProgressPoint;
import dev.switchboard.review.model.RecordedSession;
import dev.switchboard.review.model.RecordingIntegrity;
import dev.switchboard.review.model.ReviewStatus;
import dev.switchboard.review.model.ScoreLine;
import dev.switchboard.review.model.SessionQuery;
import dev.switchboard.review.model.SessionRow;
import dev.switchboard.review.model.SortColumn;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.VerifyReport;
import dev.switchboard.store.session.DamagedRecordingException;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingInfo;
import dev.switchboard.store.session.RecordingSeals;
import dev.switchboard.store.session.RecordingSource;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.StoredRecordings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review as one person may use it: trainees see and export only their own sessions and read, never
 * change, what supervisors wrote; supervisors and instructors see every session, write notes, grade and sign
 * off. Every rule is checked here, so the workspace and the command line enforce the same. Every open,
 * playback and export of a recording is written to the audit trail ({@link AuditAction#RECORDING_ACCESS}),
 * refusals too. Blocking (database, files): call off the FX thread. Thread-safe.
 */
public final class ReviewService {

    /** The longest note or comment accepted. */
    public static final int MAX_TEXT = 4000;

    private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);

    private final EventLog log;
    private final AuditTrail audit;
    private final Clock clock;
    private final Account viewer;
    private final ReviewStore store;
    private final TranscriptIndex index;
    private final SessionCatalog sessions;
    private final RecordingCatalog recordings;
    private final RecordingSeals seals;
    private final RecordingSource source;

    /**
     * @param recordingsDir the data dir's recordings folder, against which recordings' relative paths resolve
     * @param viewer        the signed-in person, whose role decides what this service allows
     */
    public ReviewService(EventLog log, AuditTrail audit, Path recordingsDir, Clock clock, Account viewer) {
        this.log = Objects.requireNonNull(log, "log");
        this.audit = Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(recordingsDir, "recordingsDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.viewer = Objects.requireNonNull(viewer, "viewer");
        this.store = new ReviewStore(log.database());
        this.index = new TranscriptIndex(log, clock);
        this.sessions = new SessionCatalog(log.database(), log);
        this.recordings = new RecordingCatalog(log.database());
        this.seals = new RecordingSeals(log, recordings, recordingsDir);
        this.source = new StoredRecordings(log, recordingsDir);
    }

    public Account viewer() {
        return viewer;
    }

    /** Whether the viewer sees every trainee's sessions (supervisors and instructors). */
    public boolean seesEveryone() {
        return viewer.role().atLeast(Role.SUPERVISOR);
    }

    /** Whether the viewer may write notes, grade and sign off. */
    public boolean canAssess() {
        return viewer.role().atLeast(Role.SUPERVISOR);
    }

    /** Brings the transcript search index up to date; returns how many sessions it added. */
    public int indexPending() {
        return index.indexPending();
    }

    /** The sessions matching {@code q} that the viewer may see. */
    public List<SessionRow> list(SessionQuery q) {
        return store.list(q, seesEveryone() ? null : viewer.id());
    }

    /**
     * One session's list row.
     *
     * @throws InputException        when there is no such session
     * @throws AccessDeniedException when it is another trainee's (audited)
     */
    public SessionRow row(SessionId id, String purpose) {
        SessionRow row = store.find(id).orElseThrow(() -> InputException.field("session",
                "no training session with id " + id));
        if (!seesEveryone() && !row.trainee().equals(viewer.id())) {
            record(id, Outcome.DENIED, purpose + ": session of " + row.traineeName());
            throw new AccessDeniedException("Session " + id + " belongs to another trainee.",
                    "Trainees can review only their own sessions; ask a supervisor.");
        }
        return row;
    }

    /** Reads a session for the session view; audited as an open. */
    public RecordedSession open(SessionId id) {
        RecordedSession session = read(row(id, "open"), true);
        record(id, Outcome.SUCCESS, "open");
        return session;
    }

    /**
     * Like {@link #open}, but a recording that would first have to be fetched from the server's database is left
     * out (no audio; the length from the log), so the session view can show everything else at once while
     * {@link #recordingFile} fetches it. Audited as an open.
     */
    public RecordedSession openWithoutFetching(SessionId id) {
        RecordedSession session = read(row(id, "open"), false);
        record(id, Outcome.SUCCESS, "open");
        return session;
    }

    /**
     * Whether the session's recording has yet to be fetched from the server's database to this seat (no checked copy
     * here yet); false for a seat's own files and for sessions without a recording. Not audited; cheap.
     */
    public boolean recordingAwaitsFetch(SessionId id) {
        Optional<SessionRow> row = store.find(id);
        if (row.isEmpty() || !seesEveryone() && !row.get().trainee().equals(viewer.id())) {
            return false;
        }
        return recordings.of(id).stream().map(RecordingInfo::file)
                .filter(f -> f.toLowerCase(Locale.ROOT).endsWith(".wav"))
                .anyMatch(f -> source.needsFetch(id, f));
    }

    /**
     * Records that the viewer started playing the session's recording, after checking it against its seal (the
     * result goes into the audit record too).
     */
    public RecordingIntegrity playbackStarted(SessionId id) {
        row(id, "play");
        RecordingIntegrity recording = recordingIntegrity(id);
        record(id, Outcome.SUCCESS, "play" + suffix(recording));
        return recording;
    }

    /**
     * Checks the session's recording against the length and SHA-256 sealed on its chain when it closed; reads the
     * whole file (a 30-minute call is 115 MB), so call it off the FX thread, e.g. right after {@link #open}.
     */
    public RecordingIntegrity checkRecording(SessionId id) {
        row(id, "check recording");
        return recordingIntegrity(id);
    }

    // ---- notes, grade, sign-off

    public List<Note> notes(SessionId id) {
        row(id, "read notes");
        return store.notes(id);
    }

    /** Pins a note to {@code atMs}; refused once the session is signed off. */
    public Note addNote(SessionId id, long atMs, String text) {
        requireAssessor(id, "add a note");
        String body = text(text, "note");
        if (atMs < 0) {
            throw InputException.field("note time", "must not be negative, was " + atMs + " ms");
        }
        // Sign-off fixes the notes, as the sign-off dialog says: none is added after it.
        requireNotSignedOff(id);
        return store.insertNote(id, atMs, viewer.id(), viewer.displayName(), body, clock.instant(), false);
    }

    /** Changes a note's text; refused once the session is signed off (add an amendment note instead). */
    public void editNote(long noteId, String text) {
        Note note = existingNote(noteId);
        requireAssessor(note.session(), "edit a note");
        requireNotSignedOff(note.session());
        store.updateNote(note, text(text, "note"), viewer.id(), viewer.displayName(), clock.instant());
    }

    /** Removes a note; refused once the session is signed off. The history keeps its text. */
    public void deleteNote(long noteId) {
        Note note = existingNote(noteId);
        requireAssessor(note.session(), "delete a note");
        requireNotSignedOff(note.session());
        store.deleteNote(note, viewer.id(), viewer.displayName(), clock.instant());
    }

    public Assessment assessment(SessionId id) {
        row(id, "read assessment");
        return store.assessment(id);
    }

    /**
     * Sets the grade and overall comment. Allowed after sign-off too: the change is then recorded in the
     * history as made after sign-off, with the old and the new value.
     */
    public Assessment assess(SessionId id, Grade grade, String comment) {
        requireAssessor(id, "grade");
        String body = comment == null ? "" : comment.strip();
        if (body.length() > MAX_TEXT) {
            throw InputException.field("comment", "is " + body.length() + " characters; at most " + MAX_TEXT);
        }
        Assessment before = store.assessment(id);
        store.saveAssessment(before, grade, body, viewer.id(), viewer.displayName(), clock.instant());
        return store.assessment(id);
    }

    /** Signs the session off: needs a grade; sets the session's status to {@code signed-off}. */
    public Assessment signOff(SessionId id) {
        SessionRow row = requireAssessor(id, "sign off");
        Assessment a = store.assessment(id);
        if (a.signedOff()) {
            return a;
        }
        if (a.grade() == null) {
            throw InputException.field("grade", "choose a grade before signing off session " + id);
        }
        String oldStatus = sessions.find(id).map(s -> s.status()).orElse(row.status().text());
        store.signOff(id, oldStatus, viewer.id(), viewer.displayName(), clock.instant());
        sessions.setStatus(id, ReviewStatus.SIGNED_OFF_TEXT);
        return store.assessment(id);
    }

    public List<HistoryEntry> history(SessionId id) {
        row(id, "read history");
        return store.history(id);
    }

    // ---- reports

    /**
     * Writes the session's report as PDF to {@code out}, replacing an existing file the user chose in a save dialog
     * (never one of the workstation's own files); audited as an export.
     */
    public void exportPdf(SessionId id, Path out) {
        exportPdf(id, out, true);
    }

    /**
     * Writes the session's report as PDF to {@code out}; an existing file is replaced only when {@code replace}
     * (the CLI's {@code --force}), and never the database, a backup, a recording or a folder. The recording is
     * checked against its seal and the result printed in the report. Audited as an export.
     *
     * @throws InputException when {@code out} may not be written
     */
    public void exportPdf(SessionId id, Path out, boolean replace) {
        SafeOutput output = log.database().dataDir().safeOutput(replace);
        output.check(out);
        RecordedSession session = read(row(id, "export pdf"), true);
        RecordingIntegrity recording = recordingIntegrity(id);
        try {
            SessionReport.writePdf(session, store.notes(id), store.assessment(id), recording, output, out);
        } catch (IOException e) {
            record(id, Outcome.FAILURE, "export pdf " + out + ": " + e.getMessage());
            throw new UncheckedIOException("Could not write " + out + ": " + e.getMessage(), e);
        }
        record(id, Outcome.SUCCESS, "export pdf " + out.getFileName() + suffix(recording));
    }

    /**
     * Writes one CSV row per session matching {@code q} (that the viewer may see), one column per rubric item;
     * indexes pending sessions first. Audited once per exported session.
     *
     * @return how many sessions were written
     */
    public int exportScoresCsv(SessionQuery q, Path out) {
        return exportScoresCsv(q, out, true);
    }

    /** {@link #exportScoresCsv(SessionQuery, Path)}, replacing an existing file only when {@code replace}. */
    public int exportScoresCsv(SessionQuery q, Path out, boolean replace) {
        SafeOutput output = log.database().dataDir().safeOutput(replace);
        output.check(out);
        index.indexPending();
        List<SessionRow> rows = list(q);
        Map<SessionId, TranscriptIndex.Figures> figures = index.figures(rows.stream().map(SessionRow::id).toList());
        try {
            output.write(out, stream -> ScoresCsv.write(rows, figures, stream));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + out + ": " + e.getMessage(), e);
        }
        for (SessionRow r : rows) {
            record(r.id(), Outcome.SUCCESS, "export csv " + out.getFileName());
        }
        return rows.size();
    }

    /** The trainee's sessions as points for the progress charts, oldest first. */
    public List<ProgressPoint> progress(UserId trainee) {
        if (!seesEveryone() && !trainee.equals(viewer.id())) {
            throw new AccessDeniedException("Progress of another trainee is not shown to trainees.",
                    "Ask a supervisor.");
        }
        index.indexPending();
        List<SessionRow> rows = new ArrayList<>(store.list(SessionQuery.all(SessionQuery.MAX_LIMIT)
                .withTrainee(trainee.value()).sortedBy(SortColumn.DATE, false), trainee));
        Map<SessionId, TranscriptIndex.Figures> figures = index.figures(rows.stream().map(SessionRow::id).toList());
        List<ProgressPoint> out = new ArrayList<>();
        for (SessionRow r : rows) {
            TranscriptIndex.Figures f = figures.get(r.id());
            if (f == null) {
                continue;
            }
            Map<String, Double> items = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            for (ScoreLine line : f.items()) {
                items.put(line.id(), line.earned());
                labels.put(line.id(), line.label());
            }
            Double score = f.score() != null ? f.score() : r.score();
            out.add(new ProgressPoint(r.id(), r.startedAt(), r.title(), score, f.metrics(), items, labels));
        }
        return out;
    }

    // ---- internals

    private RecordedSession read(SessionRow row, boolean fetch) {
        // The chain is verified on a second thread while this one parses it: together they are most of an open.
        CompletableFuture<VerifyReport> verifying = CompletableFuture.supplyAsync(
                () -> log.verify(Optional.of(row.id())), ReviewService::helperThread);
        SessionLog parsed = SessionLog.read(log, row.id());
        VerifyReport report = join(verifying);
        Integrity integrity = report.firstBreak()
                .map(b -> new Integrity(false, report.entriesChecked(), b.seq(), b.reason()))
                .orElse(report.entriesChecked() == 0
                        // A listed session always has entries: its log was deleted.
                        ? new Integrity(false, 0, 0, "the session's event log is missing")
                        : Integrity.verified(report.entriesChecked()));
        Optional<Path> audio = audioOf(row.id(), parsed, fetch);
        long duration = parsed.ended().map(e -> e.durationMs()).orElse(0L);
        if (audio.isPresent()) {
            try {
                duration = WavFile.read(audio.get()).durationMs();
            } catch (IOException | RuntimeException e) {
                audio = Optional.empty();
            }
        }
        duration = Math.max(duration, parsed.lastMs());
        if (duration == 0 && row.durationMs() != null) {
            duration = row.durationMs();
        }
        return new RecordedSession(row, parsed.started(), audio, parsed.utterances(), parsed.timeline(),
                parsed.emotions(), parsed.unitFixes(), parsed.incidents(), parsed.score(), parsed.metrics(),
                integrity, duration);
    }

    /**
     * The session's recording as the catalogue names it, before its log is read, so the view can draw the waveform
     * while the log is parsed; empty when it has none (or it is gone).
     */
    public Optional<Path> recordingFile(SessionId id) {
        // Not audited: the open that follows is (and refuses another trainee's session).
        Optional<SessionRow> row = store.find(id);
        if (row.isEmpty() || !seesEveryone() && !row.get().trainee().equals(viewer.id())) {
            return Optional.empty();
        }
        return existing(id, recordings.of(id).stream().map(RecordingInfo::file)
                .filter(f -> f.toLowerCase(Locale.ROOT).endsWith(".wav")).toList(), true);
    }

    /** Runs {@code task} on a daemon platform thread of its own. */
    static void helperThread(Runnable task) {
        Thread.ofPlatform().name("review-open").daemon(true).start(task);
    }

    /** The result of {@code future}, with its failure rethrown as it was. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private Optional<Path> audioOf(SessionId id, SessionLog parsed, boolean fetch) {
        List<String> candidates = new ArrayList<>();
        parsed.started().map(s -> s.audioFile()).filter(f -> f != null && !f.isBlank()).ifPresent(candidates::add);
        for (RecordingInfo r : recordings.of(id)) {
            if (r.file().toLowerCase(Locale.ROOT).endsWith(".wav")) {
                candidates.add(r.file());
            }
        }
        return existing(id, candidates, fetch);
    }

    /**
     * The first of {@code candidates} this seat can read, wherever it is kept (a file here or the server's
     * database); a damaged one is skipped, never played: the recording check says what is wrong with it.
     */
    private Optional<Path> existing(SessionId id, List<String> candidates, boolean fetch) {
        for (String c : new LinkedHashSet<>(candidates)) {
            try {
                if (!fetch && source.needsFetch(id, c)) {
                    continue;
                }
                Optional<Path> p = source.localFile(id, c);
                if (p.isPresent()) {
                    return p;
                }
            } catch (DamagedRecordingException e) {
                LOG.warn("Not playing the recording {} of session {}: {}", c, id, e.getMessage());
            } catch (UncheckedIOException e) {
                LOG.warn("The recording {} of session {} cannot be read: {}", c, id, e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    private RecordingIntegrity recordingIntegrity(SessionId id) {
        List<RecordingSeals.Check> checks = seals.check(id);
        if (checks.isEmpty()) {
            return new RecordingIntegrity(RecordingIntegrity.Status.NONE, "");
        }
        for (RecordingSeals.Check c : checks) {
            if (c.state() == RecordingSeals.State.MODIFIED) {
                return new RecordingIntegrity(RecordingIntegrity.Status.MODIFIED, c.detail());
            }
            if (c.state() == RecordingSeals.State.MISSING) {
                return new RecordingIntegrity(RecordingIntegrity.Status.MISSING, c.detail());
            }
        }
        for (RecordingSeals.Check c : checks) {
            if (c.state() == RecordingSeals.State.UNSEALED) {
                return new RecordingIntegrity(RecordingIntegrity.Status.NOT_SEALED, c.detail());
            }
        }
        return new RecordingIntegrity(RecordingIntegrity.Status.VERIFIED, "");
    }

    /** Nothing for a verified recording (or none); otherwise what is wrong with it, for the audit record. */
    private static String suffix(RecordingIntegrity r) {
        return r.trustworthy() ? "" : "; recording " + describe(r);
    }

    private static String describe(RecordingIntegrity r) {
        return switch (r.status()) {
            case VERIFIED -> "verified";
            case NONE -> "none";
            case MODIFIED -> "MODIFIED: " + r.detail();
            case MISSING -> "MISSING: " + r.detail();
            case NOT_SEALED -> "not sealed: " + r.detail();
        };
    }

    private SessionRow requireAssessor(SessionId id, String what) {
        SessionRow row = store.find(id).orElseThrow(() -> InputException.field("session",
                "no training session with id " + id));
        if (!canAssess()) {
            throw new AccessDeniedException("Only supervisors and instructors can " + what + ".",
                    "Trainees can read the notes and grade of their own sessions.");
        }
        return row;
    }

    private void requireNotSignedOff(SessionId id) {
        if (store.assessment(id).signedOff()) {
            throw new InputException(null, 0, "note", "session " + id
                    + " is signed off; its notes can no longer be changed. Add a new note as an amendment.");
        }
    }

    private Note existingNote(long noteId) {
        return store.note(noteId).orElseThrow(() -> InputException.field("note", "no note with id " + noteId));
    }

    private static String text(String text, String field) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw InputException.field(field, "is empty");
        }
        if (body.length() > MAX_TEXT) {
            throw InputException.field(field, "is " + body.length() + " characters; at most " + MAX_TEXT);
        }
        return body;
    }

    private void record(SessionId id, Outcome outcome, String detail) {
        Instant now = clock.instant();
        audit.record(new AuditRecord(now, viewer.username(), AuditAction.RECORDING_ACCESS, "session " + id, outcome,
                detail));
    }
}
