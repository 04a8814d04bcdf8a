package dev.switchboard.store.eventlog;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingChunks;
import dev.switchboard.store.session.RecordingSeals;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Run in a child JVM by {@link ServerManyWritersTest}: one seat of a training center appending to its own chain
 * and to the chain all seats share, on the server, until it is killed, while it records a call into the database
 * the way a call on a server does (header and the changed 128 KB pieces in one transaction per flush). Prints, one
 * line each: {@code log <own seq> <shared count>} after every commit, {@code rec <bytes> <sha256>} after every
 * committed flush (the whole WAV so far), and {@code sealed <bytes> <sha256>} once the call is closed and sealed;
 * {@code failed <why>} if recording fails. Arguments: url, data dir, seat number, flushes before sealing (0: never).
 */
public final class SeatWriter {

    static final SessionId SHARED = new SessionId("shared-chain");
    /** One second of 16 kHz stereo 16-bit audio; each flush adds this much. */
    static final int SECOND_BYTES = 16_000 * 4;
    /** Time between flushes: a call's one second, compressed so the test stays short. */
    static final long FLUSH_EVERY_MS = 150;

    private SeatWriter() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String seat = args[2];
        int flushes = Integer.parseInt(args[3]);
        Database db = Database.openServer(DataDir.of(Path.of(args[1])), DatabaseServer.of(url, null, null));
        EventLog log = new EventLog(db, Clock.systemUTC());
        Thread.ofPlatform().daemon(true).start(() -> record(db, log, Integer.parseInt(seat), flushes));
        SessionId own = new SessionId("seat-" + seat);
        long shared = 0;
        for (long round = 0; ; round++) {
            List<AppendRequest> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(new AppendRequest(own, round, "seat.step", "{\"round\":" + round + ",\"i\":" + i + "}"));
            }
            for (int i = 0; i < 5; i++) {
                batch.add(new AppendRequest(SHARED, round, "seat.shared", "{\"seat\":\"" + seat + "\"}"));
            }
            List<EventLogEntry> stored = log.appendAll(batch);
            shared += 5;
            say("log " + stored.get(19).seq() + " " + shared);
        }
    }

    /** The session of the call seat {@code seat} records. */
    static SessionId call(int seat) {
        return new SessionId("seat-" + seat + "-call");
    }

    /** The recording's file name, as a call's recording is named. */
    static String file(int seat) {
        return call(seat).value() + "/call.wav";
    }

    /** The first {@code bytes} of audio seat {@code seat} records: the same on every run, so the test can compare. */
    static byte[] audio(int seat, int bytes) {
        byte[] b = new byte[bytes];
        new SplittableRandom(1000L + seat).nextBytes(b);
        return b;
    }

    /** A 44-byte PCM WAV header (16 kHz, stereo, 16-bit) for {@code dataBytes} of audio. */
    static byte[] header(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(RecordingChunks.HEAD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(16_000).putInt(SECOND_BYTES).putShort((short) 4).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return h.array();
    }

    /**
     * Records {@code flushes} seconds (forever when 0, for the seat that is killed), sending at each flush the header
     * and every piece from the one the previous flush ended in, then seals the call with the checksum of the audio
     * this seat wrote.
     */
    private static void record(Database db, EventLog log, int seat, int flushes) {
        try {
            SessionId session = call(seat);
            String file = file(seat);
            RecordingChunks chunks = new RecordingChunks(db);
            RecordingCatalog catalog = new RecordingCatalog(db);
            catalog.started(session, file, "call", 16_000, 2, Instant.now());
            int limit = flushes > 0 ? flushes : 600;
            byte[] audio = audio(seat, limit * SECOND_BYTES);
            int sent = 0;
            for (int second = 1; second <= limit; second++) {
                Thread.sleep(FLUSH_EVERY_MS);
                int recorded = second * SECOND_BYTES;
                int from = sent - sent % RecordingChunks.CHUNK_BYTES;
                chunks.write(session, file, header(recorded), from, Arrays.copyOfRange(audio, from, recorded),
                        recorded - from);
                sent = recorded;
                say("rec " + (RecordingChunks.HEAD_BYTES + recorded) + " " + sha256(header(recorded), audio, recorded));
            }
            String sha = sha256(header(sent), audio, sent);
            new RecordingSeals(log, catalog, db.dataDir().recordings())
                    .seal(session, file, sent * 1000L / SECOND_BYTES, sha, "complete");
            say("sealed " + (RecordingChunks.HEAD_BYTES + sent) + " " + sha);
        } catch (Exception e) {
            say("failed " + e);
        }
    }

    private static String sha256(byte[] head, byte[] audio, int length) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(head);
        sha.update(audio, 0, length);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
