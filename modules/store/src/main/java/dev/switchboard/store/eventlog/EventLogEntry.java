package dev.switchboard.store.eventlog;

import dev.switchboard.core.id.SessionId;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One row of the event log as stored. The hash arrays are shared, not copied: do not modify them.
 *
 * @param id       the row id, increasing in append order across all sessions
 * @param seq      the position in the session's chain, from 1 without gaps
 * @param prevHash the previous row's {@code hash}, or 32 zero bytes at {@code seq} 1
 * @param hash     SHA-256 over {@code prevHash} and this row's fields
 */
public record EventLogEntry(long id, SessionId session, long seq, long simTimeMillis, Instant wallTime, String type,
                            String payload, byte[] prevHash, byte[] hash) {

    @Override
    public boolean equals(Object other) {
        return other instanceof EventLogEntry e
                && id == e.id && seq == e.seq && simTimeMillis == e.simTimeMillis
                && session.equals(e.session) && wallTime.equals(e.wallTime) && type.equals(e.type)
                && payload.equals(e.payload) && Arrays.equals(prevHash, e.prevHash) && Arrays.equals(hash, e.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, session, seq) * 31 + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "EventLogEntry[id=" + id + ", session=" + session + ", seq=" + seq + ", simTimeMillis=" + simTimeMillis
                + ", wallTime=" + wallTime + ", type=" + type + ", payload=" + payload
                + ", hash=" + HexFormat.of().formatHex(hash) + "]";
    }
}
