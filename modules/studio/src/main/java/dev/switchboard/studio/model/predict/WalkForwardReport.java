package dev.switchboard.studio.model.predict;

import java.util.List;

/**
 * A walk-forward evaluation: every model trained on the past only, retrained every {@code retrainEvery} bars,
 * forecasting {@code horizon} bars ahead from every origin after the warm-up.
 *
 * @param scores    one per model, the random walk first
 * @param forecasts every scored forecast of every model, in origin order
 * @param seconds   how long the evaluation took, wall time
 */
public record WalkForwardReport(String symbol, String bar, String source, int bars, int horizon, int warmUp,
                                int retrainEvery, List<ModelScore> scores, List<EvaluatedForecast> forecasts,
                                double seconds) {

    public WalkForwardReport {
        scores = List.copyOf(scores);
        forecasts = List.copyOf(forecasts);
    }

    /** The score of {@code model}, or null. */
    public ModelScore score(String model) {
        return scores.stream().filter(s -> s.model().equals(model)).findFirst().orElse(null);
    }
}
