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
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The review's figures for the README, on generated data in a fresh data dir: opening a 30-minute recorded
 * call (event log, integrity check, audio header, waveform, transcript sync, replay model), seeking in it, and
 * filtering and searching a list of 10,000 sessions. Headless: the JavaFX media player's own seek is not part
 * of the seek figure.
 */
public final class ReviewBenchmark {

    /** What was measured; times in ms. */
    public record Result(long callMinutes, int sampleRate, int callEntries, double[] openMs, double seekP50Micros,
                         double seekMaxMicros, int sessions, double indexMs, Map<String, Double> listMedianMs) {

        /** The figures as text, one per line. */
        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "open a %d-minute call (%d log entries, stereo %d Hz WAV): %s ms "
                    + "(target <= 1000 ms; first run includes JIT warm-up)%n", callMinutes, callEntries, sampleRate,
                    Arrays.toString(Arrays.stream(openMs).map(v -> Math.round(v * 10) / 10.0).toArray())));
            b.append(String.format(Locale.ROOT, "seek (utterance lookup + map positions): p50 %.1f us, max %.1f us "
                    + "(target <= 100 ms)%n", seekP50Micros, seekMaxMicros));
            b.append(String.format(Locale.ROOT, "index %d sessions (transcripts into FTS5, figures): %.0f ms%n",
                    sessions, indexMs));
            listMedianMs.forEach((name, ms) -> b.append(String.format(Locale.ROOT,
                    "list of %d sessions, %s: median %.1f ms (target <= 100 ms)%n", sessions, name, ms)));
            return b.toString().stripTrailing();
        }
    }

    private ReviewBenchmark() {
    }

    /** Runs everything in {@code work} (a fresh folder that the caller deletes afterwards). */
    public static Result run(Path work, int callMinutes, int sampleRate, int sessions) throws IOException {
        DataDir dir = DataDir.of(work).ensureCreated();
        try (Database db = Database.open(dir); EventLog log = new EventLog(db, Clock.systemUTC())) {
            SessionCatalog catalog = new SessionCatalog(db);
            RecordingCatalog recordings = new RecordingCatalog(db);
            Account supervisor = new Account(new UserId("bench-supervisor"), "bench", "Bench Supervisor",
                    Role.SUPERVISOR, true, Instant.EPOCH, Instant.EPOCH, 0, null, null);
            ReviewService service = new ReviewService(log, new AuditLog(log), dir.recordings(), Clock.systemUTC(),
                    supervisor);

            SessionId longCall = new SessionId("bench-long-call");
            List<AppendRequest> written = SyntheticCalls.write(new SyntheticCalls.Spec(longCall,
                    new UserId("t-long"), "Long Call Trainee", "Thirty-minute structure fire",
                    Instant.parse("2025-01-01T09:00:00Z"), callMinutes * 60_000L, sampleRate, 7), log, catalog,
                    recordings, dir.recordings());
            double[] open = new double[4];
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
            long t0 = System.nanoTime();
            service.indexPending();
            double indexMs = (System.nanoTime() - t0) / 1e6;
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
            Map<String, Double> medians = new LinkedHashMap<>();
            queries.forEach((name, q) -> {
                double[] times = new double[7];
                for (int i = 0; i < times.length; i++) {
                    long s = System.nanoTime();
                    q.get();
                    times[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(times);
                medians.put(name, times[times.length / 2]);
            });
            return new Result(callMinutes, sampleRate, written.size(), open, seeks[seeks.length / 2] / 1e3,
                    seeks[seeks.length - 1] / 1e3, sessions + 1, indexMs, medians);
        }
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
