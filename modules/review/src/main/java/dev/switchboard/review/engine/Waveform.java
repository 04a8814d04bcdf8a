package dev.switchboard.review.engine;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * The outline of a recording for drawing: per channel and per bucket (one bucket per pixel column) the
 * smallest and largest sample, scaled to -1..1. Reads every sample once through a memory map, so a
 * 30-minute recording takes a fraction of a second.
 *
 * @param min        {@code min[channel][bucket]}
 * @param max        {@code max[channel][bucket]}
 * @param durationMs the recording's length
 */
public record Waveform(float[][] min, float[][] max, long durationMs) {

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
        short[][] lo = new short[channels][buckets];
        short[][] hi = new short[channels][buckets];
        for (int c = 0; c < channels; c++) {
            Arrays.fill(lo[c], Short.MAX_VALUE);
            Arrays.fill(hi[c], Short.MIN_VALUE);
        }
        try (FileChannel ch = FileChannel.open(wav.file(), StandardOpenOption.READ)) {
            // Map in windows of whole frames below 2 GiB; a 30-minute stereo 48 kHz file is about 350 MB.
            long framesPerWindow = (1L << 28) / wav.frameBytes();
            short[] chunk = new short[channels * 8192];
            int bucket = 0;
            long bucketEnd = bucketStart(1, frames, buckets);
            long frame = 0;
            for (long first = 0; first < frames; first += framesPerWindow) {
                long count = Math.min(framesPerWindow, frames - first);
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY,
                        wav.dataOffset() + first * wav.frameBytes(), count * wav.frameBytes());
                ShortBuffer samples = map.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
                while (samples.hasRemaining()) {
                    int n = Math.min(chunk.length, samples.remaining());
                    samples.get(chunk, 0, n);
                    int framesInChunk = n / channels;
                    for (int i = 0; i < framesInChunk; i++, frame++) {
                        while (frame >= bucketEnd) {
                            bucket++;
                            bucketEnd = bucketStart(bucket + 1, frames, buckets);
                        }
                        int base = i * channels;
                        for (int c = 0; c < channels; c++) {
                            short s = chunk[base + c];
                            short[] l = lo[c];
                            short[] h = hi[c];
                            if (s < l[bucket]) {
                                l[bucket] = s;
                            }
                            if (s > h[bucket]) {
                                h[bucket] = s;
                            }
                        }
                    }
                }
            }
        }
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < buckets; b++) {
                boolean empty = lo[c][b] > hi[c][b];
                min[c][b] = empty ? 0 : lo[c][b] / 32768f;
                max[c][b] = empty ? 0 : hi[c][b] / 32768f;
            }
        }
        return new Waveform(min, max, wav.durationMs());
    }

    /** The first frame of bucket {@code b}: buckets split the frames as evenly as whole frames allow. */
    private static long bucketStart(int b, long frames, int buckets) {
        return (long) Math.ceil((double) b * frames / buckets);
    }
}
