package dev.switchboard.studio.engine.predict;

import dev.switchboard.studio.model.predict.PriceSeries;
import dev.switchboard.studio.model.predict.RiskParityWeight;
import dev.switchboard.studio.model.predict.RiskReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Volatility, value at risk and drawdown of one market, and a risk-parity split across several. Historical, not
 * parametric: VaR is read off the distribution of the series' own one-day returns.
 */
public final class RiskAnalysis {

    private RiskAnalysis() {
    }

    public static RiskReport of(PriceSeries s) {
        double[] c = s.close();
        if (c.length < 3) {
            throw new IllegalArgumentException("need at least 3 bars for risk figures, have " + c.length);
        }
        double[] r = new double[c.length - 1];
        for (int i = 1; i < c.length; i++) {
            r[i - 1] = Math.log(c[i] / c[i - 1]);
        }
        double perBar = stdev(r);
        double barsPerDay = 86_400.0 / s.barSeconds();
        // One-day losses: overlapping day-long windows of bars (or single bars for daily data).
        int window = (int) Math.max(1, Math.round(barsPerDay));
        double[] daily;
        if (window >= c.length) {
            daily = r.clone();
            for (int i = 0; i < daily.length; i++) {
                daily[i] *= Math.sqrt(barsPerDay);
            }
        } else {
            daily = new double[c.length - window];
            for (int i = window; i < c.length; i++) {
                daily[i - window] = Math.log(c[i] / c[i - window]);
            }
        }
        Arrays.sort(daily);
        return new RiskReport(s.symbol(), s.barLabel(), perBar, perBar * Math.sqrt(barsPerDay),
                -Math.expm1(quantile(daily, 0.05)), -Math.expm1(quantile(daily, 0.01)),
                StrategyBacktest.maxDrawdown(c));
    }

    /**
     * Naive risk parity: weights proportional to 1 / daily volatility, so each asset alone adds the same risk.
     * Correlations are left out on purpose: the imported series need not cover the same days.
     */
    public static List<RiskParityWeight> riskParity(List<RiskReport> assets) {
        double sum = 0;
        for (RiskReport a : assets) {
            sum += 1 / a.volatilityPerDay();
        }
        List<RiskParityWeight> out = new ArrayList<>();
        for (RiskReport a : assets) {
            out.add(new RiskParityWeight(a.symbol() + " " + a.bar(), a.volatilityPerDay(),
                    (1 / a.volatilityPerDay()) / sum));
        }
        return out;
    }

    static double stdev(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** Linear-interpolated quantile of sorted values. */
    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
