package dev.switchboard.review.model;

/**
 * Whether the session's event-log chain is intact.
 *
 * @param entriesChecked rows whose hashes were confirmed
 * @param brokenSeq      the first entry that does not fit its chain, or 0 when intact
 * @param problem        what is wrong with it, e.g. {@code hash mismatch}; empty when intact
 */
public record Integrity(boolean intact, long entriesChecked, long brokenSeq, String problem) {

    public Integrity {
        problem = problem == null ? "" : problem;
    }

    public static Integrity verified(long entries) {
        return new Integrity(true, entries, 0, "");
    }
}
