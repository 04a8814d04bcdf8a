package dev.switchboard.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.testkit.TestPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four seats (child JVMs) append to their own chains and to one shared chain on the same PostgreSQL server at
 * once; one is killed with SIGKILL mid-stream. Afterwards every chain verifies, has no gap, and holds every entry
 * any seat reported committed.
 */
class ServerManyWritersTest {

    private static final int SEATS = 4;
    private static final long ENOUGH = 200;

    @TempDir
    Path tmp;

    @Test
    void fourSeatsAppendAtOnceAndAKilledSeatLosesNothingCommitted() throws Exception {
        String url = TestPostgres.freshDatabase();
        // Migrate once before the seats start, as the first seat of a center would.
        Database.openServer(DataDir.of(tmp.resolve("setup")), DatabaseServer.of(url, null, null)).close();

        AtomicLongArray ownSeq = new AtomicLongArray(SEATS);
        AtomicLongArray shared = new AtomicLongArray(SEATS);
        CountDownLatch victimWrote = new CountDownLatch(1);
        CountDownLatch othersWrote = new CountDownLatch(SEATS - 1);
        List<Process> seats = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            for (int s = 0; s < SEATS; s++) {
                Process p = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                        SeatWriter.class.getName(), url, tmp.resolve("seat" + s).toString(), Integer.toString(s)))
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                // A guard against a seat that hangs; it never fires in a passing run.
                CompletableFuture.delayedExecutor(3, TimeUnit.MINUTES).execute(p::destroyForcibly);
                seats.add(p);
                int seat = s;
                readers.add(Thread.ofPlatform().daemon(true).start(() -> read(p, seat, ownSeq, shared,
                        seat == 0 ? victimWrote : othersWrote)));
            }
            assertThat(victimWrote.await(2, TimeUnit.MINUTES)).as("seat 0 wrote").isTrue();
            seats.get(0).destroyForcibly();
            seats.get(0).waitFor(30, TimeUnit.SECONDS);
            assertThat(othersWrote.await(2, TimeUnit.MINUTES)).as("the other seats carried on").isTrue();
        } finally {
            for (Process p : seats) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            for (Thread t : readers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
        }

        try (Database db = Database.openServer(DataDir.of(tmp.resolve("check")), DatabaseServer.of(url, null, null));
             EventLog log = new EventLog(db, Clock.systemUTC())) {
            VerifyReport report = log.verify(Optional.empty());
            assertThat(report.firstBreak()).isEmpty();
            assertThat(report.chainsChecked()).isEqualTo(SEATS + 1);
            assertThat(report.entriesChecked()).isEqualTo(log.count());
            long reportedShared = 0;
            for (int s = 0; s < SEATS; s++) {
                // An intact chain has no gaps, so its length is its last seq.
                assertThat(log.count(new SessionId("seat-" + s))).isGreaterThanOrEqualTo(ownSeq.get(s));
                long ofSeat = sharedEntriesOf(db, s);
                assertThat(ofSeat).as("shared entries of seat " + s).isGreaterThanOrEqualTo(shared.get(s));
                reportedShared += shared.get(s);
            }
            assertThat(log.count(SeatWriter.SHARED)).isGreaterThanOrEqualTo(reportedShared);
            assertThat(ownSeq.get(1)).isGreaterThanOrEqualTo(ENOUGH);
        }
    }

    private static long sharedEntriesOf(Database db, int seat) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM event_log WHERE session_id = :chain AND payload = :payload")
                .bind("chain", SeatWriter.SHARED.value())
                .bind("payload", "{\"seat\":\"" + seat + "\"}")
                .mapTo(Long.class)
                .one());
    }

    /** Records what the seat reports committed; counts down once it has written {@link #ENOUGH} of its own. */
    private static void read(Process p, int seat, AtomicLongArray ownSeq, AtomicLongArray shared,
                             CountDownLatch enough) {
        boolean counted = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                ownSeq.set(seat, Long.parseLong(parts[0]));
                shared.set(seat, Long.parseLong(parts[1]));
                if (!counted && ownSeq.get(seat) >= ENOUGH) {
                    enough.countDown();
                    counted = true;
                }
            }
        } catch (IOException e) {
            if (p.isAlive()) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
