package dev.switchboard.studio.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.switchboard.studio.model.predict.PriceSeries;
import org.junit.jupiter.api.Test;

/** ta4j's indicators against values computed here by hand from their textbook definitions. */
class IndicatorsTest {

    /** A long, deterministic, wavy series: late values no longer depend on how each average was seeded. */
    private static final double[] CLOSE = new double[400];

    static {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        double p = 100;
        for (int i = 0; i < CLOSE.length; i++) {
            p *= 1 + 0.01 * Math.sin(i / 7.0) + 0.004 * random.nextGaussian();
            CLOSE[i] = Math.round(p * 100) / 100.0;
        }
    }

    static PriceSeries series() {
        int n = CLOSE.length;
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_000_000L + 60L * i;
            o[i] = i == 0 ? CLOSE[0] : CLOSE[i - 1];
            h[i] = Math.max(o[i], CLOSE[i]) + 0.25;
            l[i] = Math.min(o[i], CLOSE[i]) - 0.25;
            v[i] = 100 + i;
        }
        return new PriceSeries("T", 60, "hand", t, o, h, l, CLOSE.clone(), v);
    }

    /** An exponential average with factor {@code k}, seeded with the first value: late values forget the seed. */
    private static double[] ema(double[] x, double k) {
        double[] out = new double[x.length];
        out[0] = x[0];
        for (int i = 1; i < x.length; i++) {
            out[i] = out[i - 1] + k * (x[i] - out[i - 1]);
        }
        return out;
    }

    @Test
    void rsiIsWildersRatioOfAverageGainToLoss() {
        Indicators ind = Indicators.compute(series());
        int n = CLOSE.length;
        double[] gains = new double[n];
        double[] losses = new double[n];
        for (int i = 1; i < n; i++) {
            gains[i] = Math.max(CLOSE[i] - CLOSE[i - 1], 0);
            losses[i] = Math.max(CLOSE[i - 1] - CLOSE[i], 0);
        }
        double[] g = ema(gains, 1.0 / 14);
        double[] l = ema(losses, 1.0 / 14);
        for (int i = 300; i < n; i++) {
            assertThat(ind.rsi()[i]).as("RSI at %d", i).isCloseTo(100 - 100 / (1 + g[i] / l[i]), offset(1e-4));
        }
        for (int i = 0; i < 14; i++) {
            assertThat(ind.rsi()[i]).as("no RSI before 14 changes").isNaN();
        }
    }

    @Test
    void averagesMacdBollingerAndObvMatchTheirDefinitions() {
        PriceSeries s = series();
        Indicators ind = Indicators.compute(s);
        double[] e12 = ema(CLOSE, 2.0 / 13);
        double[] e26 = ema(CLOSE, 2.0 / 27);
        double[] macd = new double[CLOSE.length];
        for (int i = 0; i < macd.length; i++) {
            macd[i] = e12[i] - e26[i];
        }
        double[] signal = ema(macd, 2.0 / 10);
        double[] e20 = ema(CLOSE, 2.0 / 21);
        double[] e50 = ema(CLOSE, 2.0 / 51);
        for (int i = 350; i < CLOSE.length; i++) {
            assertThat(ind.ema20()[i]).as("EMA20 at %d", i).isCloseTo(e20[i], offset(1e-6));
            assertThat(ind.ema50()[i]).isCloseTo(e50[i], offset(1e-4));
            assertThat(ind.macd()[i]).as("MACD at %d", i).isCloseTo(macd[i], offset(1e-6));
            assertThat(ind.macdSignal()[i]).isCloseTo(signal[i], offset(1e-6));
            assertThat(ind.macdHistogram()[i]).isCloseTo(macd[i] - signal[i], offset(1e-6));
        }
        // An EMA of 20 bars starts at bar 20 with that bar's close (ta4j's seeding).
        assertThat(ind.ema20()[19]).isNaN();
        assertThat(ind.ema20()[20]).isEqualTo(CLOSE[20]);
        assertThat(ind.ema20()[21]).isCloseTo(CLOSE[20] + 2.0 / 21 * (CLOSE[21] - CLOSE[20]), offset(1e-12));
        for (int i = 60; i < CLOSE.length; i += 37) {
            double sum = 0;
            for (int k = i - 19; k <= i; k++) {
                sum += CLOSE[k];
            }
            double sma = sum / 20;
            double ss = 0;
            for (int k = i - 19; k <= i; k++) {
                ss += (CLOSE[k] - sma) * (CLOSE[k] - sma);
            }
            double sd = Math.sqrt(ss / 20);
            assertThat(ind.sma20()[i]).isCloseTo(sma, offset(1e-9));
            assertThat(ind.bollingerMiddle()[i]).isCloseTo(sma, offset(1e-9));
            assertThat(ind.bollingerUpper()[i]).isCloseTo(sma + 2 * sd, offset(1e-6));
            assertThat(ind.bollingerLower()[i]).isCloseTo(sma - 2 * sd, offset(1e-6));
            // On-balance volume: add the volume on an up close, subtract it on a down close.
            double obv = 0;
            for (int k = 1; k <= i; k++) {
                obv += CLOSE[k] > CLOSE[k - 1] ? s.volume()[k] : CLOSE[k] < CLOSE[k - 1] ? -s.volume()[k] : 0;
            }
            assertThat(ind.obv()[i]).isCloseTo(obv, offset(1e-9));
        }
        // ATR(14): Wilder's average of the true range, max(high - low, |high - prev close|, |low - prev close|).
        double[] tr = new double[CLOSE.length];
        for (int i = 1; i < tr.length; i++) {
            double hi = s.high()[i];
            double lo = s.low()[i];
            tr[i] = Math.max(hi - lo, Math.max(Math.abs(hi - CLOSE[i - 1]), Math.abs(lo - CLOSE[i - 1])));
        }
        double[] atr = ema(tr, 1.0 / 14);
        assertThat(ind.atr()[CLOSE.length - 1]).isCloseTo(atr[CLOSE.length - 1], offset(1e-4));
        for (int i = Indicators.UNSTABLE; i < CLOSE.length; i++) {
            for (double v : ind.toRow(i)) {
                assertThat(v).as("a value at %d after the unstable bars", i).isFinite();
            }
        }
    }

    @Test
    void tradesAggregateIntoBarsAndEmptyMinutesRepeatTheClose() {
        TradeAggregator bars = new TradeAggregator(60);
        bars.add(120, 10, 1);
        bars.add(150, 12, 2);
        bars.add(170, 9, 1);
        bars.add(300, 11, 5);
        PriceSeries s = bars.build("X", "test");
        assertThat(s.times()).containsExactly(120, 180, 240, 300);
        assertThat(s.open()).containsExactly(10, 9, 9, 11);
        assertThat(s.high()).containsExactly(12, 9, 9, 11);
        assertThat(s.low()).containsExactly(9, 9, 9, 11);
        assertThat(s.close()).containsExactly(9, 9, 9, 11);
        assertThat(s.volume()).containsExactly(4, 0, 0, 5);
    }

    @Test
    void theBundledBitcoinTradesBecomeBars() {
        PriceSeries five = BundledMarketData.btc(300);
        assertThat(five.times()[0]).isEqualTo(1_385_337_600L);
        assertThat(five.size()).isBetween(1900, 2000);
        assertThat(BundledMarketData.btc(60).size()).isBetween(9500, 9700);
        assertThat(BundledMarketData.eth().size()).isGreaterThan(500);
    }

    @Test
    void riskFiguresFollowFromTheCloses() {
        PriceSeries s = series();
        var r = RiskAnalysis.of(s);
        double peak = 0;
        double worst = 0;
        assertThat(s.size()).isEqualTo(CLOSE.length);
        for (double c : CLOSE) {
            peak = Math.max(peak, c);
            worst = Math.max(worst, (peak - c) / peak);
        }
        assertThat(r.maxDrawdown()).isCloseTo(worst, offset(1e-12));
        var weights = RiskAnalysis.riskParity(java.util.List.of(r, new dev.switchboard.studio.model.predict.RiskReport(
                "Y", "1m", 0, r.volatilityPerDay() * 2, 0, 0, 0)));
        assertThat(weights.get(0).weight()).isCloseTo(2.0 / 3, offset(1e-12));
        assertThat(Sentiment.score("Bitcoin soars to a record as adoption grows")).isPositive();
        assertThat(Sentiment.score("Exchange hacked, bitcoin plunges")).isNegative();
        assertThat(Sentiment.score("Bitcoin does not plunge")).isGreaterThan(Sentiment.score("Bitcoin plunges"));
    }
}
