package dev.switchboard.store.eventlog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The hash of one event-log row. The encoding is fixed forever, because every stored hash depends on it:
 * <pre>
 * hash = SHA-256( prev_hash                       32 bytes
 *               || len(session_id) || session_id   u32 big-endian length, UTF-8 bytes
 *               || seq || sim_time_ms || wall_time_ms   i64 big-endian each
 *               || len(type) || type               u32, UTF-8
 *               || len(payload) || payload )       u32, UTF-8
 * </pre>
 * The length prefixes make the encoding unambiguous. Not thread-safe: one instance per thread.
 */
final class ChainHash {

    static final int BYTES = 32;
    /** The {@code prev_hash} of the first row of every chain. */
    static final byte[] GENESIS = new byte[BYTES];

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final MessageDigest sha;
    private byte[] head = new byte[256];

    ChainHash() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A new array with the hash of the row. */
    byte[] hash(byte[] prevHash, byte[] session, long seq, long simMillis, long wallMillis, byte[] type,
                byte[] payload) {
        byte[] out = new byte[BYTES];
        hashInto(prevHash, session, seq, simMillis, wallMillis, type, payload, out);
        return out;
    }

    /** Writes the hash of the row into {@code out} (32 bytes), allocating nothing. */
    void hashInto(byte[] prevHash, byte[] session, long seq, long simMillis, long wallMillis, byte[] type,
                  byte[] payload, byte[] out) {
        int size = BYTES + 4 + session.length + 24 + 4 + type.length + 4;
        if (head.length < size) {
            head = Arrays.copyOf(head, Math.max(size, head.length * 2));
        }
        byte[] b = head;
        System.arraycopy(prevHash, 0, b, 0, BYTES);
        int at = BYTES;
        INT.set(b, at, session.length);
        at += 4;
        System.arraycopy(session, 0, b, at, session.length);
        at += session.length;
        LONG.set(b, at, seq);
        LONG.set(b, at + 8, simMillis);
        LONG.set(b, at + 16, wallMillis);
        at += 24;
        INT.set(b, at, type.length);
        at += 4;
        System.arraycopy(type, 0, b, at, type.length);
        at += type.length;
        INT.set(b, at, payload.length);
        at += 4;
        sha.update(b, 0, at);
        sha.update(payload);
        try {
            sha.digest(out, 0, BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }
}
