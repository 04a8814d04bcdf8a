package dev.switchboard.studio.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.studio.model.predict.EvaluatedForecast;
import dev.switchboard.studio.model.predict.ModelScore;
import dev.switchboard.studio.model.predict.PriceSeries;
import dev.switchboard.studio.model.predict.WalkForwardReport;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WalkForwardTest {

    /** A small, cheap learned model so the tests stay fast. */
    private static final ReturnModel SMALL_GBM = new BoostedReturnModel("gbm", false, 8, 2);

    static PriceSeries randomWalk(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double price = 100;
        for (int i = 0; i < n; i++) {
            t[i] = 1_700_000_000L + i * 300L;
            o[i] = price;
            price *= Math.exp(random.nextGaussian() * 0.004);
            c[i] = price;
            h[i] = Math.max(o[i], c[i]) * 1.001;
            l[i] = Math.min(o[i], c[i]) * 0.999;
            v[i] = 1 + random.nextDouble() * 10;
        }
        return new PriceSeries("TEST", 300, "simulated random walk", t, o, h, l, c, v);
    }

    /** The same series with every bar from {@code from} on replaced by another path. */
    static PriceSeries changedFrom(PriceSeries s, int from, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] o = s.open().clone();
        double[] h = s.high().clone();
        double[] l = s.low().clone();
        double[] c = s.close().clone();
        double[] v = s.volume().clone();
        for (int i = from; i < s.size(); i++) {
            double factor = Math.exp(random.nextGaussian() * 0.05);
            o[i] *= factor;
            h[i] *= factor * 1.01;
            l[i] *= factor * 0.99;
            c[i] *= factor;
            v[i] *= 3;
        }
        return new PriceSeries(s.symbol(), s.barSeconds(), s.source(), s.times(), o, h, l, c, v);
    }

    @Test
    void noForecastChangesWhenOnlyTheFutureChanges() {
        PriceSeries series = randomWalk(700, 1);
        WalkForward.Settings settings = new WalkForward.Settings(3, 300, 50, 7);
        WalkForwardReport before = WalkForward.run(series, null, List.of(SMALL_GBM), settings);
        // Just after a retrain (350 = 300 + 50) and between retrains: a leak of the target, of the features or
        // of the training window into the model would change a forecast made at an origin before the change.
        for (int changeAt : new int[] {351, 377, 402}) {
            WalkForwardReport after = WalkForward.run(changedFrom(series, changeAt, changeAt), null,
                    List.of(SMALL_GBM), settings);
            long origin = series.times()[changeAt - 1];
            List<EvaluatedForecast> known = before.forecasts().stream().filter(f -> f.originTime() <= origin)
                    .toList();
            List<EvaluatedForecast> again = after.forecasts().stream().filter(f -> f.originTime() <= origin)
                    .toList();
            assertThat(known).isNotEmpty();
            for (int k = 0; k < known.size(); k++) {
                EvaluatedForecast a = known.get(k);
                EvaluatedForecast b = again.get(k);
                assertThat(b.central()).as("%s at origin %d, future changed from bar %d", a.model(), a.originTime(),
                        changeAt).isEqualTo(a.central());
                assertThat(b.lo95()).isEqualTo(a.lo95());
                assertThat(b.hi80()).isEqualTo(a.hi80());
            }
            // The check itself can fail: forecasts after the change do differ.
            assertThat(after.forecasts().get(after.forecasts().size() - 1).central())
                    .isNotEqualTo(before.forecasts().get(before.forecasts().size() - 1).central());
        }
    }

    @Test
    void theProbeCatchesAModelThatReadsTheFuture() {
        PriceSeries series = randomWalk(500, 2);
        // A model that cheats by remembering the whole series: it "predicts" the true future return.
        PriceSeries[] truth = {series};
        ReturnModel cheat = new ReturnModel() {
            @Override
            public String name() {
                return "cheat";
            }

            @Override
            public Predictor train(double[][] x, double[] y, String[] names, long seed) {
                return row -> {
                    double[] c = truth[0].close();
                    for (int i = 0; i + 1 < c.length; i++) {
                        if (Math.log(c[i] / (i > 0 ? c[i - 1] : c[i])) == row[0]) {
                            return Math.log(c[i + 1] / c[i]) * 100;
                        }
                    }
                    return 0;
                };
            }
        };
        WalkForward.Settings settings = new WalkForward.Settings(1, 300, 50, 7);
        WalkForwardReport before = WalkForward.run(series, null, List.of(cheat), settings);
        truth[0] = changedFrom(series, 321, 9);
        WalkForwardReport after = WalkForward.run(truth[0], null, List.of(cheat), settings);
        long origin = series.times()[320];
        boolean differs = false;
        for (int k = 0; k < before.forecasts().size(); k++) {
            EvaluatedForecast a = before.forecasts().get(k);
            if (a.originTime() <= origin && a.central() != after.forecasts().get(k).central()) {
                differs = true;
            }
        }
        assertThat(differs).as("the future-reading model is caught").isTrue();
    }

    @Test
    void pastRefusesToReadBeyondTheOrigin() {
        PriceSeries series = randomWalk(200, 3);
        Past past = new Past(series.close(), series.times(), FeatureTable.build(series, null), 120);
        assertThat(past.close(120)).isEqualTo(series.close()[120]);
        assertThatThrownBy(() -> past.close(121)).hasMessageContaining("look-ahead");
        assertThatThrownBy(() -> past.features(150)).hasMessageContaining("look-ahead");
    }

    @Test
    void coverageAndErrorsAreComputedAsDefined() {
        List<EvaluatedForecast> model = new ArrayList<>();
        List<EvaluatedForecast> walk = new ArrayList<>();
        // actual, central; bands: 80 % = central ± 1, 95 % = central ± 2.
        double[][] cases = {{10, 10}, {10, 10.5}, {10, 11.5}, {10, 12.5}};
        for (double[] c : cases) {
            model.add(new EvaluatedForecast("m", 0, 1, 9, c[0], c[1], c[1] - 1, c[1] + 1, c[1] - 2, c[1] + 2));
            walk.add(new EvaluatedForecast("naive", 0, 1, 9, c[0], 9, 8, 10, 7, 11));
        }
        ModelScore s = WalkForward.score("m", model, walk, false, 1);
        assertThat(s.coverage80()).isEqualTo(0.5);
        assertThat(s.coverage95()).isEqualTo(0.75);
        assertThat(s.mae()).isEqualTo((0 + 0.5 + 1.5 + 2.5) / 4);
        assertThat(s.rmse()).isCloseTo(Math.sqrt((0 + 0.25 + 2.25 + 6.25) / 4),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.maeRatio()).isEqualTo(s.mae() / 1.0);
        // The model predicted up (central > 9) every time and the price went up every time.
        assertThat(s.directionAccuracy()).isEqualTo(1.0);
        ModelScore baseline = WalkForward.score("naive", walk, walk, true, 1);
        assertThat(baseline.coverage80()).isEqualTo(1.0);
        assertThat(baseline.verdict()).isEqualTo(ModelScore.Verdict.BASELINE);
    }

    @Test
    void onARandomWalkTheBandsCoverAboutAsPromised() {
        WalkForwardReport r = WalkForward.run(randomWalk(1500, 4), null, List.of(), new WalkForward.Settings(1, 400,
                100, 1));
        ModelScore naive = r.score("naive");
        assertThat(naive.forecasts()).isEqualTo(1500 - 400 - 1);
        assertThat(naive.coverage80()).isBetween(0.74, 0.86);
        assertThat(naive.coverage95()).isBetween(0.91, 0.985);
    }

    @Test
    void aModelThatCannotBeatARandomWalkIsSaidNotTo() {
        WalkForwardReport r = WalkForward.run(randomWalk(900, 5), null, List.of(SMALL_GBM),
                new WalkForward.Settings(1, 400, 100, 1));
        assertThat(r.score("gbm").verdict()).isIn(ModelScore.Verdict.DOES_NOT_BEAT,
                ModelScore.Verdict.NOT_SIGNIFICANT);
    }
}
