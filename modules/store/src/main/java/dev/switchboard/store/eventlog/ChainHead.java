package dev.switchboard.store.eventlog;

import dev.switchboard.core.id.SessionId;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The end of one chain: its length and the hash of its last entry. Anchoring these (see the integrity package)
 * is what makes a truncated or rewritten chain detectable.
 *
 * @param seq  the last entry's seq, i.e. the chain's length
 * @param hash the last entry's hash (shared, do not modify)
 */
public record ChainHead(SessionId chain, long seq, byte[] hash) {

    /** The hash as lower-case hex. */
    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainHead h && chain.equals(h.chain) && seq == h.seq && Arrays.equals(hash, h.hash);
    }

    @Override
    public int hashCode() {
        return chain.hashCode() * 31 + Long.hashCode(seq);
    }

    @Override
    public String toString() {
        return chain + "@" + seq + ":" + hashHex();
    }
}
