package dev.switchboard.store.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.Database;
import dev.switchboard.store.TestStore;
import dev.switchboard.store.eventlog.EventLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings kept in the database: written in pieces as a call goes, readable on any seat while and after it is
 * made, checked against the seal on every read, and refused when the stored bytes were changed.
 */
class StoredRecordingsTest {

    private static final SessionId CALL = new SessionId("call-1");
    private static final String FILE = "call-1/call.wav";

    @TempDir
    Path tmp;

    private Database db;
    private EventLog log;
    private RecordingChunks chunks;
    private RecordingCatalog catalog;
    private RecordingSeals seals;

    @BeforeEach
    void open() {
        db = new TestStore(tmp).open();
        log = new EventLog(db, Clock.systemUTC());
        chunks = new RecordingChunks(db);
        catalog = new RecordingCatalog(db);
        seals = new RecordingSeals(log, catalog, db.dataDir().recordings());
    }

    @AfterEach
    void close() {
        log.close();
        db.close();
    }

    @Test
    void aRecordingWrittenInPiecesIsReadBackWholeWhileRecordingAndSealedAfter() throws IOException {
        byte[] audio = noise(3 * RecordingChunks.CHUNK_BYTES + 1000);
        catalog.started(CALL, FILE, "call", 16_000, 2, Instant.now());
        // First second: a short first piece.
        chunks.write(CALL, FILE, head(1000), 0, audio, 1000);
        assertThat(chunks.contains(CALL, FILE)).isTrue();
        RecordingSource source = new StoredRecordings(log, db.dataDir().recordings());
        Path live = source.localFile(CALL, FILE).orElseThrow();
        assertThat(Files.readAllBytes(live)).isEqualTo(concat(head(1000), Arrays.copyOf(audio, 1000)));
        assertThat(seals.check(CALL)).extracting(RecordingSeals.Check::state)
                .containsExactly(RecordingSeals.State.UNSEALED);

        // Later: everything from the first piece on again (a late write reached back into it), then the rest.
        chunks.write(CALL, FILE, head(audio.length), 0, audio, 2 * RecordingChunks.CHUNK_BYTES);
        chunks.write(CALL, FILE, head(audio.length), 2L * RecordingChunks.CHUNK_BYTES,
                Arrays.copyOfRange(audio, 2 * RecordingChunks.CHUNK_BYTES, audio.length),
                audio.length - 2 * RecordingChunks.CHUNK_BYTES);
        byte[] whole = concat(head(audio.length), audio);
        RecordingSeals.Seal seal = seals.seal(CALL, FILE, 5000, sha256(whole), "complete");

        assertThat(seal.bytes()).isEqualTo(whole.length);
        assertThat(chunks.length(CALL, FILE)).isEqualTo(whole.length);
        assertThat(seals.check(CALL)).extracting(RecordingSeals.Check::state)
                .containsExactly(RecordingSeals.State.VERIFIED);
        Path sealed = source.localFile(CALL, FILE).orElseThrow();
        assertThat(Files.readAllBytes(sealed)).isEqualTo(whole);
        // A new reader (another seat, another run) gets the same, checked.
        assertThat(Files.readAllBytes(new StoredRecordings(log, db.dataDir().recordings()).localFile(CALL, FILE)
                .orElseThrow())).isEqualTo(whole);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        assertThat(chunks.copyTo(CALL, FILE, streamed).sha256()).isEqualTo(sha256(whole));
        assertThat(streamed.toByteArray()).isEqualTo(whole);
    }

