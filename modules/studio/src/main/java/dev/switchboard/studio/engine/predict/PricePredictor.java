package dev.switchboard.studio.engine.predict;

import dev.switchboard.studio.model.predict.Forecast;
import dev.switchboard.studio.model.predict.ForecastStep;
import dev.switchboard.studio.model.predict.PriceSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts the next bars after the end of a series: one fitted forecaster per step (a direct multi-step
 * forecast), each with its own calibrated 80 % and 95 % bands.
 */
public final class PricePredictor {

    private PricePredictor() {
    }

    /**
     * Forecasts steps 1..{@code horizon} after the last bar of {@code series}.
     *
     * @param sentiment per-bar sentiment for a model that uses it, or null
     */
    public static Forecast forecast(PriceSeries series, double[] sentiment, ReturnModel model, int horizon,
                                    long seed) {
        if (horizon < 1 || horizon > 500) {
            throw new IllegalArgumentException("horizon must be within 1..500, was " + horizon);
        }
        FeatureTable table = FeatureTable.build(series, model.usesSentiment() ? sentiment : null);
        int origin = series.size() - 1;
        Past past = new Past(series.close(), series.times(), table, origin);
        List<ForecastStep> steps = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            IntervalForecaster.Fitted fitted = new IntervalForecaster(model, h, seed).fit(past);
            steps.add(fitted.forecast(past, series.times()[origin] + (long) h * series.barSeconds()));
        }
        return new Forecast(model.name(), series.times()[origin], series.close()[origin], steps);
    }
}
