package dev.switchboard.speech;

/**
 * Band-limited sample-rate conversion (windowed sinc, Blackman window, 16 zero crossings), for any pair
 * of rates: MaryTTS' 48 kHz to the recogniser's 16 kHz, a WAV file's 44.1 kHz to 16 kHz, and so on.
 * When lowering the rate, content above the new Nyquist frequency is filtered out rather than aliased.
 * Each call treats the audio outside the given range as silence, so convert whole clips, not tiny chunks.
 */
public final class Resampler {

    private static final int ZERO_CROSSINGS = 16;
    private static final int STEPS_PER_CROSSING = 512;
    /** Passband edge as a fraction of the lower Nyquist frequency: leaves room for the transition band. */
    private static final double ROLLOFF = 0.94;
    private static final float[] KERNEL = kernel();

    private Resampler() {
    }

    /** {@code in} converted to {@code outRate} Hz; the same instance when the rate already matches. */
    public static Pcm resample(Pcm in, int outRate) {
        if (in.sampleRate() == outRate) {
            return in;
        }
        return new Pcm(resample(in.samples(), 0, in.length(), in.sampleRate(), outRate), outRate);
    }

    /**
     * Converts {@code len} samples of {@code in} from {@code offset} at {@code inRate} Hz to {@code outRate}
     * Hz; the result has {@code floor(len * outRate / inRate)} samples.
     */
    public static short[] resample(short[] in, int offset, int len, int inRate, int outRate) {
        if (inRate < 1 || outRate < 1) {
            throw new IllegalArgumentException("rates must be positive: " + inRate + " -> " + outRate);
        }
        int outLen = (int) ((long) len * outRate / inRate);
        short[] out = new short[outLen];
        if (inRate == outRate) {
            System.arraycopy(in, offset, out, 0, outLen);
            return out;
        }
        double step = (double) inRate / outRate;
        double fc = Math.min(1.0, (double) outRate / inRate) * ROLLOFF;
        double halfWidth = ZERO_CROSSINGS / fc;
        double tableScale = fc * STEPS_PER_CROSSING;
        int last = KERNEL.length - 2;
        for (int j = 0; j < outLen; j++) {
            double t = j * step;
            int first = Math.max(0, (int) Math.ceil(t - halfWidth));
            int end = Math.min(len - 1, (int) Math.floor(t + halfWidth));
            double acc = 0;
            for (int k = first; k <= end; k++) {
                double pos = Math.abs(t - k) * tableScale;
                int i = (int) pos;
                if (i > last) {
                    continue;
                }
                double frac = pos - i;
                double h = KERNEL[i] + (KERNEL[i + 1] - KERNEL[i]) * frac;
                acc += in[offset + k] * h;
            }
            long v = Math.round(acc * fc);
            out[j] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        return out;
    }

    /** sinc(u) times a Blackman window over |u| <= ZERO_CROSSINGS, tabulated from u = 0 up. */
    private static float[] kernel() {
        int n = ZERO_CROSSINGS * STEPS_PER_CROSSING;
        float[] k = new float[n + 2];
        for (int i = 0; i <= n; i++) {
            double u = (double) i / STEPS_PER_CROSSING;
            double sinc = i == 0 ? 1.0 : Math.sin(Math.PI * u) / (Math.PI * u);
            double x = u / ZERO_CROSSINGS;
            double window = 0.42 + 0.5 * Math.cos(Math.PI * x) + 0.08 * Math.cos(2 * Math.PI * x);
            k[i] = (float) (sinc * window);
        }
        return k;
    }
}
