package dev.switchboard.speech.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.Playback;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.Control;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.SourceDataLine;
import org.junit.jupiter.api.Test;

/** The speakers' writer against a fake line whose "sound card" the test drains by hand. */
class LineAudioOutputTest {

    @Test
    void bargeInDiscardsWhatTheLineHoldsAndWritesNoMore() throws InterruptedException {
        FakeLine line = new FakeLine();
        Playback playback = new LineAudioOutput(format -> line).play(new Pcm(new short[16_000 * 10], 16_000));
        line.awaitFull();
        line.consume(1600); // 50 ms heard
        line.awaitFull();
        assertThat(playback.playing()).isTrue();

        playback.stop();
        playback.await();

        assertThat(playback.playing()).isFalse();
        assertThat(line.flushed).isTrue();
        assertThat(line.queued).isZero(); // nothing left in the device to sound
        assertThat(line.acceptedAfterFlush).isZero();
        assertThat(line.closed).isTrue();
        // The line holds 100 ms; 50 ms were heard, so at most 150 ms was ever handed over.
        assertThat(playback.playedMs()).isBetween(100L, 150L);
        assertThat(line.bufferSize).isEqualTo(16_000 * 2 / 10);
    }

    @Test
    void aClipPlaysToTheEndAndTheLineIsDrainedAndClosed() throws InterruptedException {
        FakeLine line = new FakeLine();
        Playback playback = new LineAudioOutput(format -> line).play(new Pcm(new short[8_000], 16_000));
        while (!line.closed) {
            line.awaitFull();
            line.consume(line.queued);
        }
        playback.await();
        assertThat(line.consumed).isEqualTo(16_000);
        assertThat(line.drained).isTrue();
        assertThat(playback.playedMs()).isEqualTo(500);
    }

    /** A line with a real buffer but no clock: bytes leave it only when the test consumes them. */
    static final class FakeLine implements SourceDataLine {
        int bufferSize;
        int queued;
        long consumed;
        long acceptedAfterFlush;
        boolean running;
        boolean flushed;
        boolean drained;
        boolean closed;
        private AudioFormat format;

        synchronized void awaitFull() throws InterruptedException {
            while (queued + 640 <= bufferSize && !closed) {
                wait(10);
            }
        }

        synchronized void consume(int bytes) {
            int n = Math.min(bytes, queued);
            queued -= n;
            consumed += n;
            notifyAll();
        }

        @Override
        public synchronized int write(byte[] b, int off, int len) {
            while (queued + len > bufferSize && running && !flushed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
            if (flushed || !running) {
                return 0;
            }
            queued += len;
            notifyAll();
            return len;
        }

        @Override
        public synchronized void open(AudioFormat f, int size) {
            format = f;
            bufferSize = size;
        }

        @Override
        public void open(AudioFormat f) {
            open(f, 4096);
        }

        @Override
        public void open() {
            open(format, 4096);
        }

        @Override
        public synchronized void start() {
            running = true;
        }

        @Override
        public synchronized void stop() {
            running = false;
            notifyAll();
        }

        @Override
        public synchronized void flush() {
            flushed = true;
            queued = 0;
            notifyAll();
        }

        @Override
        public synchronized void drain() {
            while (queued > 0 && running) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            drained = true;
        }

        @Override
        public synchronized void close() {
            closed = true;
            notifyAll();
        }

        @Override
        public boolean isOpen() {
            return !closed;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public boolean isActive() {
            return running;
        }

        @Override
        public AudioFormat getFormat() {
            return format;
        }

        @Override
        public int getBufferSize() {
            return bufferSize;
        }

        @Override
        public synchronized int available() {
            return bufferSize - queued;
        }

        @Override
        public int getFramePosition() {
            return (int) (consumed / 2);
        }

        @Override
        public long getLongFramePosition() {
            return consumed / 2;
        }

        @Override
        public long getMicrosecondPosition() {
            return consumed / 2 * 1_000_000 / 16_000;
        }

        @Override
        public float getLevel() {
            return AudioSystemUnknown.LEVEL;
        }

        @Override
        public Line.Info getLineInfo() {
            return new Line.Info(SourceDataLine.class);
        }

        @Override
        public Control[] getControls() {
            return new Control[0];
        }

        @Override
        public boolean isControlSupported(Control.Type control) {
            return false;
        }

        @Override
        public Control getControl(Control.Type control) {
            throw new IllegalArgumentException("no controls");
        }

        @Override
        public void addLineListener(LineListener listener) {
            // no events
        }

        @Override
        public void removeLineListener(LineListener listener) {
            // no events
        }
    }

    /** javax.sound's value for "level not known". */
    private static final class AudioSystemUnknown {
        static final float LEVEL = -1f;
    }
}
