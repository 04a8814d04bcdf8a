package dev.switchboard.store.eventlog;

import dev.switchboard.core.id.SessionId;
import java.nio.charset.StandardCharsets;

/**
 * The hash of one event-log row ({@link ChainHash}'s fixed encoding), for code that writes a whole chain outside
 * {@link EventLog} inside its own transaction: a seat's checkpoints carried onto its key's chain when the seat moves
 * to a server.
 */
public final class EntryHash {

    private EntryHash() {
    }

    /** The {@code prev_hash} of a chain's first row. */
    public static byte[] genesis() {
        return ChainHash.GENESIS.clone();
    }

    /** The hash of a row of {@code chain} that follows the row whose hash is {@code prevHash}. */
    public static byte[] of(byte[] prevHash, SessionId chain, long seq, long simMillis, long wallMillis, String type,
                            String payload) {
        return new ChainHash().hash(prevHash, chain.value().getBytes(StandardCharsets.UTF_8), seq, simMillis,
                wallMillis, type.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8));
    }
}
