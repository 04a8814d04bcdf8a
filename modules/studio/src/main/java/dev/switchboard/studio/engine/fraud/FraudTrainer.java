package dev.switchboard.studio.engine.fraud;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.switchboard.studio.model.fraud.FeatureWeight;
import dev.switchboard.studio.model.fraud.FraudMetrics;
import dev.switchboard.studio.model.fraud.FraudPattern;
import dev.switchboard.studio.model.fraud.ModelKind;
import dev.switchboard.studio.model.fraud.ModelProvenance;
import dev.switchboard.studio.model.fraud.TrainingSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * Trains a fraud model on a time-ordered split: the oldest rows train (every fraud row and a sample of the
 * legitimate ones: balanced sampling for the class imbalance), the next rows calibrate the probabilities (Platt
 * scaling, on the real fraud rate) and choose the threshold, the newest rows are held out and only evaluated. A
 * logistic regression is trained on the same rows as the baseline. The same spec and data give the same model.
 */
public final class FraudTrainer {

    /**
     * Tribuo's SGD trainers report progress through java.util.logging at INFO, thousands of lines per training; a
     * strong reference keeps the level set (the logging framework holds loggers weakly).
     */
    private static final java.util.logging.Logger SGD_LOG = quiet("org.tribuo.common.sgd");

    /** Trees score a batch at a time; this many rows per batch. */
    static final int BATCH = 4096;

    private final Clock clock;

    public FraudTrainer(Clock clock) {
        this.clock = clock;
    }

    /** A trained model with its record. */
    public record Result(FraudModel model, ModelProvenance provenance, Map<String, Double> phaseSeconds) {
    }

