package dev.switchboard.studio.engine.predict;

import dev.switchboard.studio.model.predict.ForecastStep;
import java.util.Arrays;

/**
 * Turns a {@link ReturnModel} into price forecasts with 80 % and 95 % prediction intervals, fitted on the past
 * only. The model learns the log return {@code horizon} bars ahead divided by the current volatility; the most
 * recent part of the past is held back to calibrate the bands (split conformal prediction): the band half-widths
 * are the 80th and 95th percentiles of the model's scaled absolute errors there, so their coverage is measured
 * rather than assumed from a normal distribution.
 */
public final class IntervalForecaster {

    /** At most this many past rows train one model, the newest ones. */
    static final int WINDOW = 3000;
    /** Share of the past rows held back for calibration (at least {@link #MIN_CALIBRATION}). */
    static final double CALIBRATION_SHARE = 0.25;
    static final int MIN_CALIBRATION = 40;
    static final int MIN_TRAIN = 60;

    private final ReturnModel model;
    private final int horizon;
    private final long seed;

    public IntervalForecaster(ReturnModel model, int horizon, long seed) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1");
        }
        this.model = model;
        this.horizon = horizon;
        this.seed = seed;
    }

    /** The fewest bars after the indicators settle that a fit needs. */
    public static int minimumPast(int horizon) {
        return horizon + MIN_TRAIN + MIN_CALIBRATION;
    }

    /**
     * Fits on what is known at {@code past.origin()}: rows whose target (the close {@code horizon} bars later) is
     * itself known, i.e. rows up to {@code origin - horizon}.
     */
    public Fitted fit(Past past) {
        int last = past.origin() - horizon;
        int first = Math.max(past.firstUsable(), last - WINDOW + 1);
        int rows = last - first + 1;
        if (rows < MIN_TRAIN + MIN_CALIBRATION) {
            throw new IllegalArgumentException("too little history to fit: " + Math.max(rows, 0) + " rows, need "
                    + (MIN_TRAIN + MIN_CALIBRATION));
        }
        int calibration = Math.max(MIN_CALIBRATION, (int) Math.round(rows * CALIBRATION_SHARE));
        int trainRows = rows - calibration;
        double sqrtH = Math.sqrt(horizon);
        double[][] x = new double[trainRows][];
        double[] y = new double[trainRows];
        for (int k = 0; k < trainRows; k++) {
            int i = first + k;
            x[k] = past.features(i);
            y[k] = scaledTarget(past, i, sqrtH);
        }
        ReturnModel.Predictor predictor = model.train(x, y, past.featureNames(), seed);
        double[] errors = new double[calibration];
        for (int k = 0; k < calibration; k++) {
            int i = first + trainRows + k;
            errors[k] = Math.abs(scaledTarget(past, i, sqrtH) - predictor.predict(past.features(i)));
        }
        Arrays.sort(errors);
        return new Fitted(model.name(), horizon, predictor, conformalQuantile(errors, 0.80),
                conformalQuantile(errors, 0.95));
    }

    private double scaledTarget(Past past, int i, double sqrtH) {
        return Math.log(past.close(i + horizon) / past.close(i)) / (past.volatility(i) * sqrtH);
    }

    /**
     * The split-conformal quantile: the ⌈(m+1)p⌉-th smallest of m sorted scores, which covers a new exchangeable
     * score with probability at least p.
     */
    static double conformalQuantile(double[] sorted, double p) {
        int m = sorted.length;
        int k = (int) Math.ceil((m + 1) * p) - 1;
        return sorted[Math.min(Math.max(k, 0), m - 1)];
    }

    /** A fitted forecaster: forecasts from any origin at or after the one it was fitted at. */
    public record Fitted(String model, int horizon, ReturnModel.Predictor predictor, double q80, double q95) {

        /** The forecast made at the close of {@code past.origin()}. */
        public ForecastStep forecast(Past past, long targetTime) {
            int t = past.origin();
            double sigma = past.volatility(t) * Math.sqrt(horizon);
            double mu = predictor.predict(past.features(t)) * sigma;
            double c = past.close(t);
            return new ForecastStep(horizon, targetTime, c * Math.exp(mu), c * Math.exp(mu - q80 * sigma),
                    c * Math.exp(mu + q80 * sigma), c * Math.exp(mu - q95 * sigma), c * Math.exp(mu + q95 * sigma));
        }
    }
}
