package dev.switchboard.studio.model.predict;

/**
 * One scored forecast of a walk-forward run: made at the close of the origin bar for the bar {@code horizon}
 * later, and the price that then came.
 */
public record EvaluatedForecast(String model, long originTime, long targetTime, double lastClose, double actual,
                                double central, double lo80, double hi80, double lo95, double hi95) {

    public boolean inside80() {
        return actual >= lo80 && actual <= hi80;
    }

    public boolean inside95() {
        return actual >= lo95 && actual <= hi95;
    }
}
