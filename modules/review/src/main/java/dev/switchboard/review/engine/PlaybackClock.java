package dev.switchboard.review.engine;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A playback position driven by a clock instead of the audio device: used for the map replay above audio
 * speed, for sessions without audio, and when audio output is unavailable. Not thread-safe; the view uses
 * it on the FX thread.
 */
public final class PlaybackClock {

    /** The slowest and fastest speeds offered. */
    public static final double MIN_RATE = 0.5;
    public static final double MAX_RATE = 16;

    private final LongSupplier nanos;
    private final long durationMs;
    private double rate = 1;
    private boolean playing;
    private long baseMs;
    private long baseNanos;

    /** @param nanos a monotonic nanosecond source, {@link System#nanoTime} in the app, a fake in tests */
    public PlaybackClock(LongSupplier nanos, long durationMs) {
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        this.durationMs = Math.max(0, durationMs);
    }

    /** The position now, in ms within 0..duration; stops (pauses) by itself at the end. */
    public long positionMs() {
        if (!playing) {
            return baseMs;
        }
        long elapsedNanos = nanos.getAsLong() - baseNanos;
        long pos = baseMs + Math.round(elapsedNanos / 1e6 * rate);
        if (pos >= durationMs) {
            playing = false;
            baseMs = durationMs;
            return durationMs;
        }
        return Math.max(0, pos);
    }

    public boolean playing() {
        return playing;
    }

    public double rate() {
        return rate;
    }

    public void play() {
        if (!playing) {
            if (baseMs >= durationMs) {
                baseMs = 0;
            }
            baseNanos = nanos.getAsLong();
            playing = true;
        }
    }

    public void pause() {
        baseMs = positionMs();
        playing = false;
    }

    /** Jumps to {@code ms} (kept within the recording) without changing play or pause. */
    public void seek(long ms) {
        baseMs = Math.max(0, Math.min(durationMs, ms));
        baseNanos = nanos.getAsLong();
    }

    /** Changes the speed, {@value #MIN_RATE}..{@value #MAX_RATE}, keeping the current position. */
    public void setRate(double newRate) {
        if (!(newRate >= MIN_RATE && newRate <= MAX_RATE)) {
            throw new IllegalArgumentException("Playback speed must be within " + MIN_RATE + ".." + MAX_RATE
                    + ", was " + newRate);
        }
        baseMs = positionMs();
        baseNanos = nanos.getAsLong();
        rate = newRate;
    }
}
