package dev.switchboard.calltaking.engine.session;

/** A {@link CallClock} moved by hand: the CLI's virtual time and the tests'. Thread-safe. */
public final class ManualCallClock implements CallClock {

    private volatile long nowMs;

    @Override
    public long nowMs() {
        return nowMs;
    }

    /** Moves to {@code ms}; time never goes back, so an earlier value is ignored. */
    public synchronized void set(long ms) {
        nowMs = Math.max(nowMs, ms);
    }

    public synchronized void advance(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("time cannot go back: " + ms);
        }
        nowMs += ms;
    }
}