    @Test
    void aChangedPieceIsReportedAsADamagedRecordingNamingTheSessionAndNeverHandedOut() throws IOException {
        byte[] audio = noise(2 * RecordingChunks.CHUNK_BYTES);
        catalog.started(CALL, FILE, "call", 16_000, 2, Instant.now());
        chunks.write(CALL, FILE, head(audio.length), 0, audio, audio.length);
        seals.seal(CALL, FILE, 4000, null, "complete");

        db.jdbi().useHandle(h -> h.createUpdate(
                        "UPDATE recording_chunk SET bytes = :b WHERE session_id = 'call-1' AND seq = 2")
                .bind("b", noise(RecordingChunks.CHUNK_BYTES)).execute());

        assertThat(seals.check(CALL)).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(RecordingSeals.State.MODIFIED);
            assertThat(c.detail()).contains("session call-1").contains("SHA-256");
        });
        assertThatThrownBy(() -> new StoredRecordings(log, db.dataDir().recordings()).localFile(CALL, FILE))
                .isInstanceOf(DamagedRecordingException.class)
                .hasMessageContaining("The recording of session call-1 is damaged");
        assertThat(db.dataDir().cache().resolve("recordings/call-1/call.wav")).doesNotExist();
    }

    @Test
    void aCheckedCopyIsReusedAfterARestartOnlyWhileItsPiecesAndTheFileAreUnchanged() throws IOException {
        assumeTrue(db.isServer(), "row versions exist on a server; a SQLite seat plays its own files");
        byte[] audio = noise(2 * RecordingChunks.CHUNK_BYTES + 10);
        catalog.started(CALL, FILE, "call", 16_000, 2, Instant.now());
        chunks.write(CALL, FILE, head(audio.length), 0, audio, audio.length);
        seals.seal(CALL, FILE, 4000, null, "complete");
        Path copy = new StoredRecordings(log, db.dataDir().recordings()).localFile(CALL, FILE).orElseThrow();
        Object first = fileKey(copy);
        assertThat(copy.resolveSibling("call.wav.verified")).exists();

        // A new process on this seat: the same file, not copied again (a copy is a new file).
        Path again = new StoredRecordings(log, db.dataDir().recordings()).localFile(CALL, FILE).orElseThrow();
        assertThat(again).isEqualTo(copy);
        assertThat(fileKey(again)).isEqualTo(first);
        assertThat(Files.readAllBytes(again)).isEqualTo(concat(head(audio.length), audio));

        // The copy touched since it was checked: copied and checked afresh.
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() - 60_000));
        Path fresh = new StoredRecordings(log, db.dataDir().recordings()).localFile(CALL, FILE).orElseThrow();
        assertThat(fileKey(fresh)).isNotEqualTo(first);

        // A piece rewritten in the database (even with the same bytes): the sidecar no longer matches, so the
        // recording is fetched and checked again; changed bytes are then caught.
        db.jdbi().useHandle(h -> h.createUpdate(
                        "UPDATE recording_chunk SET bytes = :b WHERE session_id = 'call-1' AND seq = 2")
                .bind("b", noise(RecordingChunks.CHUNK_BYTES)).execute());
        assertThatThrownBy(() -> new StoredRecordings(log, db.dataDir().recordings()).localFile(CALL, FILE))
                .isInstanceOf(DamagedRecordingException.class)
                .hasMessageContaining("session call-1");
        assertThat(copy).doesNotExist();
        assertThat(copy.resolveSibling("call.wav.verified")).doesNotExist();
    }

    @Test
    void aRecordingOnlyOnThisSeatIsItsOwnFile() throws IOException {
        Path own = db.dataDir().recordings().resolve(FILE);
        Files.createDirectories(own.getParent());
        Files.write(own, concat(head(4), new byte[4]));

        RecordingSource source = new StoredRecordings(log, db.dataDir().recordings());

        assertThat(source.localFile(CALL, FILE)).contains(own.toAbsolutePath().normalize());
        assertThat(source.localFile(CALL, "call-1/other.wav")).isEmpty();
        assertThat(source.localFile(CALL, "../../etc/passwd")).isEmpty();
    }

    /** A WAV-like header whose data length is {@code dataBytes}: what changes at every flush. */
    private static byte[] head(int dataBytes) {
        byte[] h = new byte[RecordingChunks.HEAD_BYTES];
        h[40] = (byte) dataBytes;
        h[41] = (byte) (dataBytes >> 8);
        h[42] = (byte) (dataBytes >> 16);
        h[43] = (byte) (dataBytes >> 24);
        return h;
    }

    private static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    }

    private static byte[] noise(int n) {
        byte[] b = new byte[n];
        new SplittableRandom(n).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
