package dev.switchboard.review.engine;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.audit.AuditLog;
import dev.switchboard.store.eventlog.EventLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Opens one session the way the session view does, in a JVM started for it, and prints how long the open took and
 * the process's peak resident memory: what a supervisor waits for and what the machine gives up the first time a
 * session is opened after start. Run by {@code switchboard bench review} on the data it generated:
 * {@code ReviewOpenProbe DATA_DIR SESSION [SERVER_URL]} (the server's log-on from the environment, as for
 * {@code --database}). Prints {@code open_ms=… playable_ms=… peak_rss_kb=…}: the session view shown (transcript,
 * timeline, scores, map replay), and its recording playable, which on another seat of a server is later (fetched
 * from the database and checked against its seal after the view shows); both from the start of the open.
 */
public final class ReviewOpenProbe {

    private ReviewOpenProbe() {
    }

    public static void main(String[] args) throws IOException {
        // On a server the data dir may be another seat's, empty: the recording then comes from the database.
        DataDir dir = DataDir.of(Path.of(args[0])).ensureCreated();
        SessionId id = new SessionId(args[1]);
        Account supervisor = new Account(new UserId("bench-supervisor"), "bench", "Bench Supervisor",
                Role.SUPERVISOR, true, Instant.EPOCH, Instant.EPOCH, 0, null, null);
        long started = System.nanoTime();
        Optional<DatabaseServer> server = args.length > 2
                ? DatabaseServer.resolve(args[2], null, System.getenv()) : Optional.empty();
        try (Database db = Database.open(dir, server); EventLog log = new EventLog(db, Clock.systemUTC())) {
            ReviewService service = new ReviewService(log, new AuditLog(log), dir.recordings(), Clock.systemUTC(),
                    supervisor);
            long t0 = System.nanoTime();
            SessionView view = SessionView.openForViewing(service, id, 1600);
            long t1 = System.nanoTime();
            SessionView whole = view.arriving().map(CompletableFuture::join).orElse(view);
            long t2 = System.nanoTime();
            if (whole.session().audio().isEmpty()) {
                throw new IllegalStateException("session " + id + " opened without its recording");
            }
            System.out.printf(Locale.ROOT, "open_ms=%.1f playable_ms=%.1f with_store_ms=%.1f entries=%d "
                    + "peak_rss_kb=%d%n", (t1 - t0) / 1e6, (t2 - t0) / 1e6, (t1 - started) / 1e6,
                    view.session().timeline().size(), peakRssKb());
        }
    }

    /** VmHWM from /proc/self/status (Linux), or -1. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
