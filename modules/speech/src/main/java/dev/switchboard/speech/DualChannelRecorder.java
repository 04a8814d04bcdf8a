package dev.switchboard.speech;

import dev.switchboard.core.io.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Records a call as ONE stereo 16-bit PCM WAV file, written as it goes: left is the caller, right the
 * trainee. Audio is placed on a timeline in ms since the recording started; gaps are silence, and a later
 * write to the same span of the same channel replaces the earlier one. Clips at another rate are
 * resampled to the recorder's rate.
 *
 * <p>At least once a second (on a background virtual thread, and on any write a second after the last
 * flush) the header's sizes are rewritten and the file is forced to disk, so a crash or SIGKILL leaves a
 * playable file up to the last flush; {@link WavFiles#repair(Path)} recovers what came after it.
 *
 * <p>Thread-safe: the caller's audio and the microphone may write from different threads.
 */
public final class DualChannelRecorder {

    /** The rate recordings are written at unless told otherwise: what the recogniser hears, and compact. */
    public static final int DEFAULT_RATE = 16_000;

    private static final int FRAME_BYTES = 4;
    private static final long FLUSH_INTERVAL_MS = 1000;

    private final Path file;
    private final int sampleRate;
    private final FileChannel channel;
    private final Thread flusher;
    private long frames;
    private boolean dirty;
    private boolean closed;
    private long lastFlushNanos;
    private RecordingResult result;

    private DualChannelRecorder(Path file, int sampleRate) throws IOException {
        this.file = file;
        this.sampleRate = sampleRate;
        // Recordings are the trainee's voice: only the user may read them (0600).
        if (Files.exists(file)) {
            PrivateFiles.makePrivate(file);
        } else {
            PrivateFiles.createFile(file);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.write(ByteBuffer.wrap(WavFiles.header(2, sampleRate, 0)), 0);
        channel.force(true);
        lastFlushNanos = System.nanoTime();
        flusher = Thread.ofVirtual().name("recorder-flush-" + file.getFileName()).start(this::flushEverySecond);
    }

    /** Starts a recording at {@link #DEFAULT_RATE}, replacing {@code file}. */
    public static DualChannelRecorder create(Path file) {
        return create(file, DEFAULT_RATE);
    }

    /** Starts a recording at {@code sampleRate} Hz, replacing {@code file}. */
    public static DualChannelRecorder create(Path file, int sampleRate) {
        if (sampleRate < 1) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        try {
            return new DualChannelRecorder(file, sampleRate);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create recording " + file, e);
        }
    }

    /** Places caller audio at {@code atMs} since the recording started. */
    public void writeLeft(long atMs, Pcm pcm) {
        write(0, atMs, pcm);
    }

    /** Places trainee audio at {@code atMs} since the recording started. */
    public void writeRight(long atMs, Pcm pcm) {
        write(1, atMs, pcm);
    }

    /** Pads the recording with silence up to {@code atMs} (the end of the call), if it is shorter. */
    public synchronized void extendTo(long atMs) {
        ensureOpen();
        long target = atMs * sampleRate / 1000;
        if (target > frames) {
            // In blocks: an hour of silence is 230 MB, which must not be one array.
            byte[] silence = new byte[(int) Math.min(target - frames, 1 << 16) * FRAME_BYTES];
            for (long at = frames; at < target; at += silence.length / FRAME_BYTES) {
                int n = (int) Math.min(silence.length / FRAME_BYTES, target - at);
                writeFrames(at, n * FRAME_BYTES == silence.length ? silence
                        : Arrays.copyOf(silence, n * FRAME_BYTES));
            }
            frames = target;
            dirty = true;
            flushIfDue();
        }
    }

    /** The recording's length so far, in ms. */
    public synchronized long durationMs() {
        return frames * 1000 / sampleRate;
    }

    /** The file being written. */
    public Path file() {
        return file;
    }

    /** The rate of the file. */
    public int sampleRate() {
        return sampleRate;
    }

    /** Rewrites the header's sizes and forces the file to disk now. */
    public synchronized void flush() {
        ensureOpen();
        flushNow();
    }

    /**
     * Flushes, closes the file and returns its duration and SHA-256. Idempotent. (Not {@code AutoCloseable}:
     * the result matters, so close it explicitly, in a finally block.)
     */
    public synchronized RecordingResult close() {
        if (closed) {
            return result;
        }
        flushNow();
        closed = true;
        flusher.interrupt();
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close recording " + file, e);
        }
        result = new RecordingResult(frames * 1000 / sampleRate, sha256(file));
        return result;
    }

    private synchronized void write(int channelIndex, long atMs, Pcm pcm) {
        ensureOpen();
        if (atMs < 0) {
            throw new IllegalArgumentException("recording time must not be negative, was " + atMs + " ms");
        }
        short[] samples = pcm.resampled(sampleRate).samples();
        if (samples.length == 0) {
            return;
        }
        long start = atMs * sampleRate / 1000;
        long end = start + samples.length;
        long regionStart = Math.min(start, frames);
        byte[] region = new byte[Math.toIntExact((end - regionStart) * FRAME_BYTES)];
        long existingEnd = Math.min(end, frames);
        if (existingEnd > regionStart) {
            readFrames(regionStart, region, (int) ((existingEnd - regionStart) * FRAME_BYTES));
        }
        ByteBuffer view = ByteBuffer.wrap(region).order(ByteOrder.LITTLE_ENDIAN);
        int base = (int) ((start - regionStart) * FRAME_BYTES) + channelIndex * 2;
        for (int i = 0; i < samples.length; i++) {
            view.putShort(base + i * FRAME_BYTES, samples[i]);
        }
        writeFrames(regionStart, region);
        frames = Math.max(frames, end);
        dirty = true;
        flushIfDue();
    }

    private void readFrames(long fromFrame, byte[] into, int len) {
        ByteBuffer buf = ByteBuffer.wrap(into, 0, len);
        long pos = WavFiles.HEADER_BYTES + fromFrame * FRAME_BYTES;
        try {
            while (buf.hasRemaining()) {
                if (channel.read(buf, pos + buf.position()) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back recording " + file, e);
        }
    }

    private void writeFrames(long fromFrame, byte[] data) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        long pos = WavFiles.HEADER_BYTES + fromFrame * FRAME_BYTES;
        try {
            while (buf.hasRemaining()) {
                channel.write(buf, pos + buf.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recording " + file, e);
        }
    }

    private void flushIfDue() {
        if (System.nanoTime() - lastFlushNanos >= FLUSH_INTERVAL_MS * 1_000_000) {
            flushNow();
        }
    }

    private void flushNow() {
        try {
            channel.write(ByteBuffer.wrap(WavFiles.header(2, sampleRate, frames * FRAME_BYTES)), 0);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush recording " + file, e);
        }
        dirty = false;
        lastFlushNanos = System.nanoTime();
    }

    private void flushEverySecond() {
        while (true) {
            try {
                Thread.sleep(FLUSH_INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (dirty) {
                    flushNow();
                }
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("recording " + file + " is closed");
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash recording " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
