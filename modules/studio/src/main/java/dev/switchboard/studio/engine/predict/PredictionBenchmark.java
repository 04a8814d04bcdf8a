package dev.switchboard.studio.engine.predict;

import dev.switchboard.studio.model.predict.ModelScore;
import dev.switchboard.studio.model.predict.PriceSeries;
import dev.switchboard.studio.model.predict.WalkForwardReport;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The prediction figures of the README: indicators over 100,000 bars (a simulated random walk: the bundled data has
 * about 10,000 one-minute bars) and the walk-forward backtest over the bundled BTC bars (real data), with
 * min/median/max over runs and the load average.
 */
public final class PredictionBenchmark {

    private PredictionBenchmark() {
    }

    /** Runs both, {@code runs} times each, and describes the figures. */
    public static String run(int bars, int runs) {
        StringBuilder out = new StringBuilder();
        PriceSeries walk = randomWalk(bars, 42);
        Indicators.compute(walk);
        double[] indicatorSeconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            Indicators.compute(walk);
            indicatorSeconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        out.append(String.format(Locale.ROOT, "indicators (RSI, MACD+signal+histogram, SMA, 2 EMA, Bollinger, ATR,"
                + " OBV) over %,d bars of a simulated random walk: %s s%n", bars, minMedMax(indicatorSeconds)));
        PriceSeries btc = BundledMarketData.btc(300);
        double[] backtestSeconds = new double[runs];
        WalkForwardReport last = null;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            last = WalkForward.run(btc, null, List.of(BoostedReturnModel.standard(false)),
                    WalkForward.Settings.defaults(btc, 1));
            backtestSeconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        out.append(String.format(Locale.ROOT, "walk-forward backtest, bundled BTC-USD 5m (real Bitstamp trades,"
                + " %d bars,"
                + " %d forecasts per model, retrain every %d bars, naive + gbm): %s s%n", btc.size(),
                last.score("naive").forecasts(), last.retrainEvery(), minMedMax(backtestSeconds)));
        for (ModelScore s : last.scores()) {
            out.append(String.format(Locale.ROOT, "  %-6s MAE %.3f  RMSE %.3f  MAE/RW %.3f  direction %s"
                    + "  coverage80 %.3f"
                    + "  coverage95 %.3f%n", s.model(), s.mae(), s.rmse(), s.maeRatio(),
                    Double.isNaN(s.directionAccuracy()) ? "n/a" : String.format(Locale.ROOT, "%.3f",
                            s.directionAccuracy()), s.coverage80(), s.coverage95()));
        }
        out.append(loadAverage());
        return out.toString();
    }

    static PriceSeries randomWalk(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double price = 1000;
        for (int i = 0; i < n; i++) {
            t[i] = 1_600_000_000L + 60L * i;
            o[i] = price;
            price *= Math.exp(random.nextGaussian() * 0.002);
            c[i] = price;
            h[i] = Math.max(o[i], c[i]) * (1 + random.nextDouble() * 0.001);
            l[i] = Math.min(o[i], c[i]) * (1 - random.nextDouble() * 0.001);
            v[i] = random.nextDouble() * 5;
        }
        return new PriceSeries("SIM", 60, "simulated random walk", t, o, h, l, c, v);
    }

    /** {@code min / median / max} of {@code values}. */
    public static String minMedMax(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f (min / median / max of %d)", s[0], s[s.length / 2],
                s[s.length - 1], s.length);
    }

    /** The one-minute load average, as the README asks each figure to carry. */
    public static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "load average %.2f on %d cores%n", load,
                Runtime.getRuntime().availableProcessors());
    }
}
