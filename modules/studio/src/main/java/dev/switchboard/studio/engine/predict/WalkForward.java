package dev.switchboard.studio.engine.predict;

import dev.switchboard.studio.model.predict.EvaluatedForecast;
import dev.switchboard.studio.model.predict.ForecastStep;
import dev.switchboard.studio.model.predict.ModelScore;
import dev.switchboard.studio.model.predict.PriceSeries;
import dev.switchboard.studio.model.predict.WalkForwardReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Walk-forward evaluation: from every origin after the warm-up, each model forecasts the close {@code horizon}
 * bars ahead using only what was known at the origin's close ({@link Past} refuses anything later), is retrained
 * every {@code retrainEvery} bars on the past, and is scored against the price that came. The random walk is
 * always evaluated on the same origins, so every model is compared with it.
 */
public final class WalkForward {

    /** How an evaluation runs. */
    public record Settings(int horizon, int warmUp, int retrainEvery, long seed) {

        public Settings {
            if (horizon < 1 || retrainEvery < 1 || warmUp < 0) {
                throw new IllegalArgumentException("horizon and retrainEvery must be at least 1, warmUp at least 0");
            }
        }

        /** A quarter of the series (at least what a fit needs) as warm-up, a retrain every 144 bars. */
        public static Settings defaults(PriceSeries series, int horizon) {
            int need = Indicators.UNSTABLE + IntervalForecaster.minimumPast(horizon) + horizon;
            return new Settings(horizon, Math.max(need, series.size() / 4), 144, 42);
        }
    }

    private WalkForward() {
    }

    /**
     * Evaluates {@code models} (the random walk is added first when missing).
     *
     * @param sentiment per-bar sentiment for models that use it, or null
     */
    public static WalkForwardReport run(PriceSeries series, double[] sentiment, List<ReturnModel> models,
                                        Settings settings) {
        Objects.requireNonNull(series, "series");
        long started = System.nanoTime();
        List<ReturnModel> all = new ArrayList<>();
        all.add(ReturnModel.NAIVE);
        models.stream().filter(m -> !m.name().equals(ReturnModel.NAIVE.name())).forEach(all::add);
        FeatureTable plain = FeatureTable.build(series, null);
        FeatureTable withSentiment = all.stream().anyMatch(ReturnModel::usesSentiment) && sentiment != null
                ? FeatureTable.build(series, sentiment) : plain;
        int h = settings.horizon();
        int n = series.size();
        int firstOrigin = Math.max(settings.warmUp(),
                plain.firstUsable() + IntervalForecaster.minimumPast(h) + h);
        if (firstOrigin > n - 1 - h) {
            throw new IllegalArgumentException("the series is too short for a walk-forward evaluation: " + n
                    + " bars, need more than " + (firstOrigin + h + 1));
        }
        List<List<EvaluatedForecast>> perModel = new ArrayList<>();
        for (ReturnModel model : all) {
            FeatureTable table = model.usesSentiment() ? withSentiment : plain;
            perModel.add(evaluate(series, table, model, settings, firstOrigin));
        }
        List<ModelScore> scores = new ArrayList<>();
        List<EvaluatedForecast> baseline = perModel.get(0);
        for (int m = 0; m < all.size(); m++) {
            scores.add(score(all.get(m).name(), perModel.get(m), baseline, m == 0, h));
        }
        List<EvaluatedForecast> flat = new ArrayList<>();
        for (int k = 0; k < baseline.size(); k++) {
            for (List<EvaluatedForecast> list : perModel) {
                flat.add(list.get(k));
            }
        }
        return new WalkForwardReport(series.symbol(), series.barLabel(), series.source(), n, h, firstOrigin,
                settings.retrainEvery(), scores, flat, (System.nanoTime() - started) / 1e9);
    }

    private static List<EvaluatedForecast> evaluate(PriceSeries series, FeatureTable table, ReturnModel model,
                                                    Settings settings, int firstOrigin) {
        int h = settings.horizon();
        double[] close = series.close();
        long[] times = series.times();
        IntervalForecaster forecaster = new IntervalForecaster(model, h, settings.seed());
        List<EvaluatedForecast> out = new ArrayList<>();
        IntervalForecaster.Fitted fitted = null;
        int fittedAt = Integer.MIN_VALUE;
        for (int t = firstOrigin; t + h < series.size(); t++) {
            Past past = new Past(close, times, table, t);
            if (fitted == null || t - fittedAt >= settings.retrainEvery()) {
                fitted = forecaster.fit(past);
                fittedAt = t;
            }
            ForecastStep f = fitted.forecast(past, times[t + h]);
            out.add(new EvaluatedForecast(model.name(), times[t], times[t + h], close[t], close[t + h], f.central(),
                    f.lo80(), f.hi80(), f.lo95(), f.hi95()));
        }
        return out;
    }

    /** Scores {@code forecasts} against the random walk's on the same origins. */
    static ModelScore score(String model, List<EvaluatedForecast> forecasts, List<EvaluatedForecast> baseline,
                            boolean isBaseline, int horizon) {
        int n = forecasts.size();
        double abs = 0;
        double sq = 0;
        double baseAbs = 0;
        double baseSq = 0;
        int in80 = 0;
        int in95 = 0;
        int calls = 0;
        int right = 0;
        double[] lossDifference = new double[n];
        for (int k = 0; k < n; k++) {
            EvaluatedForecast f = forecasts.get(k);
            EvaluatedForecast b = baseline.get(k);
            double e = f.actual() - f.central();
            double eb = b.actual() - b.central();
            abs += Math.abs(e);
            sq += e * e;
            baseAbs += Math.abs(eb);
            baseSq += eb * eb;
            lossDifference[k] = e * e - eb * eb;
            in80 += f.inside80() ? 1 : 0;
            in95 += f.inside95() ? 1 : 0;
            double predicted = f.central() - f.lastClose();
            double moved = f.actual() - f.lastClose();
            if (predicted != 0 && moved != 0) {
                calls++;
                right += Math.signum(predicted) == Math.signum(moved) ? 1 : 0;
            }
        }
        double mae = abs / n;
        double rmse = Math.sqrt(sq / n);
        return new ModelScore(model, n, mae, rmse, mae / (baseAbs / n), rmse / Math.sqrt(baseSq / n),
                calls == 0 ? Double.NaN : (double) right / calls, (double) in80 / n, (double) in95 / n,
                isBaseline ? Double.NaN : dieboldMariano(lossDifference, horizon));
    }

    /**
     * The Diebold–Mariano statistic of a loss-difference series, with a Newey–West variance over {@code h - 1}
     * lags (forecasts {@code h} bars ahead overlap). Negative means the model's losses are lower.
     */
    static double dieboldMariano(double[] d, int h) {
        int n = d.length;
        double mean = 0;
        for (double x : d) {
            mean += x;
        }
        mean /= n;
        double variance = autocovariance(d, mean, 0);
        for (int lag = 1; lag < h && lag < n; lag++) {
            variance += 2 * (1 - (double) lag / h) * autocovariance(d, mean, lag);
        }
        if (variance <= 0) {
            return 0;
        }
        return mean / Math.sqrt(variance / n);
    }

    private static double autocovariance(double[] d, double mean, int lag) {
        double sum = 0;
        for (int i = lag; i < d.length; i++) {
            sum += (d[i] - mean) * (d[i - lag] - mean);
        }
        return sum / d.length;
    }
}
