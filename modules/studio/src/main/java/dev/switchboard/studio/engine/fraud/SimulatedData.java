package dev.switchboard.studio.engine.fraud;

import dev.switchboard.studio.model.fraud.Transaction;

/** Simulated transactions turned into labelled feature rows, in one pass. */
public final class SimulatedData {

    private SimulatedData() {
    }

    /** {@code count} transactions of the simulator with {@code config}, as features. */
    public static LabelledData generate(TransactionSimulator.Config config, int count) {
        TransactionSimulator sim = new TransactionSimulator(config);
        Builder b = new Builder(count);
        for (int i = 0; i < count; i++) {
            b.add(sim.next());
        }
        return b.build("simulated: " + count + " transactions, seed " + config.seed() + " (PaySim-style)");
    }

    /** Accumulates transactions, extracting features as they come. */
    public static final class Builder {
        private final FeatureExtractor features = new FeatureExtractor();
        private final int width = FeatureExtractor.NAMES.length;
        private final double[] row = new double[width];
        private final float[] x;
        private final boolean[] fraud;
        private final long[] time;
        private final byte[] pattern;
        private int size;

        public Builder(int capacity) {
            x = new float[capacity * width];
            fraud = new boolean[capacity];
            time = new long[capacity];
            pattern = new byte[capacity];
        }

        public void add(Transaction tx) {
            features.next(tx, row);
            int base = size * width;
            for (int k = 0; k < width; k++) {
                x[base + k] = (float) row[k];
            }
            fraud[size] = tx.fraud();
            time[size] = tx.timeMs();
            pattern[size] = (byte) tx.pattern().ordinal();
            size++;
        }

        public LabelledData build(String source) {
            return new LabelledData(FeatureExtractor.NAMES.clone(), java.util.Arrays.copyOf(x, size * width),
                    java.util.Arrays.copyOf(fraud, size), java.util.Arrays.copyOf(time, size),
                    java.util.Arrays.copyOf(pattern, size), source);
        }
    }
}
