package dev.switchboard.studio.engine.predict;

/**
 * What predicts the (volatility-scaled) log return some bars ahead from a feature row. The random walk predicts no
 * change; the learned model is gradient-boosted trees.
 */
public interface ReturnModel {

    /** The short name the CLI and the window use: {@code naive}, {@code gbm}. */
    String name();

    /** Whether the model reads the headline sentiment column. */
    default boolean usesSentiment() {
        return false;
    }

    /**
     * Trains on {@code x} (rows of features named {@code names}) and {@code y} (targets).
     *
     * @param seed fixes every random choice, so the same data gives the same model
     */
    Predictor train(double[][] x, double[] y, String[] names, long seed);

    /** A trained model. */
    @FunctionalInterface
    interface Predictor {
        double predict(double[] row);
    }

    /** The random walk: the best guess of the next price is the last one. */
    ReturnModel NAIVE = new ReturnModel() {
        @Override
        public String name() {
            return "naive";
        }

        @Override
        public Predictor train(double[][] x, double[] y, String[] names, long seed) {
            return row -> 0;
        }
    };
}
