package dev.switchboard.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingChunks;
import dev.switchboard.store.session.RecordingSeals;
import dev.switchboard.store.session.StoredRecordings;
import dev.switchboard.testkit.TestPostgres;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four seats (child JVMs) append to their own chains and to one shared chain on the same PostgreSQL server at
 * once, and each records a call into the database as a call on a server does; one is killed with SIGKILL while
 * appending and recording. Afterwards every chain verifies, has no gap, and holds every entry any seat reported
 * committed; each surviving seat's recording is whole and its seal verifies from a fresh reader; the killed seat's
 * recording is a playable prefix holding every flush it reported committed, and is reported as not sealed, not damaged.
 */
class ServerManyWritersTest {

    private static final int SEATS = 4;
    private static final long ENOUGH = 200;
    /** Seconds a surviving seat records before it closes and seals its call. */
    private static final int CALL_SECONDS = 12;
    /** Flushes the killed seat must have committed before it is killed. */
    private static final int VICTIM_FLUSHES = 4;

    @TempDir
    Path tmp;

    /** What one seat reported on its standard output: the newest of each kind of line. */
    private static final class Reported {
        volatile long ownSeq;
        volatile long shared;
        volatile int flushes;
        volatile long recBytes;
        volatile String recSha;
        volatile long sealedBytes;
        volatile String sealedSha;
        volatile String failed;
    }

