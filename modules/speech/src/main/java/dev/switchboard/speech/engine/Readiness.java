package dev.switchboard.speech.engine;

/**
 * Where a lazily loaded speech engine stands, in words for the status line.
 *
 * @param state  the stage
 * @param reason why it is unavailable; empty otherwise
 */
public record Readiness(State state, String reason) {

    /** Stages of loading. */
    public enum State {
        /** Not loaded yet; loads on first use or warm-up. */
        NOT_LOADED,
        /** Loading now. */
        LOADING,
        /** Loaded and usable. */
        READY,
        /** Loading failed; {@link #reason()} says why. */
        FAILED
    }

    static final Readiness NOT_LOADED = new Readiness(State.NOT_LOADED, "");
    static final Readiness LOADING = new Readiness(State.LOADING, "");
    static final Readiness READY = new Readiness(State.READY, "");

    static Readiness failed(String reason) {
        return new Readiness(State.FAILED, reason);
    }
}
