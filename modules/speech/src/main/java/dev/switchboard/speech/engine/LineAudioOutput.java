package dev.switchboard.speech.engine;

import dev.switchboard.speech.AudioOutput;
import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.Playback;
import java.util.concurrent.CountDownLatch;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays through the default javax.sound playback line, one line per clip at the clip's own rate. Stop
 * flushes the line, so barge-in silences the speakers at once; the writer hands the line 20 ms at a time.
 * When a line cannot be opened the clip plays silently (real-time pace) and a warning is logged.
 */
public final class LineAudioOutput implements AudioOutput {

    private static final Logger LOG = LoggerFactory.getLogger(LineAudioOutput.class);
    private static final int CHUNK_MS = 20;
    private static final int LINE_BUFFER_MS = 100;

    private final AudioOutput fallback = new SilentAudioOutput(1.0);
    private final LineFactory lines;

    /** Opens lines on the default playback device. */
    public LineAudioOutput() {
        this(AudioSystem::getSourceDataLine);
    }

    /** Opens lines from {@code lines}: a test seam for a fake line. */
    LineAudioOutput(LineFactory lines) {
        this.lines = lines;
    }

    /** Where playback lines come from. */
    interface LineFactory {
        SourceDataLine line(AudioFormat format) throws LineUnavailableException;
    }

    /** Whether Java sees a device that plays 16-bit mono at {@code sampleRate}. */
    public static boolean supported(int sampleRate) {
        try {
            return AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, format(sampleRate)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean audible() {
        return true;
    }

    @Override
    public Playback play(Pcm pcm) {
        AudioFormat format = format(pcm.sampleRate());
        SourceDataLine line;
        try {
            line = lines.line(format);
            line.open(format, pcm.sampleRate() * 2 * LINE_BUFFER_MS / 1000);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            LOG.warn("No playback line for {} Hz audio ({}); playing silently", pcm.sampleRate(), e.toString());
            return fallback.play(pcm);
        }
        LinePlayback playback = new LinePlayback(line, pcm);
        Thread.ofPlatform().daemon().name("audio-out").start(playback::run);
        return playback;
    }

    private static AudioFormat format(int sampleRate) {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }

    /** Writes one clip to its line on a daemon thread. */
    private static final class LinePlayback implements Playback {
        private final SourceDataLine line;
        private final Pcm pcm;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean stopped;
        private volatile long writtenSamples;

        LinePlayback(SourceDataLine line, Pcm pcm) {
            this.line = line;
            this.pcm = pcm;
        }

        void run() {
            short[] s = pcm.samples();
            int chunk = Math.max(1, pcm.sampleRate() * CHUNK_MS / 1000);
            byte[] bytes = new byte[chunk * 2];
            try {
                if (!stopped) {
                    line.start();
                }
                for (int at = 0; at < s.length && !stopped; at += chunk) {
                    int n = Math.min(chunk, s.length - at);
                    for (int i = 0; i < n; i++) {
                        bytes[2 * i] = (byte) s[at + i];
                        bytes[2 * i + 1] = (byte) (s[at + i] >> 8);
                    }
                    int accepted = line.write(bytes, 0, n * 2);
                    writtenSamples = at + accepted / 2;
                    if (accepted < n * 2) {
                        break; // stopped and flushed mid-write
                    }
                }
                if (!stopped) {
                    line.drain();
                }
            } finally {
                line.close();
                done.countDown();
            }
        }

        @Override
        public void stop() {
            stopped = true;
            if (done.getCount() > 0) {
                line.stop();
                line.flush();
            }
        }

        @Override
        public boolean playing() {
            return done.getCount() > 0 && !stopped;
        }

        @Override
        public void await() throws InterruptedException {
            done.await();
        }

        @Override
        public long playedMs() {
            return writtenSamples * 1000 / pcm.sampleRate();
        }
    }
}
