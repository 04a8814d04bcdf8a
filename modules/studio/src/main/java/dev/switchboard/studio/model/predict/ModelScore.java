package dev.switchboard.studio.model.predict;

/**
 * How one model did in a walk-forward evaluation, against the random walk evaluated on exactly the same origins.
 *
 * @param forecasts          how many forecasts were scored
 * @param mae                mean absolute error of the central forecast, in price units
 * @param rmse               root mean squared error, in price units
 * @param maeRatio           {@code mae} divided by the random walk's (below 1 is better than the random walk)
 * @param rmseRatio          the same for RMSE
 * @param directionAccuracy  share of forecasts whose predicted direction was right, among those that predicted a
 *                           move and where the price moved; NaN for a model that never predicts a move
 * @param coverage80         share of actual prices inside the 80 % band (calibrated: close to 0.80)
 * @param coverage95         share of actual prices inside the 95 % band (calibrated: close to 0.95)
 * @param dieboldMariano     Diebold–Mariano statistic on squared errors against the random walk: below about -2
 *                           the model is significantly better, above about 2 significantly worse; NaN for the
 *                           random walk itself
 */
public record ModelScore(String model, int forecasts, double mae, double rmse, double maeRatio, double rmseRatio,
                         double directionAccuracy, double coverage80, double coverage95, double dieboldMariano) {

    /** The verdict the window and the CLI print. */
    public Verdict verdict() {
        if (Double.isNaN(dieboldMariano)) {
            return Verdict.BASELINE;
        }
        if (maeRatio < 1 && rmseRatio < 1) {
            return dieboldMariano < -1.96 ? Verdict.BEATS : Verdict.NOT_SIGNIFICANT;
        }
        return Verdict.DOES_NOT_BEAT;
    }

    /** Whether a model beat the random walk. */
    public enum Verdict {
        /** This is the random walk. */
        BASELINE,
        /** Lower MAE and RMSE, and significantly so. */
        BEATS,
        /** Lower errors, but within what chance gives. */
        NOT_SIGNIFICANT,
        /** No better than the random walk. */
        DOES_NOT_BEAT
    }
}
