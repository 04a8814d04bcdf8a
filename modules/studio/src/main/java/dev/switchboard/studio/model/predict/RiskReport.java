package dev.switchboard.studio.model.predict;

/**
 * The risk of holding one market over its series, from its log returns.
 *
 * @param volatilityPerBar  standard deviation of one bar's log return
 * @param volatilityPerDay  the same scaled to a day (square-root-of-time)
 * @param valueAtRisk95     historical one-day 95 % value at risk, as a fraction of the position (0.05 = 5 %)
 * @param valueAtRisk99     historical one-day 99 % value at risk
 * @param maxDrawdown       the largest peak-to-trough fall of the close (0.2 = 20 %)
 */
public record RiskReport(String symbol, String bar, double volatilityPerBar, double volatilityPerDay,
                         double valueAtRisk95, double valueAtRisk99, double maxDrawdown) {
}
