package dev.switchboard.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.testkit.CuttableProxy;
import dev.switchboard.testkit.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seat appends to its session's chain and to the shared audit chain on a real PostgreSQL server reached through
 * a proxy the test cuts mid-stream: the appends go on without an error, wait in the seat's outbox, and reach the
 * server in order, exactly once, when it answers again; the chains verify there.
 */
class ServerOutageTest {

    private static final SessionId CALL = new SessionId("call-outage");

    @TempDir
    Path tmp;

    private String directUrl;
    private CuttableProxy proxy;
    private String proxiedUrl;

    @BeforeEach
    void startServer() throws Exception {
        directUrl = TestPostgres.freshDatabase();
        proxy = CuttableProxy.inFrontOf(directUrl);
        proxiedUrl = proxy.url();
    }

    @AfterEach
    void stopProxy() throws Exception {
        proxy.close();
    }

    @Test
    void appendsDuringAnOutageReachTheServerInOrderExactlyOnce() throws Exception {
        List<Long> told = new CopyOnWriteArrayList<>();
        try (Seat seat = new Seat()) {
            seat.log.watchKeptLocally(told::add);
            appendCall(seat.log, 0, 30);
            proxy.cut();
            appendCall(seat.log, 30, 60);
            assertThat(seat.log.keptLocally()).isEqualTo(30 + 6);
            assertThat(told).as("told once, when the first entries were kept").hasSize(1);
            assertThat(told.get(0)).isPositive();
            assertThat(onServer(CALL)).as("nothing of the outage on the server yet").hasSize(30);

            proxy.restore();
            awaitSent(seat.log);
            assertThat(told).as("told again when everything was sent").hasSize(2);
            assertThat(told.get(1)).isZero();
            assertThat(seat.outbox.pending()).isZero();
            // After the outage, appends go straight to the server again.
            appendCall(seat.log, 60, 70);
            assertThat(seat.log.keptLocally()).isZero();
        }
        assertWholeOnServer(70);
    }

    @Test
    void aSendWhoseCommitWasNotAcknowledgedIsNotAppendedTwice() throws Exception {
        try (Seat seat = new Seat()) {
            appendCall(seat.log, 0, 10);
            proxy.cut();
            appendCall(seat.log, 10, 25);
            AtomicBoolean diedOnce = new AtomicBoolean();
            // The seat "dies" once right after the server committed, before the outbox let go of the rows.
            seat.log.afterDrainCommit = () -> {
                if (diedOnce.compareAndSet(false, true)) {
                    throw new IllegalStateException("the seat died after the server's commit");
                }
            };
            proxy.restore();
            awaitSent(seat.log);
            assertThat(diedOnce).isTrue();
        }
        assertWholeOnServer(25);
    }

    @Test
    void aSendThatNeverCommittedIsSentAgain() throws Exception {
        try (Seat seat = new Seat()) {
            appendCall(seat.log, 0, 10);
            proxy.cut();
            appendCall(seat.log, 10, 25);
            AtomicBoolean failedOnce = new AtomicBoolean();
            // Claimed in the outbox, inserted, then the connection goes before the commit.
            seat.log.beforeDrainCommit = () -> {
                if (failedOnce.compareAndSet(false, true)) {
                    throw new IllegalStateException("the connection went before the commit");
                }
            };
            proxy.restore();
            awaitSent(seat.log);
            assertThat(failedOnce).isTrue();
        }
        assertWholeOnServer(25);
    }

    @Test
    void entriesKeptWhenTheSeatClosesAreSentAtTheNextStart() throws Exception {
        try (Seat seat = new Seat()) {
            appendCall(seat.log, 0, 10);
            proxy.cut();
            appendCall(seat.log, 10, 20);
            seat.log.enqueue(request(CALL, 20));
            seat.log.enqueue(request(SessionId.AUDIT, 20));
            // Closing writes what is queued: into the outbox, since the server still does not answer.
        }
        assertThat(onServer(CALL)).hasSize(10);
        proxy.restore();
        try (Seat again = new Seat()) {
            awaitSent(again.log);
        }
        assertWholeOnServer(21);
    }

