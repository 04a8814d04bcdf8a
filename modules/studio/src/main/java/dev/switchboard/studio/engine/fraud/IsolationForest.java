package dev.switchboard.studio.engine.fraud;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Isolation forest (Liu, Ting and Zhou, 2008): anomalies are the points that random axis-parallel splits isolate
 * in few steps. Trained without labels on normal traffic, it scores a point in 0..1 (about 0.5 for ordinary ones,
 * near 1 for points isolated at once). Written here because Tribuo's only anomaly detector is a one-class SVM
 * (quadratic in the training rows and sensitive to scaling), and Smile's would bring a second ML library for one
 * algorithm of about a hundred lines. Trees are stored as primitive arrays; scoring is thread-safe.
 */
public final class IsolationForest {

    private final int[][] feature;
    private final double[][] split;
    private final int[][] left;
    private final int[][] right;
    private final int[][] size;
    private final double normaliser;

    private IsolationForest(int[][] feature, double[][] split, int[][] left, int[][] right, int[][] size,
                            int sample) {
        this.feature = feature;
        this.split = split;
        this.left = left;
        this.right = right;
        this.size = size;
        this.normaliser = averagePathLength(sample);
    }

    /**
     * Trains {@code trees} trees, each on {@code sample} rows drawn without replacement from {@code rows}.
     *
     * @param seed fixes every random choice
     */
    public static IsolationForest train(double[][] rows, int trees, int sample, long seed) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("need at least 2 rows to train an isolation forest");
        }
        int psi = Math.min(sample, rows.length);
        int maxDepth = (int) Math.ceil(Math.log(psi) / Math.log(2));
        SplittableRandom random = new SplittableRandom(seed);
        int[][] feature = new int[trees][];
        double[][] split = new double[trees][];
        int[][] left = new int[trees][];
        int[][] right = new int[trees][];
        int[][] size = new int[trees][];
        for (int t = 0; t < trees; t++) {
            int[] chosen = sampleIndices(rows.length, psi, random);
            Builder b = new Builder(2 * psi);
            b.grow(rows, chosen, 0, psi, 0, maxDepth, random);
            feature[t] = Arrays.copyOf(b.feature, b.nodes);
            split[t] = Arrays.copyOf(b.split, b.nodes);
            left[t] = Arrays.copyOf(b.left, b.nodes);
            right[t] = Arrays.copyOf(b.right, b.nodes);
            size[t] = Arrays.copyOf(b.size, b.nodes);
        }
        return new IsolationForest(feature, split, left, right, size, psi);
    }

    /** The anomaly score of {@code row}: 2^(−mean path length / c(ψ)), in 0..1. */
    public double score(double[] row) {
        double total = 0;
        for (int t = 0; t < feature.length; t++) {
            int node = 0;
            int depth = 0;
            while (feature[t][node] >= 0) {
                node = row[feature[t][node]] < split[t][node] ? left[t][node] : right[t][node];
                depth++;
            }
            total += depth + averagePathLength(size[t][node]);
        }
        return Math.pow(2, -(total / feature.length) / normaliser);
    }

    /** c(n): the average path length of an unsuccessful search in a binary search tree of n points. */
    static double averagePathLength(int n) {
        if (n <= 1) {
            return 0;
        }
        if (n == 2) {
            return 1;
        }
        double harmonic = Math.log(n - 1.0) + 0.5772156649;
        return 2 * harmonic - 2.0 * (n - 1) / n;
    }

    private static int[] sampleIndices(int n, int k, SplittableRandom random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return Arrays.copyOf(all, k);
    }

    /** Grows one tree into arrays; a leaf has feature -1 and the number of points that reached it. */
    private static final class Builder {
        int[] feature;
        double[] split;
        int[] left;
        int[] right;
        int[] size;
        int nodes;

        Builder(int capacity) {
            feature = new int[capacity];
            split = new double[capacity];
            left = new int[capacity];
            right = new int[capacity];
            size = new int[capacity];
        }

        int grow(double[][] rows, int[] idx, int from, int to, int depth, int maxDepth, SplittableRandom random) {
            int node = nodes++;
            int count = to - from;
            feature[node] = -1;
            size[node] = count;
            if (count <= 1 || depth >= maxDepth) {
                return node;
            }
            int width = rows[idx[from]].length;
            // Pick a feature that varies among these points (a few tries), then a split uniformly within its range.
            for (int attempt = 0; attempt < width; attempt++) {
                int f = random.nextInt(width);
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    double v = rows[idx[i]][f];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                if (hi <= lo) {
                    continue;
                }
                double s = lo + random.nextDouble() * (hi - lo);
                int mid = from;
                for (int i = from; i < to; i++) {
                    if (rows[idx[i]][f] < s) {
                        int tmp = idx[i];
                        idx[i] = idx[mid];
                        idx[mid] = tmp;
                        mid++;
                    }
                }
                if (mid == from || mid == to) {
                    continue;
                }
                feature[node] = f;
                split[node] = s;
                left[node] = grow(rows, idx, from, mid, depth + 1, maxDepth, random);
                right[node] = grow(rows, idx, mid, to, depth + 1, maxDepth, random);
                return node;
            }
            return node;
        }
    }
}
