package dev.switchboard.speech;

/** Synthetic test signals and a frequency estimate. */
final class Tones {

    private Tones() {
    }

    /** A sine of {@code hz} at {@code amplitude} (0..1 of full scale). */
    static Pcm sine(double hz, long ms, int rate, double amplitude) {
        short[] s = new short[(int) (ms * rate / 1000)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return new Pcm(s, rate);
    }

    /** Frequency from the spacing of upward zero crossings, ignoring the first and last 10 %. */
    static double frequency(Pcm pcm) {
        short[] s = pcm.samples();
        int from = s.length / 10;
        int to = s.length - s.length / 10;
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                double exact = i - 1 + (double) -s[i - 1] / (s[i] - s[i - 1]);
                if (first < 0) {
                    first = exact;
                } else {
                    crossings++;
                }
                last = exact;
            }
        }
        return crossings == 0 ? 0 : crossings * pcm.sampleRate() / (last - first);
    }

    /** RMS level in dBFS of the middle 80 %. */
    static double levelDb(Pcm pcm) {
        int from = pcm.length() / 10;
        return VoiceMeter.levelDb(pcm.samples(), from, pcm.length() - 2 * from);
    }
}
