package dev.switchboard.studio.engine.fraud;

import dev.switchboard.studio.model.fraud.FraudPattern;
import java.util.Objects;

/**
 * Labelled rows in time order, features packed row by row in one float array (a million rows of 21 features is
 * 84 MB this way, twice that as {@code double[][]}).
 *
 * @param names    the feature names
 * @param x        row i's features at {@code x[i * names.length ...]}
 * @param fraud    the labels
 * @param time     each row's time, milliseconds, non-decreasing
 * @param pattern  each row's injected pattern ordinal ({@link FraudPattern}), or null for imported data
 * @param source   what the rows are, in words, for the window and the provenance
 */
public record LabelledData(String[] names, float[] x, boolean[] fraud, long[] time, byte[] pattern, String source) {

    public LabelledData {
        Objects.requireNonNull(names, "names");
        if (x.length != (long) fraud.length * names.length || time.length != fraud.length
                || pattern != null && pattern.length != fraud.length) {
            throw new IllegalArgumentException("rows, labels and times differ in length");
        }
    }

    public int rows() {
        return fraud.length;
    }

    public int width() {
        return names.length;
    }

    /** Row {@code i} as doubles. */
    public double[] row(int i) {
        double[] out = new double[names.length];
        int base = i * names.length;
        for (int k = 0; k < out.length; k++) {
            out[k] = x[base + k];
        }
        return out;
    }

    public int positives() {
        int n = 0;
        for (boolean b : fraud) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The pattern of row {@code i}, or null for imported data. */
    public FraudPattern pattern(int i) {
        return pattern == null ? null : FraudPattern.values()[pattern[i]];
    }
}