    @Test
    void fourSeatsAppendAndRecordAtOnceAndAKilledSeatLosesNothingCommitted() throws Exception {
        String url = TestPostgres.freshDatabase();
        // Migrate once before the seats start, as the first seat of a center would.
        Database.openServer(DataDir.of(tmp.resolve("setup")), DatabaseServer.of(url, null, null)).close();

        List<Reported> reported = new ArrayList<>();
        List<Process> seats = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            for (int s = 0; s < SEATS; s++) {
                // Seat 0 records until it is killed; the others close their call after CALL_SECONDS.
                Process p = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                        SeatWriter.class.getName(), url, tmp.resolve("seat" + s).toString(), Integer.toString(s),
                        Integer.toString(s == 0 ? 0 : CALL_SECONDS)))
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                // A guard against a seat that hangs; it never fires in a passing run.
                CompletableFuture.delayedExecutor(3, TimeUnit.MINUTES).execute(p::destroyForcibly);
                seats.add(p);
                Reported r = new Reported();
                reported.add(r);
                readers.add(Thread.ofPlatform().daemon(true).start(() -> read(p, r)));
            }
            Reported victim = reported.get(0);
            awaitUntil(() -> victim.ownSeq >= ENOUGH && victim.flushes >= VICTIM_FLUSHES, reported,
                    "seat 0 appended and recorded");
            // Anywhere in its flush cycle, so over runs the kill also lands while a flush is being written.
            Thread.sleep(ThreadLocalRandom.current().nextLong(SeatWriter.FLUSH_EVERY_MS + 1));
            seats.get(0).destroyForcibly();
            seats.get(0).waitFor(30, TimeUnit.SECONDS);
            awaitUntil(() -> reported.stream().skip(1).allMatch(r -> r.ownSeq >= ENOUGH && r.sealedSha != null),
                    reported, "the other seats carried on and sealed their calls");
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
            // Each seat's own chain, the shared chain, and the chain of each seat's call (its seal).
            assertThat(report.chainsChecked()).isEqualTo(SEATS + 1 + (SEATS - 1));
            assertThat(report.entriesChecked()).isEqualTo(log.count());
            long reportedShared = 0;
            for (int s = 0; s < SEATS; s++) {
                // An intact chain has no gaps, so its length is its last seq.
                assertThat(log.count(new SessionId("seat-" + s))).isGreaterThanOrEqualTo(reported.get(s).ownSeq);
                long ofSeat = sharedEntriesOf(db, s);
                assertThat(ofSeat).as("shared entries of seat " + s).isGreaterThanOrEqualTo(reported.get(s).shared);
                reportedShared += reported.get(s).shared;
            }
            assertThat(log.count(SeatWriter.SHARED)).isGreaterThanOrEqualTo(reportedShared);
            assertThat(reported.get(1).ownSeq).isGreaterThanOrEqualTo(ENOUGH);

            RecordingChunks chunks = new RecordingChunks(db);
            RecordingSeals seals = new RecordingSeals(log, new RecordingCatalog(db), db.dataDir().recordings());
            for (int s = 1; s < SEATS; s++) {
                assertSealedWhole(db, log, chunks, seals, s, reported.get(s));
            }
            assertConsistentPrefix(db, log, chunks, seals, reported.get(0));
        }
    }

    /** A surviving seat's call: sealed, verified from the database, and byte for byte what the seat wrote. */
    private void assertSealedWhole(Database db, EventLog log, RecordingChunks chunks, RecordingSeals seals, int seat,
                                   Reported r) throws Exception {
        SessionId call = SeatWriter.call(seat);
        long expected = RecordingChunks.HEAD_BYTES + (long) CALL_SECONDS * SeatWriter.SECOND_BYTES;
        assertThat(r.sealedBytes).as("seat %d's sealed length", seat).isEqualTo(expected);
        assertThat(seals.check(call)).as("seat %d's recording", seat).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(RecordingSeals.State.VERIFIED));
        assertThat(chunks.digest(call, SeatWriter.file(seat)))
                .isEqualTo(new RecordingChunks.Content(r.sealedBytes, r.sealedSha));
        // Another seat, starting fresh, gets a checked copy with the same bytes.
        Path copy = new StoredRecordings(log, tmp.resolve("reader" + seat).resolve("recordings"))
                .localFile(call, SeatWriter.file(seat)).orElseThrow();
        assertThat(Files.size(copy)).isEqualTo(r.sealedBytes);
        assertThat(RecordingSeals.sha256(copy)).isEqualTo(r.sealedSha);
    }

    /**
     * The killed seat's call: every flush it reported is there, the header's lengths match the audio present (no
     * half-written flush is visible), the audio is what it recorded, it plays, and it is reported as not sealed.
     */
    private void assertConsistentPrefix(Database db, EventLog log, RecordingChunks chunks, RecordingSeals seals,
                                        Reported r) throws Exception {
        SessionId call = SeatWriter.call(0);
        String file = SeatWriter.file(0);
        long stored = chunks.length(call, file);
        assertThat(stored).as("what the killed seat reported committed is there").isGreaterThanOrEqualTo(r.recBytes);
        assertThat((stored - RecordingChunks.HEAD_BYTES) % SeatWriter.SECOND_BYTES)
                .as("the stored audio ends where a flush ended").isZero();
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        chunks.copyTo(call, file, whole);
        byte[] bytes = whole.toByteArray();
        int audio = (int) (stored - RecordingChunks.HEAD_BYTES);
        ByteBuffer head = ByteBuffer.wrap(bytes, 0, RecordingChunks.HEAD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(head.getInt(40)).as("the header's audio length, against the audio stored (%d bytes)", audio)
                .isEqualTo(audio);
        assertThat(head.getInt(4)).as("the header's RIFF length").isEqualTo(stored - 8);
        assertThat(Arrays.copyOf(bytes, RecordingChunks.HEAD_BYTES)).isEqualTo(SeatWriter.header(audio));
        assertThat(Arrays.copyOfRange(bytes, RecordingChunks.HEAD_BYTES, bytes.length))
                .as("the audio stored is what the seat recorded").isEqualTo(SeatWriter.audio(0, audio));
        if (stored == r.recBytes) {
            assertThat(RecordingSeals.sha256(copyOf(bytes))).isEqualTo(r.recSha);
        }
        assertThat(seals.check(call)).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(RecordingSeals.State.UNSEALED);
            assertThat(c.detail()).isEqualTo("still recording");
        });
        Path copy = new StoredRecordings(log, tmp.resolve("reader0").resolve("recordings"))
                .localFile(call, file).orElseThrow();
        try (AudioInputStream in = AudioSystem.getAudioInputStream(copy.toFile())) {
            assertThat(in.getFrameLength() * in.getFormat().getFrameSize()).as("playable length").isEqualTo(audio);
            assertThat(in.readAllBytes()).hasSize(audio);
        }
    }

    private Path copyOf(byte[] bytes) throws IOException {
        Path p = Files.createTempFile(tmp, "victim", ".wav");
        Files.write(p, bytes);
        return p;
    }

    /**
     * Waits up to 60 s for {@code done}; fails at once, with the seat's words, if a seat could not record. Four seat
     * JVMs start on what may be two busy cores: 15 s was once too short for the first to get going.
     */
    private static void awaitUntil(BooleanSupplier done, List<Reported> reported, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            for (int s = 0; s < reported.size(); s++) {
                assertThat(reported.get(s).failed).as("seat %d's recording", s).isNull();
            }
            assertThat(System.nanoTime()).as(what + " within 60 s").isLessThan(deadline);
            Thread.sleep(20);
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

    /** Records what the seat reports committed, line by line. */
    private static void read(Process p, Reported r) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] parts = line.split(" ", 3);
                switch (parts[0]) {
                    case "log" -> {
                        r.ownSeq = Long.parseLong(parts[1]);
                        r.shared = Long.parseLong(parts[2]);
                    }
                    case "rec" -> {
                        r.recSha = parts[2];
                        r.recBytes = Long.parseLong(parts[1]);
                        r.flushes++;
                    }
                    case "sealed" -> {
                        r.sealedBytes = Long.parseLong(parts[1]);
                        r.sealedSha = parts[2];
                    }
                    default -> r.failed = line;
                }
            }
        } catch (IOException e) {
            if (p.isAlive()) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