    public Result train(LabelledData data, TrainingSpec spec) {
        long started = System.nanoTime();
        int n = data.rows();
        int trainEnd = (int) (n * spec.trainShare());
        int calibrationEnd = (int) (n * (spec.trainShare() + spec.calibrationShare()));
        int[] trainRows = sample(data, 0, trainEnd, spec);
        int positives = 0;
        for (int i : trainRows) {
            positives += data.fraud()[i] ? 1 : 0;
        }
        if (positives < 5 || positives == trainRows.length) {
            throw new IllegalArgumentException("the training slice (oldest " + Math.round(spec.trainShare() * 100)
                    + " %) has " + positives + " fraud rows of " + trainRows.length
                    + "; both classes are needed, at least 5 fraud rows");
        }
        Map<String, Double> phases = new LinkedHashMap<>();
        long mark = System.nanoTime();
        MutableDataset<Label> dataset = dataset(data, trainRows);
        double[] usual = usualValues(data, trainRows);
        mark = phase(phases, "dataset", mark);
        FraudModel model = fit(spec.model(), spec, dataset, data.names(), usual);
        mark = phase(phases, "train", mark);
        Calibrated calibrated = calibrate(model, data, trainEnd, calibrationEnd, spec);
        mark = phase(phases, "calibrate", mark);
        FraudMetrics metrics = evaluate(calibrated.model, data, calibrationEnd, n, spec.model().code());
        mark = phase(phases, "evaluate", mark);
        FraudModel baselineModel = spec.model() == ModelKind.LOGISTIC_REGRESSION ? calibrated.model
                : calibrate(fit(ModelKind.LOGISTIC_REGRESSION, spec, dataset, data.names(), usual), data, trainEnd,
                        calibrationEnd, spec).model;
        FraudMetrics baseline = spec.model() == ModelKind.LOGISTIC_REGRESSION ? metrics
                : evaluate(baselineModel, data, calibrationEnd, n, ModelKind.LOGISTIC_REGRESSION.code());
        mark = phase(phases, "baseline", mark);
        Model<Label> tribuo = calibrated.model.tribuo();
        String tribuoProvenance = ProvenanceUtil.formattedProvenanceString(tribuo.getProvenance());
        String sha = scoresSha256(calibrated.model, data);
        List<FeatureWeight> importance = importance(tribuo);
        phase(phases, "provenance", mark);
        ModelProvenance provenance = new ModelProvenance(spec, clock.millis(), "Tribuo 4.3.2 " + trainerName(spec),
                tribuoProvenance, sha, metrics, baseline, importance, (System.nanoTime() - started) / 1e9);
        return new Result(calibrated.model, provenance, phases);
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private static long phase(Map<String, Double> phases, String name, long since) {
        long now = System.nanoTime();
        phases.put(name, (now - since) / 1e9);
        return now;
    }

    private static String trainerName(TrainingSpec spec) {
        return switch (spec.model()) {
            case RANDOM_FOREST -> "random forest of " + spec.trees() + " CART trees, depth " + spec.maxDepth();
            case GRADIENT_BOOSTED_TREES -> "XGBoost, " + spec.trees() + " trees of depth " + spec.maxDepth();
            case LOGISTIC_REGRESSION -> "logistic regression (SGD, standardised features)";
        };
    }

    private static FraudModel fit(ModelKind kind, TrainingSpec spec, MutableDataset<Label> dataset, String[] names,
                                  double[] usual) {
        Trainer<Label> trainer = switch (kind) {
            case RANDOM_FOREST -> new RandomForestTrainer<>(
                    new CARTClassificationTrainer(spec.maxDepth(), 0.5f, spec.seed()),
                    new FullyWeightedVotingCombiner(),
                    spec.trees(), spec.seed());
            case GRADIENT_BOOSTED_TREES -> new XGBoostClassificationTrainer(spec.trees(), 0.1, 0, spec.maxDepth(), 1,
                    0.8, 0.8, 1, 0, 1, true, spec.seed());
            case LOGISTIC_REGRESSION -> new TransformTrainer<>(new LogisticRegressionTrainer(),
                    new TransformationMap(List.of(new MeanStdDevTransformation())));
        };
        Model<Label> model = trainer.train(dataset);
        if (model instanceof XGBoostModel<Label> boosted) {
            // One native thread: under load OpenMP's spinning threads cost more than they give, and one thread
            // leaves the other core to the simulation.
            boosted.setNumThreads(1);
        }
        return new FraudModel(kind, model, names, 1, 0, 0.5, usual);
    }

    /** Every fraud row of [from, to) and a seeded sample of the legitimate ones. */
    private static int[] sample(LabelledData data, int from, int to, TrainingSpec spec) {
        int positives = 0;
        for (int i = from; i < to; i++) {
            positives += data.fraud()[i] ? 1 : 0;
        }
        int negatives = to - from - positives;
        double keep = negatives == 0 ? 1 : Math.min(1, (double) spec.negativesPerPositive() * Math.max(positives, 1)
                / negatives);
        SplittableRandom random = new SplittableRandom(spec.seed());
        int[] rows = new int[to - from];
        int size = 0;
        for (int i = from; i < to; i++) {
            if (data.fraud()[i] || random.nextDouble() < keep) {
                rows[size++] = i;
            }
        }
        return Arrays.copyOf(rows, size);
    }

    private static MutableDataset<Label> dataset(LabelledData data, int[] rows) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(data.source(),
                OffsetDateTime.parse("2000-01-01T00:00Z"), factory), factory);
        Label fraud = new Label(FraudModel.FRAUD);
        Label legit = new Label(FraudModel.LEGIT);
        for (int i : rows) {
            dataset.add(new ArrayExample<>(data.fraud()[i] ? fraud : legit, data.names(), data.row(i)));
        }
        return dataset;
    }

    /** Per feature, the median among the legitimate training rows. */
    private static double[] usualValues(LabelledData data, int[] rows) {
        int width = data.width();
        double[] usual = new double[width];
        int legit = 0;
        for (int i : rows) {
            legit += data.fraud()[i] ? 0 : 1;
        }
        float[] column = new float[legit];
        for (int k = 0; k < width; k++) {
            int m = 0;
            for (int i : rows) {
                if (!data.fraud()[i]) {
                    column[m++] = data.x()[i * width + k];
                }
            }
            Arrays.sort(column, 0, m);
            usual[k] = m == 0 ? 0 : column[m / 2];
        }
        return usual;
    }

    private record Calibrated(FraudModel model) {
    }

    /** Platt scaling on the calibration slice, then the threshold chosen there. */
    private static Calibrated calibrate(FraudModel model, LabelledData data, int from, int to, TrainingSpec spec) {
        int n = to - from;
        double[] raw = rawScores(model, data, from, to);
        boolean[] y = Arrays.copyOfRange(data.fraud(), from, to);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = FraudModel.logit(raw[i]);
        }
        double[] ab = platt(z, y);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = FraudModel.sigmoid(ab[0] * z[i] + ab[1]);
        }
        double threshold = spec.alertsPerThousand() > 0 ? budgetThreshold(p, spec.alertsPerThousand())
                : precisionThreshold(p, y, spec.targetPrecision());
        return new Calibrated(model.withCalibration(ab[0], ab[1], threshold));
    }

    private static double[] rawScores(FraudModel model, LabelledData data, int from, int to) {
        double[] out = new double[to - from];
        FraudModel uncalibrated = model.withCalibration(1, 0, model.threshold());
        for (int start = from; start < to; start += BATCH) {
            int count = Math.min(BATCH, to - start);
            double[] p = uncalibrated.probabilities(data.x(), start, count);
            System.arraycopy(p, 0, out, start - from, count);
        }
        return out;
    }

    /**
     * Fits p = sigmoid(a·z + b) by Newton's method with Platt's smoothed targets, so a score of 0.3 comes to mean
     * "30 % of such transactions are fraud" on the real fraud rate.
     */
    static double[] platt(double[] z, boolean[] y) {
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        int negatives = y.length - positives;
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double a = 1;
        double b = 0;
        double loss = plattLoss(z, y, a, b, hi, lo);
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < z.length; i++) {
                double p = FraudModel.sigmoid(a * z[i] + b);
                double d = p - (y[i] ? hi : lo);
                double w = p * (1 - p);
                ga += d * z[i];
                gb += d;
                haa += w * z[i] * z[i];
                hab += w * z[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-18) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            // Backtracking: a full Newton step can overshoot when the scores are nearly separable.
            double step = 1;
            double next = plattLoss(z, y, a - da, b - db, hi, lo);
            while (next > loss && step > 1e-6) {
                step /= 2;
                next = plattLoss(z, y, a - step * da, b - step * db, hi, lo);
            }
            if (next > loss) {
                break;
            }
            a -= step * da;
            b -= step * db;
            boolean converged = loss - next < 1e-10 * Math.max(1, loss);
            loss = next;
            if (converged) {
                break;
            }
        }
        return new double[] {a, b};
    }

    private static double plattLoss(double[] z, boolean[] y, double a, double b, double hi, double lo) {
        double loss = 0;
        for (int i = 0; i < z.length; i++) {
            double m = a * z[i] + b;
            double t = y[i] ? hi : lo;
            // log(1 + e^m) - t·m, computed without overflow.
            loss += (m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m))) - t * m;
        }
        return loss;
    }

    /** The lowest threshold whose precision reaches {@code target}; the best-F1 one when none does. */
    static double precisionThreshold(double[] p, boolean[] y, double target) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(p[j], p[i]));
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        int tp = 0;
        double best = Double.NaN;
        double bestF1 = -1;
        double bestF1Threshold = 0.5;
        for (int k = 0; k < order.length; k++) {
            tp += y[order[k]] ? 1 : 0;
            if (k + 1 < order.length && p[order[k + 1]] == p[order[k]]) {
                continue;
            }
            double precision = (double) tp / (k + 1);
            double recall = positives == 0 ? 0 : (double) tp / positives;
            if (precision >= target) {
                best = p[order[k]];
            }
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestF1Threshold = p[order[k]];
            }
        }
        return Double.isNaN(best) ? bestF1Threshold : best;
    }

    static double budgetThreshold(double[] p, double perThousand) {
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        int alerts = (int) Math.max(1, Math.round(p.length * perThousand / 1000));
        return sorted[Math.max(0, sorted.length - alerts)];
    }

    /** Metrics of a calibrated model on rows [from, to). */
    static FraudMetrics evaluate(FraudModel model, LabelledData data, int from, int to, String name) {
        double[] p = new double[to - from];
        for (int start = from; start < to; start += BATCH) {
            int count = Math.min(BATCH, to - start);
            System.arraycopy(model.probabilities(data.x(), start, count), 0, p, start - from, count);
        }
        boolean[] y = Arrays.copyOfRange(data.fraud(), from, to);
        int positives = 0;
        int alerts = 0;
        int tp = 0;
        Map<FraudPattern, int[]> byPattern = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            boolean alert = p[i] >= model.threshold();
            positives += y[i] ? 1 : 0;
            alerts += alert ? 1 : 0;
            tp += alert && y[i] ? 1 : 0;
            FraudPattern pattern = data.pattern(from + i);
            if (pattern != null && pattern != FraudPattern.NONE) {
                int[] counts = byPattern.computeIfAbsent(pattern, k -> new int[2]);
                counts[0]++;
                counts[1] += alert ? 1 : 0;
            }
        }
        if (positives == 0 || positives == p.length) {
            throw new IllegalArgumentException("the held-out slice (newest rows) has " + positives + " fraud rows of "
                    + p.length + "; both classes are needed to evaluate");
        }
        Map<String, Double> recallByPattern = new LinkedHashMap<>();
        byPattern.forEach((k, v) -> recallByPattern.put(k.name(), (double) v[1] / v[0]));
        return new FraudMetrics(name, p.length, positives, LabelEvaluationUtil.binaryAUCROC(y, p),
                LabelEvaluationUtil.averagedPrecision(y, p), model.threshold(), alerts == 0 ? 0 : (double) tp / alerts,
                (double) tp / positives, 1000.0 * alerts / p.length, recallByPattern);
    }

    private static List<FeatureWeight> importance(Model<Label> model) {
        Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(10);
        List<Pair<String, Double>> list = top.get(FraudModel.FRAUD);
        if (list == null) {
            list = top.get(Model.ALL_OUTPUTS);
        }
        if (list == null && !top.isEmpty()) {
            list = top.values().iterator().next();
        }
        List<FeatureWeight> out = new ArrayList<>();
        if (list != null) {
            for (Pair<String, Double> p : list) {
                out.add(new FeatureWeight(p.getA(), p.getB()));
            }
        }
        return out;
    }

    /** SHA-256 over the exact bits of the raw scores of the first rows (at most 5,000) of {@code data}. */
    static String scoresSha256(FraudModel model, LabelledData data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            int rows = Math.min(5000, data.rows());
            FraudModel raw = model.withCalibration(1, 0, model.threshold());
            double[] scores = raw.probabilities(data.x(), 0, rows);
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8 * rows);
            for (double s : scores) {
                bytes.putDouble(s);
            }
            digest.update(bytes.array());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
