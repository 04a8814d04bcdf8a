package dev.switchboard.studio.model.predict;

/**
 * One step of a forecast: the central price and the 80 % and 95 % prediction intervals for the close of the bar
 * {@code step} bars after the origin.
 *
 * @param time the forecast bar's start, epoch seconds
 */
public record ForecastStep(int step, long time, double central, double lo80, double hi80, double lo95,
                           double hi95) {

    public ForecastStep {
        if (!(lo95 <= lo80 && lo80 <= central && central <= hi80 && hi80 <= hi95)) {
            throw new IllegalArgumentException("bands out of order at step " + step);
        }
    }
}
