package dev.switchboard.store.integrity;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.eventlog.ChainHead;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.VerifyReport;
import dev.switchboard.store.session.RecordingSeals;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionCatalog.Recorded;
import dev.switchboard.store.session.SessionSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code switchboard log verify} checks, in one place: every chain's hashes, the signed checkpoints and
 * the heads they anchor (truncation, rewrites, deleted chains), every session row against its chained record and
 * against its own chain (a finished session whose log is gone), and on request every recording against its seal.
 */
public final class IntegrityCheck {

    private final EventLog log;
    private final SessionCatalog sessions;
    private final Checkpoints checkpoints;
    private final RecordingSeals seals;

    /** @param seals the recordings' seals, or null to leave recordings out */
    public IntegrityCheck(EventLog log, SessionCatalog sessions, Checkpoints checkpoints, RecordingSeals seals) {
        this.log = Objects.requireNonNull(log, "log");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.seals = seals;
    }

    /**
     * What was checked and found.
     *
     * @param chains     the hash-chain walk
     * @param problems   everything wrong, in the order found
     * @param newest     this installation's newest checkpoint
     * @param signers    every key that signed checkpoints in the log (on a server, one per seat), to compare with
     *                   each seat's {@code switchboard log key}
     * @param known      false when only one session was asked for and nothing at all is known of it
     */
    public record Report(VerifyReport chains, List<IntegrityProblem> problems, Optional<Checkpoint> newest,
                         String keyFingerprint, List<Checkpoints.Signer> signers, boolean known) {

        public Report {
            problems = List.copyOf(problems);
            signers = List.copyOf(signers);
        }

        /** Whether nothing is wrong (and the session asked for exists). */
        public boolean intact() {
            return known && problems.isEmpty();
        }
    }

    /** Checks everything, or only {@code only}'s chain, row and (with seals) recordings. */
    public Report run(Optional<SessionId> only) {
        List<IntegrityProblem> problems = new ArrayList<>();
        VerifyReport walk = log.verify(only);
        walk.firstBreak().ifPresent(b -> problems.add(IntegrityProblem.of(IntegrityProblem.Kind.BROKEN, b.session(),
                b.seq(), "the entry does not fit its chain (" + b.reason() + ")")));
        for (IntegrityProblem p : checkpoints.verify()) {
            if (only.isEmpty() || only.get().equals(p.chain()) || p.kind() == IntegrityProblem.Kind.CHECKPOINT) {
                problems.add(p);
            }
        }
        Map<SessionId, Long> lengths = new HashMap<>();
        for (ChainHead h : log.heads()) {
            lengths.put(h.chain(), h.seq());
        }
        boolean known = true;
        if (sessions.chained()) {
            known = checkSessions(only, lengths, problems);
        } else if (only.isPresent()) {
            known = lengths.containsKey(only.get()) || sessions.find(only.get()).isPresent();
        }
        if (seals != null) {
            List<SessionId> which = only.map(List::of).orElseGet(() -> sessions.all().stream()
                    .map(SessionSummary::id).toList());
            for (SessionId id : which) {
                for (RecordingSeals.Check c : seals.check(id)) {
                    if (c.state() == RecordingSeals.State.MODIFIED || c.state() == RecordingSeals.State.MISSING) {
                        problems.add(IntegrityProblem.of(IntegrityProblem.Kind.RECORDING, id, 0, c.detail()));
                    }
                }
            }
        }
        return new Report(walk, problems, checkpoints.newest(), checkpoints.key().fingerprint(), checkpoints.signers(),
                known);
    }

    private boolean checkSessions(Optional<SessionId> only, Map<SessionId, Long> lengths,
                                  List<IntegrityProblem> problems) {
        Map<SessionId, Recorded> recorded = sessions.recorded();
        boolean adopted = sessions.adopted() || !recorded.isEmpty();
        List<SessionSummary> rows = only.map(id -> sessions.find(id).stream().toList()).orElseGet(sessions::all);
        Map<SessionId, SessionSummary> byId = new HashMap<>();
        for (SessionSummary row : rows) {
            byId.put(row.id(), row);
            Recorded record = recorded.get(row.id());
            if (record == null) {
                if (adopted) {
                    problems.add(IntegrityProblem.of(IntegrityProblem.Kind.SESSION, row.id(), 0,
                            "the session row was never recorded on the sessions chain (added behind the program's "
                                    + "back)"));
                }
            } else {
                String differences = differences(record, row);
                if (!differences.isEmpty()) {
                    problems.add(IntegrityProblem.of(IntegrityProblem.Kind.SESSION, row.id(), 0,
                            "the session row was changed behind the program's back: " + differences));
                }
            }
            if (!"running".equals(row.status()) && lengths.getOrDefault(row.id(), 0L) == 0) {
                problems.add(IntegrityProblem.of(IntegrityProblem.Kind.DELETED, row.id(), 0,
                        "the session's event log is missing (the row says " + row.status() + ")"));
            }
        }
        for (Map.Entry<SessionId, Recorded> r : recorded.entrySet()) {
            if ((only.isEmpty() || only.get().equals(r.getKey())) && !byId.containsKey(r.getKey())) {
                problems.add(IntegrityProblem.of(IntegrityProblem.Kind.SESSION, r.getKey(), 0,
                        "the session row was deleted (the sessions chain records \"" + r.getValue().title()
                                + "\" of " + r.getValue().traineeName() + ")"));
            }
        }
        return only.map(id -> byId.containsKey(id) || recorded.containsKey(id) || lengths.containsKey(id))
                .orElse(true);
    }

    /** "score 100 (recorded 62), trainee aiko (recorded kenji)"; empty when equal. */
    static String differences(Recorded recorded, SessionSummary row) {
        Recorded now = new Recorded(row.id().value(), row.trainee().value(), row.traineeName(), row.kind(),
                row.title(), row.startedAt().toEpochMilli(), row.endedAt() == null ? null
                : row.endedAt().toEpochMilli(), row.status(), row.score());
        if (now.equals(recorded)) {
            return "";
        }
        List<String> out = new ArrayList<>();
        diff(out, "trainee", now.trainee(), recorded.trainee());
        diff(out, "trainee name", now.traineeName(), recorded.traineeName());
        diff(out, "kind", now.kind(), recorded.kind());
        diff(out, "title", now.title(), recorded.title());
        diff(out, "start", now.startedAt(), recorded.startedAt());
        diff(out, "end", now.endedAt(), recorded.endedAt());
        diff(out, "status", now.status(), recorded.status());
        diff(out, "score", now.score(), recorded.score());
        return String.join(", ", out);
    }

    private static void diff(List<String> out, String name, Object now, Object recorded) {
        if (!Objects.equals(now, recorded)) {
            out.add(name + " " + now + " (recorded " + recorded + ")");
        }
    }
}
