package dev.switchboard.studio.engine.fraud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * An XGBoost model's trees copied into flat arrays, so the live stream scores a transaction in about a
 * microsecond on the Java side instead of building a native matrix per batch. It reads XGBoost's own JSON dump of
 * the trees and computes exactly what XGBoost does for {@code multi:softprob}: per class the sum of its trees'
 * leaves, then a softmax. A test holds it equal to XGBoost's predictions. Thread-safe.
 */
final class CompiledTrees {

    private final int classes;
    private final int[] treeStart;
    private final int[] feature;
    private final float[] threshold;
    private final int[] yes;
    private final int[] no;
    private final int[] missing;
    private final float[] leaf;

    private CompiledTrees(int classes, int[] treeStart, int[] feature, float[] threshold, int[] yes, int[] no,
                          int[] missing, float[] leaf) {
        this.classes = classes;
        this.treeStart = treeStart;
        this.feature = feature;
        this.threshold = threshold;
        this.yes = yes;
        this.no = no;
        this.missing = missing;
        this.leaf = leaf;
    }

    /** Compiles {@code booster}, a {@code multi:softprob} model of {@code classes} classes. */
    static CompiledTrees of(Booster booster, int classes) {
        try {
            String[] dump = booster.getModelDump((String) null, false, "json");
            ObjectMapper json = new ObjectMapper();
            int[] starts = new int[dump.length + 1];
            Builder b = new Builder();
            for (int t = 0; t < dump.length; t++) {
                starts[t] = b.size;
                JsonNode root = json.readTree(dump[t]);
                int nodes = count(root);
                b.reserve(nodes);
                b.add(root, starts[t]);
            }
            starts[dump.length] = b.size;
            return new CompiledTrees(classes, starts, Arrays.copyOf(b.feature, b.size),
                    Arrays.copyOf(b.threshold, b.size), Arrays.copyOf(b.yes, b.size), Arrays.copyOf(b.no, b.size),
                    Arrays.copyOf(b.missing, b.size), Arrays.copyOf(b.leaf, b.size));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not dump its trees", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The probability of class {@code target} for a dense row indexed as XGBoost's features. */
    double probability(float[] row, int target) {
        double[] margin = new double[classes];
        int trees = treeStart.length - 1;
        for (int t = 0; t < trees; t++) {
            int node = treeStart[t];
            while (feature[node] >= 0) {
                float v = row[feature[node]];
                node = Float.isNaN(v) ? missing[node] : v < threshold[node] ? yes[node] : no[node];
            }
            margin[t % classes] += leaf[node];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double m : margin) {
            max = Math.max(max, m);
        }
        double sum = 0;
        for (double m : margin) {
            sum += Math.exp(m - max);
        }
        return Math.exp(margin[target] - max) / sum;
    }

    private static int count(JsonNode node) {
        int n = 1;
        JsonNode children = node.get("children");
        if (children != null) {
            for (JsonNode child : children) {
                n += count(child);
            }
        }
        return n;
    }

    /** Nodes are stored at {@code treeBase + nodeid}; XGBoost numbers a tree's nodes 0..n-1. */
    private static final class Builder {
        int[] feature = new int[1024];
        float[] threshold = new float[1024];
        int[] yes = new int[1024];
        int[] no = new int[1024];
        int[] missing = new int[1024];
        float[] leaf = new float[1024];
        int size;

        void reserve(int nodes) {
            int need = size + nodes;
            if (need > feature.length) {
                int n = Math.max(need, feature.length * 2);
                feature = Arrays.copyOf(feature, n);
                threshold = Arrays.copyOf(threshold, n);
                yes = Arrays.copyOf(yes, n);
                no = Arrays.copyOf(no, n);
                missing = Arrays.copyOf(missing, n);
                leaf = Arrays.copyOf(leaf, n);
            }
        }

        void add(JsonNode node, int base) {
            int at = base + node.get("nodeid").asInt();
            size = Math.max(size, at + 1);
            if (node.has("leaf")) {
                feature[at] = -1;
                leaf[at] = (float) node.get("leaf").asDouble();
                return;
            }
            String split = node.get("split").asText();
            feature[at] = Integer.parseInt(split.substring(1));
            threshold[at] = (float) node.get("split_condition").asDouble();
            yes[at] = base + node.get("yes").asInt();
            no[at] = base + node.get("no").asInt();
            missing[at] = base + node.get("missing").asInt();
            for (JsonNode child : node.get("children")) {
                add(child, base);
            }
        }
    }
}
