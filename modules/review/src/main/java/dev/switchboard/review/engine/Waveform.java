package dev.switchboard.review.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The outline of a recording for drawing: per channel and per bucket (one bucket per pixel column) the
 * smallest and largest sample, scaled to -1..1. Reads every sample once, a megabyte at a time, so a
 * 30-minute recording takes a fraction of a second and a two-hour one no more memory.
 *
 * @param min        {@code min[channel][bucket]}
 * @param max        {@code max[channel][bucket]}
 * @param durationMs the recording's length
 */
public record Waveform(float[][] min, float[][] max, long durationMs) {

    /** How much of the file one read takes. */
    private static final int BLOCK_BYTES = 1 << 20;

    public Waveform {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }

    public int channels() {
        return min.length;
    }

    public int buckets() {
        return min.length == 0 ? 0 : min[0].length;
    }

    /** A flat line, for a session without audio. */
    public static Waveform silent(int buckets, long durationMs) {
        return new Waveform(new float[1][buckets], new float[1][buckets], durationMs);
    }

    /** Computes {@code buckets} min/max pairs per channel of {@code wav}. */
    public static Waveform of(WavFile wav, int buckets) throws IOException {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1, was " + buckets);
        }
        int channels = wav.channels();
        float[][] min = new float[channels][buckets];
        float[][] max = new float[channels][buckets];
        long frames = wav.frames();
        if (frames == 0) {
            return new Waveform(min, max, 0);
        }
        // Two halves on two threads: the scan is CPU-bound and the workstation has at least two cores.
        int half = buckets / 2;
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                scan(wav, frames, buckets, half, buckets, min, max);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> Thread.ofPlatform().name("waveform").daemon(true).start(r));
        scan(wav, frames, buckets, 0, half, min, max);
        try {
            second.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
        return new Waveform(min, max, wav.durationMs());
    }

    private static void scan(WavFile wav, long frames, int buckets, int fromBucket, int toBucket, float[][] min,
                             float[][] max) throws IOException {
        int channels = wav.channels();
        int frameBytes = wav.frameBytes();
        // Plain reads into one small buffer, not a memory map: mapped pages of a two-hour recording (460 MB) all
        // counted in the process's resident memory; read pages stay in the OS file cache, outside it.
        ByteBuffer block = ByteBuffer.allocateDirect(Math.max(frameBytes, (BLOCK_BYTES / frameBytes) * frameBytes))
                .order(ByteOrder.LITTLE_ENDIAN);
        ShortBuffer samples = block.asShortBuffer();
        short[] chunk = new short[block.capacity() / 2];
        int[] lo = new int[channels];
        int[] hi = new int[channels];
        long start = bucketStart(fromBucket, frames, buckets);
        long stop = bucketStart(toBucket, frames, buckets);
        int bucket = fromBucket;
        long bucketEnd = bucketStart(bucket + 1, frames, buckets);
        Arrays.fill(lo, Short.MAX_VALUE);
        Arrays.fill(hi, Short.MIN_VALUE);
        try (FileChannel ch = FileChannel.open(wav.file(), StandardOpenOption.READ)) {
            long frame = start;
            while (frame < stop) {
                block.clear();
                block.limit((int) Math.min(block.capacity(), (stop - frame) * frameBytes));
                long at = wav.dataOffset() + frame * frameBytes;
                while (block.hasRemaining()) {
                    int n = ch.read(block, at + block.position());
                    if (n < 0) {
                        throw new IOException("the recording " + wav.file() + " ends before its header says");
                    }
                }
                int got = block.position() / frameBytes;
                samples.clear();
                samples.get(chunk, 0, got * channels);
                int offset = 0;
                while (offset < got) {
                    int n = (int) Math.min(got - offset, bucketEnd - frame);
                    if (channels == 2) {
                        extremesStereo(chunk, offset, n, lo, hi);
                    } else {
                        extremes(chunk, offset, n, channels, lo, hi);
                    }
                    offset += n;
                    frame += n;
                    if (frame >= bucketEnd) {
                        for (int c = 0; c < channels; c++) {
                            boolean empty = lo[c] > hi[c];
                            min[c][bucket] = empty ? 0 : lo[c] / 32768f;
                            max[c][bucket] = empty ? 0 : hi[c] / 32768f;
                        }
                        Arrays.fill(lo, Short.MAX_VALUE);
                        Arrays.fill(hi, Short.MIN_VALUE);
                        bucket++;
                        bucketEnd = bucketStart(bucket + 1, frames, buckets);
                    }
                }
            }
        }
    }

    private static void extremesStereo(short[] chunk, int fromFrame, int frames, int[] lo, int[] hi) {
        int l0 = lo[0];
        int h0 = hi[0];
        int l1 = lo[1];
        int h1 = hi[1];
        for (int i = 0, j = fromFrame * 2; i < frames; i++, j += 2) {
            int a = chunk[j];
            int b = chunk[j + 1];
            l0 = Math.min(l0, a);
            h0 = Math.max(h0, a);
            l1 = Math.min(l1, b);
            h1 = Math.max(h1, b);
        }
        lo[0] = l0;
        hi[0] = h0;
        lo[1] = l1;
        hi[1] = h1;
    }

    private static void extremes(short[] chunk, int fromFrame, int frames, int channels, int[] lo, int[] hi) {
        for (int i = fromFrame; i < fromFrame + frames; i++) {
            for (int c = 0; c < channels; c++) {
                int s = chunk[i * channels + c];
                lo[c] = Math.min(lo[c], s);
                hi[c] = Math.max(hi[c], s);
            }
        }
    }

    /** The first frame of bucket {@code b}: buckets split the frames as evenly as whole frames allow. */
    private static long bucketStart(int b, long frames, int buckets) {
        return (long) Math.ceil((double) b * frames / buckets);
    }
}
