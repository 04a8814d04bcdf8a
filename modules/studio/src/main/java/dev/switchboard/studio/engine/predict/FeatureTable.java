package dev.switchboard.studio.engine.predict;

import dev.switchboard.studio.model.predict.PriceSeries;

/**
 * The inputs of the learned forecaster, one row per bar: recent log returns, the indicators scaled by price, the
 * volatility, volume and hour of day, and optionally the headline sentiment. Row i is computed from bars 0..i (and
 * headlines published before bar i closed) only; the walk-forward look-ahead test holds this.
 */
public final class FeatureTable {

    /** RiskMetrics' decay for the exponentially weighted volatility. */
    static final double EWMA_LAMBDA = 0.94;

    private static final String[] BASE_NAMES = {"ret1", "ret3", "ret6", "ret12", "rsi", "macd_hist", "dist_sma20",
        "dist_ema50", "bollinger_b", "atr", "ewma_vol", "volume_ratio", "obv_flow", "hour_sin", "hour_cos"};

    private final String[] names;
    private final double[][] rows;
    private final double[] volatility;
    private final int firstUsable;

    private FeatureTable(String[] names, double[][] rows, double[] volatility, int firstUsable) {
        this.names = names;
        this.rows = rows;
        this.volatility = volatility;
        this.firstUsable = firstUsable;
    }

    /**
     * Builds the table.
     *
     * @param sentiment per-bar sentiment (see {@link Sentiment#perBar}), or null to leave it out
     */
    public static FeatureTable build(PriceSeries s, double[] sentiment) {
        int n = s.size();
        Indicators ind = Indicators.compute(s);
        double[] c = s.close();
        double[] v = s.volume();
        double[] vol = ewmaVolatility(c);
        String[] names = sentiment == null ? BASE_NAMES.clone() : append(BASE_NAMES, "sentiment");
        double[][] rows = new double[n][];
        double volumeSum48 = 0;
        double volumeSum12 = 0;
        for (int i = 0; i < n; i++) {
            volumeSum48 += v[i] - (i >= 48 ? v[i - 48] : 0);
            volumeSum12 += v[i] - (i >= 12 ? v[i - 12] : 0);
            double[] r = new double[names.length];
            r[0] = logReturn(c, i, 1);
            r[1] = logReturn(c, i, 3);
            r[2] = logReturn(c, i, 6);
            r[3] = logReturn(c, i, 12);
            r[4] = ind.rsi()[i] / 100 - 0.5;
            r[5] = ind.macdHistogram()[i] / c[i];
            r[6] = (c[i] - ind.sma20()[i]) / c[i];
            r[7] = (c[i] - ind.ema50()[i]) / c[i];
            double width = ind.bollingerUpper()[i] - ind.bollingerLower()[i];
            r[8] = width > 0 ? (c[i] - ind.bollingerLower()[i]) / width - 0.5 : 0;
            r[9] = ind.atr()[i] / c[i];
            r[10] = vol[i];
            double meanVolume = volumeSum48 / Math.min(i + 1, 48);
            r[11] = Math.log((v[i] + 1e-9) / (meanVolume + 1e-9));
            r[12] = i >= 12 ? (ind.obv()[i] - ind.obv()[i - 12]) / (volumeSum12 + 1e-9) : 0;
            double hour = (Math.floorMod(s.times()[i], 86_400L) + s.barSeconds()) / 3600.0;
            r[13] = Math.sin(2 * Math.PI * hour / 24);
            r[14] = Math.cos(2 * Math.PI * hour / 24);
            if (sentiment != null) {
                r[15] = sentiment[i];
            }
            for (int k = 0; k < r.length; k++) {
                if (!Double.isFinite(r[k])) {
                    r[k] = 0;
                }
            }
            rows[i] = r;
        }
        return new FeatureTable(names, rows, vol, Math.min(n, Math.max(Indicators.UNSTABLE, 48)));
    }

    /**
     * The exponentially weighted standard deviation of one-bar log returns known at each bar's close, seeded with
     * the first returns' variance and floored so a flat stretch never gives a zero-width band.
     */
    static double[] ewmaVolatility(double[] c) {
        int n = c.length;
        double[] out = new double[n];
        double seed = 0;
        int seedCount = Math.min(n - 1, 20);
        for (int i = 1; i <= seedCount; i++) {
            double r = Math.log(c[i] / c[i - 1]);
            seed += r * r;
        }
        double variance = seedCount > 0 ? seed / seedCount : 1e-8;
        out[0] = Math.sqrt(variance);
        for (int i = 1; i < n; i++) {
            double r = Math.log(c[i] / c[i - 1]);
            if (i > seedCount) {
                variance = EWMA_LAMBDA * variance + (1 - EWMA_LAMBDA) * r * r;
            }
            out[i] = Math.max(Math.sqrt(variance), 1e-5);
        }
        return out;
    }

    private static double logReturn(double[] c, int i, int lag) {
        return i >= lag ? Math.log(c[i] / c[i - lag]) : 0;
    }

    private static String[] append(String[] names, String extra) {
        String[] out = java.util.Arrays.copyOf(names, names.length + 1);
        out[names.length] = extra;
        return out;
    }

    public String[] names() {
        return names.clone();
    }

    int width() {
        return names.length;
    }

    /** The row of bar {@code i}; shared, not copied. */
    double[] row(int i) {
        return rows[i];
    }

    /** The volatility of one-bar log returns known at the close of bar {@code i}. */
    double volatility(int i) {
        return volatility[i];
    }

    /** The first bar whose indicators have settled. */
    public int firstUsable() {
        return firstUsable;
    }

    public int size() {
        return rows.length;
    }
}
