package dev.switchboard.speech;

import java.util.Objects;

/**
 * The audio of a WAV file as 16-bit samples, channels interleaved.
 *
 * @param sampleRate  frames per second
 * @param channels    1 for mono, 2 for stereo (left first), …
 * @param interleaved samples, frame by frame
 */
public record WavAudio(int sampleRate, int channels, short[] interleaved) {

    public WavAudio {
        Objects.requireNonNull(interleaved, "interleaved");
        if (sampleRate < 1 || channels < 1 || interleaved.length % channels != 0) {
            throw new IllegalArgumentException("bad WAV audio: " + sampleRate + " Hz, " + channels
                    + " channels, " + interleaved.length + " samples");
        }
    }

    /** Number of frames (samples per channel). */
    public int frames() {
        return interleaved.length / channels;
    }

    /** Duration in whole ms. */
    public long durationMs() {
        return frames() * 1000L / sampleRate;
    }

    /** One channel (0 = left) as mono audio. */
    public Pcm channel(int index) {
        Objects.checkIndex(index, channels);
        short[] out = new short[frames()];
        for (int f = 0; f < out.length; f++) {
            out[f] = interleaved[f * channels + index];
        }
        return new Pcm(out, sampleRate);
    }

    /** All channels mixed to mono (the mean, so nothing clips). */
    public Pcm mono() {
        if (channels == 1) {
            return new Pcm(interleaved.clone(), sampleRate);
        }
        short[] out = new short[frames()];
        for (int f = 0; f < out.length; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[f * channels + c];
            }
            out[f] = (short) (sum / channels);
        }
        return new Pcm(out, sampleRate);
    }
}