    @Test
    void twoProcessesOnOneDataDirSendTheOutboxOnceBetweenThem() throws Exception {
        Path shared = tmp.resolve("shared-" + Outbox.FILE);
        SessionId other = new SessionId("call-other");
        // The window and a command on the same data dir, both writing while the server is away.
        try (Seat window = new Seat("window", shared); Seat command = new Seat("command", shared)) {
            appendCall(window.log, 0, 10);
            proxy.cut();
            for (int i = 0; i < 100; i++) {
                command.log.append(request(other, i));
                if (i < 90) {
                    appendCall(window.log, 10 + 2 * i, 12 + 2 * i);
                }
            }
            assertThat(window.outbox.pending()).isEqualTo(100 + 180 + 36);
            proxy.restore();
            awaitSent(window.log);
            awaitSent(command.log);
        }
        assertWholeOnServer(190);
        assertThat(onServer(other)).extracting(EventLogEntry::payload)
                .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "{\"i\":" + i + "}").toList());
    }

    @Test
    void aSeatKilledWhileSendingItsOutboxLosesNothingAndSendsNothingTwice() throws Exception {
        int n = 100_000;
        Path seatDir = tmp.resolve("seat");
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        Process child = new ProcessBuilder(List.of(javaCommand, "-Xmx256m", "-cp", classPath,
                OutboxWriter.class.getName(), proxiedUrl, seatDir.toString(), Integer.toString(n)))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long onServerWhenKilled;
        try (Database watch = Database.openServer(DataDir.of(tmp.resolve("watch")),
                DatabaseServer.of(directUrl, null, null));
             EventLog watchLog = new EventLog(watch, Clock.systemUTC())) {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("open");
            proxy.cut();
            child.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            child.getOutputStream().flush();
            assertThat(out.readLine()).isEqualTo("kept " + n);
            proxy.restore();
            // Killed as soon as the first of the outbox's sends is on the server, with more to go.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long count = 0;
            while (count == 0 && System.nanoTime() < deadline) {
                count = watchLog.count(OutboxWriter.CHAIN);
            }
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            onServerWhenKilled = watchLog.count(OutboxWriter.CHAIN);
        } finally {
            child.destroyForcibly();
        }
        assertThat(onServerWhenKilled).as("killed in the middle of sending").isBetween(1L, n - 1L);

        try (Seat again = new Seat()) {
            awaitSent(again.log);
        }
        List<EventLogEntry> chain = onServer(OutboxWriter.CHAIN);
        assertThat(chain).extracting(EventLogEntry::payload).containsExactlyElementsOf(
                IntStream.range(0, n).mapToObj(i -> "{\"i\":" + i + "}").toList());
        try (Database db = Database.openServer(DataDir.of(tmp.resolve("check")),
                DatabaseServer.of(directUrl, null, null));
             EventLog log = new EventLog(db, Clock.systemUTC())) {
            assertThat(log.verify(Optional.empty()).intact()).isTrue();
        }
    }

    // ---- helpers

    /** One seat on the server through the proxy, with its outbox in its data dir. */
    private final class Seat implements AutoCloseable {
        final Database db;
        final Outbox outbox;
        final EventLog log;

        Seat() {
            this("seat", tmp.resolve("seat").resolve(Outbox.FILE));
        }

        Seat(String folder, Path outboxFile) {
            DataDir dir = DataDir.of(tmp.resolve(folder));
            db = Database.openServer(dir, DatabaseServer.of(proxiedUrl, null, null));
            outbox = Outbox.open(outboxFile, db.location());
            log = new EventLog(db, Clock.systemUTC(), outbox);
        }

        @Override
        public void close() {
            try {
                log.close();
            } finally {
                outbox.close();
                db.close();
            }
        }
    }

    private static AppendRequest request(SessionId chain, int i) {
        return new AppendRequest(chain, i * 100L, "test.step", "{\"i\":" + i + "}");
    }

    /** Entries {@code from} to {@code to - 1} on the call's chain, every fifth also on the audit chain. */
    private static void appendCall(EventLog log, int from, int to) {
        for (int i = from; i < to; i++) {
            if (i % 5 == 0) {
                log.appendAll(List.of(request(CALL, i), request(SessionId.AUDIT, i)));
            } else {
                log.append(request(CALL, i));
            }
        }
    }

    private static void awaitSent(EventLog log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (log.keptLocally() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(log.keptLocally()).as("entries still kept on the seat").isZero();
    }

    private List<EventLogEntry> onServer(SessionId chain) {
        try (Database db = Database.openServer(DataDir.of(tmp.resolve("check")),
                DatabaseServer.of(directUrl, null, null));
             EventLog log = new EventLog(db, Clock.systemUTC())) {
            return log.read(chain, 1, 100_000);
        }
    }

    /** Every entry 0..n-1 once and in order on the call's chain, every fifth on the audit chain; both verify. */
    private void assertWholeOnServer(int n) {
        try (Database db = Database.openServer(DataDir.of(tmp.resolve("check")),
                DatabaseServer.of(directUrl, null, null));
             EventLog log = new EventLog(db, Clock.systemUTC())) {
            List<String> expected = new ArrayList<>();
            List<String> expectedAudit = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add("{\"i\":" + i + "}");
                if (i % 5 == 0) {
                    expectedAudit.add("{\"i\":" + i + "}");
                }
            }
            List<EventLogEntry> call = log.read(CALL, 1, 10_000);
            assertThat(call).extracting(EventLogEntry::payload).containsExactlyElementsOf(expected);
            assertThat(call).extracting(EventLogEntry::seq).isSorted().doesNotHaveDuplicates();
            assertThat(log.read(SessionId.AUDIT, 1, 10_000)).extracting(EventLogEntry::payload)
                    .containsExactlyElementsOf(expectedAudit);
            VerifyReport report = log.verify(Optional.empty());
            assertThat(report.firstBreak()).as(report.toString()).isEmpty();
        }
    }
}
