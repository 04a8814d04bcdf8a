package dev.switchboard.store.integrity;

import dev.switchboard.core.id.SessionId;

/**
 * One thing verification found wrong, in words for the person reading {@code log verify}.
 *
 * @param chain the chain (session) it concerns
 * @param seq   the entry it concerns, or 0 when it is about the chain as a whole
 */
public record IntegrityProblem(Kind kind, SessionId chain, long seq, String text) {

    /** What kind of damage. */
    public enum Kind {
        /** An entry does not fit its chain (hash, seq, prev_hash). */
        BROKEN,
        /** Entries were removed from the end of a chain that a checkpoint anchored. */
        TRUNCATED,
        /** A chain was recomputed from an edited entry on. */
        REWRITTEN,
        /** A whole chain is gone. */
        DELETED,
        /** A session row differs from its chained record, or has none, or is gone. */
        SESSION,
        /** A checkpoint is unreadable, badly signed or out of sequence. */
        CHECKPOINT,
        /** A recording differs from its seal. */
        RECORDING,
        /** The append-only triggers were dropped or changed. */
        TRIGGER
    }

    static IntegrityProblem of(Kind kind, SessionId chain, long seq, String text) {
        return new IntegrityProblem(kind, chain, seq, text);
    }

    @Override
    public String toString() {
        return chain + (seq > 0 ? " entry " + seq : "") + ": " + text;
    }
}
