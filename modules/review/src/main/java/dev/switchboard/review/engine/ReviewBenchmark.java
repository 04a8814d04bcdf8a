package dev.switchboard.review.engine;

import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.review.model.ReviewStatus;
import dev.switchboard.review.model.SessionQuery;
import dev.switchboard.review.model.SortColumn;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.audit.AuditLog;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The review's figures for the README, on generated data in a fresh data dir: opening a 30-minute recorded
 * call (event log, integrity check, audio header, waveform, transcript sync, replay model), seeking in it, and
 * filtering and searching a list of 10,000 sessions. Headless: the JavaFX media player's own seek is not part
 * of the seek figure.
 */
public final class ReviewBenchmark {

    /**
     * What was measured; times in ms. {@code listMs} holds min, median and max per list query; a query the database
     * cannot run yet is in {@code unavailable} with the reason instead.
     */
    public record Result(String where, long callMinutes, int sampleRate, int callEntries, double[] openMs,
                         double seekP50Micros, double seekMaxMicros, int sessions, double indexMs,
                         Map<String, double[]> listMs, Map<String, String> unavailable) {

        /** The median of each list query that ran. */
        public Map<String, Double> listMedianMs() {
            Map<String, Double> out = new LinkedHashMap<>();
            listMs.forEach((name, t) -> out.put(name, t[1]));
            return out;
        }

        /** The figures as text, one per line. */
        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append("on ").append(where).append(System.lineSeparator());
            double[] warm = Arrays.copyOfRange(openMs, 1, openMs.length);
            Arrays.sort(warm);
            b.append(String.format(Locale.ROOT, "open a %d-minute call (%d log entries, stereo %d Hz WAV): "
                    + "first %.1f ms (JIT warm-up), then %d runs min %.1f / median %.1f / max %.1f ms "
                    + "(target <= 1000 ms)%n",
                    callMinutes, callEntries, sampleRate, openMs[0], warm.length, warm[0], warm[warm.length / 2],
                    warm[warm.length - 1]));
            b.append(String.format(Locale.ROOT, "seek (utterance lookup + map positions): p50 %.1f us, max %.1f us "
                    + "(target <= 100 ms)%n", seekP50Micros, seekMaxMicros));
            b.append(indexMs < 0 ? String.format(Locale.ROOT, "index %d sessions: not available here: %s%n", sessions,
                    unavailable.get(INDEX)) : String.format(Locale.ROOT,
                    "index %d sessions (transcripts into the search index, figures): %.0f ms%n", sessions, indexMs));
            listMs.forEach((name, t) -> b.append(String.format(Locale.ROOT,
                    "list of %d sessions, %s: min %.1f / median %.1f / max %.1f ms (target <= 100 ms)%n", sessions,
                    name, t[0], t[1], t[2])));
            unavailable.forEach((name, why) -> {
                if (!name.equals(INDEX)) {
                    b.append(String.format(Locale.ROOT, "list of %d sessions, %s: not available here: %s%n", sessions,
                            name, why));
                }
            });
            return b.toString().stripTrailing();
        }
    }

    /** The long call's session id, for {@link ReviewOpenProbe}. */
    public static final String LONG_CALL = "bench-long-call";

    private static final String INDEX = "index";
    private static final int LIST_RUNS = 7;

    private ReviewBenchmark() {
    }

    /** Runs everything on a fresh SQLite database in {@code work} (a fresh folder the caller deletes afterwards). */
    public static Result run(Path work, int callMinutes, int sampleRate, int sessions) throws IOException {
        return run(work, Optional.empty(), callMinutes, sampleRate, sessions);
    }

    /**
     * Runs everything on {@code server} when given (an empty scratch schema, see
     * {@link dev.switchboard.store.ScratchSchema}), else on a fresh SQLite database; {@code work} holds the data
     * dir (recordings, and the database file for SQLite).
     */
    public static Result run(Path work, Optional<DatabaseServer> server, int callMinutes, int sampleRate, int sessions)
            throws IOException {
        DataDir dir = DataDir.of(work).ensureCreated();
        try (Database db = Database.open(dir, server); EventLog log = new EventLog(db, Clock.systemUTC())) {
            SessionCatalog catalog = new SessionCatalog(db);
            RecordingCatalog recordings = new RecordingCatalog(db);
            Account supervisor = new Account(new UserId("bench-supervisor"), "bench", "Bench Supervisor",
                    Role.SUPERVISOR, true, Instant.EPOCH, Instant.EPOCH, 0, null, null);
            ReviewService service = new ReviewService(log, new AuditLog(log), dir.recordings(), Clock.systemUTC(),
                    supervisor);

            SessionId longCall = new SessionId(LONG_CALL);
            List<AppendRequest> written = SyntheticCalls.write(new SyntheticCalls.Spec(longCall,
                    new UserId("t-long"), "Long Call Trainee", "Thirty-minute structure fire",
                    Instant.parse("2025-01-01T09:00:00Z"), callMinutes * 60_000L, sampleRate, 7), log, catalog,
                    recordings, dir.recordings());
            double[] open = new double[6];
            SessionView view = null;
            for (int run = 0; run < open.length; run++) {
                long t0 = System.nanoTime();
                view = SessionView.open(service, longCall, 1600);
                open[run] = (System.nanoTime() - t0) / 1e6;
            }
            SplittableRandom random = new SplittableRandom(1);
            long[] seeks = new long[2000];
            long sink = 0;
            for (int i = 0; i < seeks.length; i++) {
                long target = random.nextLong(view.session().durationMs() + 1);
                long t0 = System.nanoTime();
                sink += view.sync().indexAt(target);
                sink += view.replay().unitsAt(target).size();
                sink += view.timelineIndexAt(target);
                seeks[i] = System.nanoTime() - t0;
            }
            Arrays.sort(seeks);
            if (sink == Long.MIN_VALUE) {
                throw new IllegalStateException("unreachable; keeps the seek loop from being optimised away");
            }

            generateList(log, catalog, sessions);
            Map<String, String> unavailable = new LinkedHashMap<>();
            double indexMs;
            long t0 = System.nanoTime();
            try {
                service.indexPending();
                indexMs = (System.nanoTime() - t0) / 1e6;
            } catch (RuntimeException e) {
                indexMs = -1;
                unavailable.put(INDEX, firstLine(e));
            }
            Map<String, Supplier<Integer>> queries = new LinkedHashMap<>();
            SessionQuery all = SessionQuery.all(SessionQuery.MAX_LIMIT);
            queries.put("all, newest first", () -> service.list(all).size());
            queries.put("filter trainee name", () -> service.list(all.withTrainee("trainee 42")).size());
            queries.put("filter title + status", () -> service.list(all.withTitle("fire")
                    .withStatus(ReviewStatus.COMPLETE)).size());
            queries.put("filter score 50-80, sort by score", () -> service.list(all.withScore(50.0, 80.0)
                    .sortedBy(SortColumn.SCORE, true)).size());
            queries.put("sort by trainee", () -> service.list(all.sortedBy(SortColumn.TRAINEE, false)).size());
            queries.put("search transcript 'cyclist'", () -> service.list(all.withTranscript("cyclist")).size());
            queries.put("search transcript 'knife park'", () -> service.list(all.withTranscript("knife park"))
                    .size());
            Map<String, double[]> spreads = new LinkedHashMap<>();
            queries.forEach((name, q) -> {
                double[] times = new double[LIST_RUNS];
                try {
                    for (int i = 0; i < times.length; i++) {
                        long s = System.nanoTime();
                        q.get();
                        times[i] = (System.nanoTime() - s) / 1e6;
                    }
                } catch (RuntimeException e) {
                    // E.g. a search this database cannot run yet; the other figures still stand.
                    unavailable.put(name, firstLine(e));
                    return;
                }
                Arrays.sort(times);
                spreads.put(name, new double[] {times[0], times[times.length / 2], times[times.length - 1]});
            });
            return new Result(db.location(), callMinutes, sampleRate, written.size(), open,
                    seeks[seeks.length / 2] / 1e3, seeks[seeks.length - 1] / 1e3, sessions + 1, indexMs, spreads,
                    unavailable);
        }
    }

    private static String firstLine(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** {@code count} short scored calls of 200 trainees, without audio. */
    private static void generateList(EventLog log, SessionCatalog catalog, int count) throws IOException {
        String[] titles = {"Kitchen fire", "Cardiac arrest", "Burglary in progress", "Traffic collision",
            "Structure fire", "Assault with a knife"};
        Instant start = Instant.parse("2024-01-01T08:00:00Z");
        List<AppendRequest> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SyntheticCalls.Spec spec = new SyntheticCalls.Spec(new SessionId(String.format(Locale.ROOT, "s%05d", i)),
                    new UserId("t" + (i % 200)), "Trainee " + (i % 200), titles[i % titles.length],
                    start.plusSeconds(i * 3600L), 24_000 + (i % 7) * 1000L, 0, i);
            List<AppendRequest> entries = SyntheticCalls.entries(spec, log).stream()
                    .filter(e -> !e.type().equals(CallLog.VOICE)).toList();
            catalog.insert(new SessionSummary(spec.id(), spec.trainee(),
                    spec.traineeName(), "call", spec.title(), spec.startedAt(),
                    spec.startedAt().plusMillis(spec.durationMs()), i % 10 == 0 ? "interrupted" : "finished",
                    (double) (i * 37 % 101)));
            pending.addAll(entries);
            if (pending.size() > 20_000) {
                log.appendAll(pending);
                pending.clear();
            }
        }
        log.appendAll(pending);
    }
}
