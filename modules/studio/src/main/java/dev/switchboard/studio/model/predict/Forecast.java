package dev.switchboard.studio.model.predict;

import java.util.List;
import java.util.Objects;

/**
 * A forecast of the next bars made at the close of the origin bar, with what the model is and what it knew.
 *
 * @param model      the model's short name ({@code naive}, {@code gbm})
 * @param originTime the start of the last bar the model saw, epoch seconds
 * @param lastClose  that bar's close
 */
public record Forecast(String model, long originTime, double lastClose, List<ForecastStep> steps) {

    public Forecast {
        Objects.requireNonNull(model, "model");
        steps = List.copyOf(steps);
    }
}
