package dev.switchboard.store.eventlog;

import dev.switchboard.core.id.SessionId;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@link EventLog#verify} found.
 *
 * @param entriesChecked rows whose sequence and hashes were confirmed
 * @param chainsChecked  sessions walked, including the one with the break
 * @param firstBreak     the first row that does not fit its chain; empty when every chain is intact
 */
public record VerifyReport(long entriesChecked, int chainsChecked, Duration elapsed, Optional<Break> firstBreak) {

    /** Whether every chain checked is intact. */
    public boolean intact() {
        return firstBreak.isEmpty();
    }

    /**
     * A row that breaks its chain.
     *
     * @param reason {@code "hash mismatch"}, {@code "seq gap: expected 41 found 43"},
     *               {@code "prev_hash does not match previous row"} or
     *               {@code "prev_hash of seq 1 is not 32 zero bytes"}
     */
    public record Break(SessionId session, long seq, long rowId, String reason) {
    }
}
