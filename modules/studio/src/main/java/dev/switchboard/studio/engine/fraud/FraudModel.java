package dev.switchboard.studio.engine.fraud;

import dev.switchboard.studio.model.fraud.ModelKind;
import dev.switchboard.studio.model.fraud.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;

/**
 * A trained fraud model: the Tribuo classifier, its Platt calibration (raw score to probability, fitted on the
 * calibration slice), the alert threshold, and the usual feature values used to explain an alert. Scoring is
 * thread-safe; Tribuo models are immutable once trained.
 */
public final class FraudModel {

    static final String FRAUD = "fraud";
    static final String LEGIT = "legit";
    static final Label UNKNOWN = new Label("?");

    private final ModelKind kind;
    private final Model<Label> model;
    private final String[] names;
    private final double calibrationSlope;
    private final double calibrationIntercept;
    private final double threshold;
    private final double[] usual;
    private final Booster booster;
    private final int[] column;
    private final int columns;
    private final int fraudIndex;
    private final CompiledTrees trees;

    FraudModel(ModelKind kind, Model<Label> model, String[] names, double calibrationSlope,
               double calibrationIntercept, double threshold, double[] usual) {
        this.kind = kind;
        this.model = model;
        this.names = names.clone();
        this.calibrationSlope = calibrationSlope;
        this.calibrationIntercept = calibrationIntercept;
        this.threshold = threshold;
        this.usual = usual.clone();
        if (model instanceof XGBoostModel<Label> boosted && boosted.getInnerModels().size() == 1) {
            // Scores whole batches in one native call, without building a Tribuo example per row.
            this.booster = boosted.getInnerModels().get(0);
            ImmutableFeatureMap map = model.getFeatureIDMap();
            this.columns = map.size();
            this.column = new int[names.length];
            for (int k = 0; k < names.length; k++) {
                column[k] = map.get(names[k]) == null ? -1 : map.getID(names[k]);
            }
            this.fraudIndex = model.getOutputIDInfo().getID(new Label(FRAUD));
            this.trees = CompiledTrees.of(booster, model.getOutputIDInfo().size());
        } else {
            this.trees = null;
            this.booster = null;
            this.column = null;
            this.columns = 0;
            this.fraudIndex = -1;
        }
    }

    public ModelKind kind() {
        return kind;
    }

    /** The calibrated probability above which a transaction raises an alert. */
    public double threshold() {
        return threshold;
    }

    public String[] names() {
        return names.clone();
    }

    Model<Label> tribuo() {
        return model;
    }

    FraudModel withCalibration(double slope, double intercept, double newThreshold) {
        return new FraudModel(kind, model, names, slope, intercept, newThreshold, usual);
    }

    /** The calibrated fraud probability of one row of features. */
    public double probability(double[] row) {
        if (trees != null) {
            float[] dense = new float[columns];
            for (int k = 0; k < row.length; k++) {
                if (column[k] >= 0) {
                    dense[column[k]] = (float) row[k];
                }
            }
            return calibrate(trees.probability(dense, fraudIndex));
        }
        return calibrate(raw(row));
    }

    /**
     * The calibrated probabilities of {@code count} rows packed in {@code x} from row {@code from}, scored as one
     * batch (XGBoost scores a batch in one native call).
     */
    public double[] probabilities(float[] x, int from, int count) {
        if (booster != null) {
            return boosted(x, from, count);
        }
        List<Example<Label>> batch = new ArrayList<>(count);
        int width = names.length;
        for (int i = 0; i < count; i++) {
            double[] row = new double[width];
            int base = (from + i) * width;
            for (int k = 0; k < width; k++) {
                row[k] = x[base + k];
            }
            batch.add(new ArrayExample<>(UNKNOWN, names, row));
        }
        List<Prediction<Label>> predictions = model.predict(batch);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = calibrate(fraudScore(predictions.get(i)));
        }
        return out;
    }

    /** The same for rows as arrays. */
    public double[] probabilities(List<double[]> rows) {
        List<Example<Label>> batch = new ArrayList<>(rows.size());
        for (double[] row : rows) {
            batch.add(new ArrayExample<>(UNKNOWN, names, row));
        }
        List<Prediction<Label>> predictions = model.predict(batch);
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = calibrate(fraudScore(predictions.get(i)));
        }
        return out;
    }

    /**
     * Why {@code row} scored as it did: each feature in turn set back to its usual value among legitimate
     * transactions, the {@code limit} that lower the probability most.
     */
    public List<Reason> reasons(double[] row, int limit) {
        double base = probability(row);
        List<double[]> variants = new ArrayList<>();
        List<Integer> changed = new ArrayList<>();
        for (int k = 0; k < row.length; k++) {
            if (row[k] != usual[k] && !names[k].startsWith("hour_")) {
                double[] v = row.clone();
                v[k] = usual[k];
                variants.add(v);
                changed.add(k);
            }
        }
        if (variants.isEmpty()) {
            return List.of();
        }
        double[] scores = new double[variants.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = trees != null ? probability(variants.get(i)) : Double.NaN;
        }
        if (trees == null) {
            scores = probabilities(variants);
        }
        List<Reason> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            int k = changed.get(i);
            if (base - scores[i] > 0.005) {
                out.add(new Reason(names[k], row[k], usual[k], base - scores[i]));
            }
        }
        out.sort(Comparator.comparingDouble(Reason::scoreDrop).reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    private double[] boosted(float[] x, int from, int count) {
        int width = names.length;
        float[] dense = new float[columns];
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            int base = (from + i) * width;
            for (int k = 0; k < width; k++) {
                if (column[k] >= 0) {
                    dense[column[k]] = x[base + k];
                }
            }
            out[i] = calibrate(trees.probability(dense, fraudIndex));
        }
        return out;
    }

    /** XGBoost's own batch prediction, uncalibrated: what the compiled trees are checked against. */
    double[] nativeScores(float[] x, int from, int count) {
        int width = names.length;
        float[] dense = new float[count * columns];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < width; k++) {
                if (column[k] >= 0) {
                    dense[i * columns + column[k]] = x[(from + i) * width + k];
                }
            }
        }
        try {
            DMatrix matrix = new DMatrix(dense, count, columns, Float.NaN);
            try {
                float[][] predictions = booster.predict(matrix);
                double[] out = new double[count];
                for (int i = 0; i < count; i++) {
                    out[i] = predictions[i][fraudIndex];
                }
                return out;
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not score a batch", e);
        }
    }

    /** Whether batches are scored by the compiled trees (gradient-boosted models). */
    boolean compiled() {
        return trees != null;
    }

    double raw(double[] row) {
        return fraudScore(model.predict(new ArrayExample<>(UNKNOWN, names, row)));
    }

    double calibrate(double raw) {
        return sigmoid(calibrationSlope * logit(raw) + calibrationIntercept);
    }

    static double fraudScore(Prediction<Label> p) {
        Label fraud = p.getOutputScores().get(FRAUD);
        return fraud == null ? 0 : fraud.getScore();
    }

    static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return Math.log(q / (1 - q));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
