package dev.switchboard.speech;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Mono 16-bit audio: signed samples at {@code sampleRate} Hz. Treat the array as read-only once a
 * {@code Pcm} holds it; methods that change audio return a new {@code Pcm}.
 *
 * @param samples    signed 16-bit samples, one channel
 * @param sampleRate samples per second, at least 1
 */
public record Pcm(short[] samples, int sampleRate) {

    /** The rate speech recognition works at. */
    public static final int SPEECH_RATE = 16_000;

    public Pcm {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate < 1) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
    }

    /** {@code ms} of silence at {@code sampleRate}. */
    public static Pcm silence(long ms, int sampleRate) {
        return new Pcm(new short[Math.toIntExact(ms * sampleRate / 1000)], sampleRate);
    }

    /** The clips one after another; they must share one rate. An empty list gives an empty clip at 16 kHz. */
    public static Pcm concat(List<Pcm> parts) {
        if (parts.isEmpty()) {
            return new Pcm(new short[0], SPEECH_RATE);
        }
        int rate = parts.get(0).sampleRate;
        int total = 0;
        for (Pcm p : parts) {
            if (p.sampleRate != rate) {
                throw new IllegalArgumentException("cannot join " + p.sampleRate + " Hz audio to " + rate + " Hz");
            }
            total += p.samples.length;
        }
        short[] out = new short[total];
        int at = 0;
        for (Pcm p : parts) {
            System.arraycopy(p.samples, 0, out, at, p.samples.length);
            at += p.samples.length;
        }
        return new Pcm(out, rate);
    }

    /** Number of samples. */
    public int length() {
        return samples.length;
    }

    /** Duration in whole milliseconds, rounded down. */
    public long durationMs() {
        return samples.length * 1000L / sampleRate;
    }

    /** The part from {@code fromMs} (inclusive) to {@code toMs} (exclusive), clamped to the clip. */
    public Pcm slice(long fromMs, long toMs) {
        int from = clampIndex(fromMs * sampleRate / 1000);
        int to = Math.max(from, clampIndex(toMs * sampleRate / 1000));
        return new Pcm(Arrays.copyOfRange(samples, from, to), sampleRate);
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive), clamped to the clip. */
    public Pcm sliceSamples(int from, int to) {
        int f = clampIndex(from);
        return new Pcm(Arrays.copyOfRange(samples, f, Math.max(f, clampIndex(to))), sampleRate);
    }

    /** This clip at {@code rate} Hz; the same instance when it is already at that rate. */
    public Pcm resampled(int rate) {
        return rate == sampleRate ? this : Resampler.resample(this, rate);
    }

    /** This clip followed by {@code next}, which must have the same rate. */
    public Pcm append(Pcm next) {
        return concat(List.of(this, next));
    }

    private int clampIndex(long index) {
        return (int) Math.max(0, Math.min(samples.length, index));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pcm p && p.sampleRate == sampleRate && Arrays.equals(p.samples, samples);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(samples) + sampleRate;
    }

    @Override
    public String toString() {
        return "Pcm[" + samples.length + " samples, " + sampleRate + " Hz, " + durationMs() + " ms]";
    }
}
