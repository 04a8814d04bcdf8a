package dev.switchboard.speech.engine;

import dev.switchboard.speech.AudioOutput;
import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.Playback;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An output without a device. With pace 1.0 each playback lasts the clip's duration in wall time (or until
 * stopped); with pace 0 it finishes at once. No thread is used.
 */
public final class SilentAudioOutput implements AudioOutput {

    private final double pace;

    /** @param pace 1.0 for real time, 0 for immediate; 2.0 would take half the clip's duration */
    public SilentAudioOutput(double pace) {
        if (pace < 0 || Double.isNaN(pace)) {
            throw new IllegalArgumentException("pace must be 0 or more, was " + pace);
        }
        this.pace = pace;
    }

    @Override
    public Playback play(Pcm pcm) {
        long durationNanos = pace == 0 ? 0 : (long) (pcm.durationMs() * 1_000_000 / pace);
        return new TimedPlayback(pcm.durationMs(), durationNanos);
    }

    /** A playback that is over when its time has passed or when stopped. */
    static final class TimedPlayback implements Playback {
        private final long clipMs;
        private final long durationNanos;
        private final long startNanos = System.nanoTime();
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile long stoppedAtMs = -1;

        TimedPlayback(long clipMs, long durationNanos) {
            this.clipMs = clipMs;
            this.durationNanos = durationNanos;
        }

        @Override
        public synchronized void stop() {
            if (stopped.getCount() > 0) {
                stoppedAtMs = elapsedMs();
                stopped.countDown();
            }
        }

        @Override
        public boolean playing() {
            return stopped.getCount() > 0 && System.nanoTime() - startNanos < durationNanos;
        }

        @Override
        public void await() throws InterruptedException {
            long left = durationNanos - (System.nanoTime() - startNanos);
            if (left > 0) {
                stopped.await(left, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public long playedMs() {
            long at = stoppedAtMs;
            return at >= 0 ? at : elapsedMs();
        }

        private long elapsedMs() {
            if (durationNanos == 0) {
                return clipMs;
            }
            double fraction = Math.min(1.0, (double) (System.nanoTime() - startNanos) / durationNanos);
            return (long) (clipMs * fraction);
        }
    }
}
