package dev.switchboard.speech.engine;

import dev.switchboard.speech.Microphone;
import dev.switchboard.speech.Pcm;
import java.util.concurrent.locks.LockSupport;

/** A recorded clip played into a microphone, in real time (speed 1.0), faster, or at once (speed 0). */
public final class PcmSource implements AudioSource {

    private final short[] samples;
    private final double speed;
    private long startNanos;
    private int position;
    private volatile boolean closed;

    public PcmSource(Pcm clip, double speed) {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be 0 or more, was " + speed);
        }
        this.samples = clip.resampled(Microphone.SAMPLE_RATE).samples();
        this.speed = speed;
    }

    @Override
    public void open() {
        startNanos = System.nanoTime();
    }

    @Override
    public int read(short[] buf) {
        if (closed || position >= samples.length) {
            return -1;
        }
        int n = Math.min(buf.length, samples.length - position);
        System.arraycopy(samples, position, buf, 0, n);
        position += n;
        if (speed > 0) {
            long due = startNanos + (long) (position * 1e9 / Microphone.SAMPLE_RATE / speed);
            for (long wait = due - System.nanoTime(); wait > 0 && !closed; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
        }
        return n;
    }

    @Override
    public void close() {
        closed = true;
    }
}
