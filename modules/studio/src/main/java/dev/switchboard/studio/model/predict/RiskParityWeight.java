package dev.switchboard.studio.model.predict;

/**
 * One asset's share in a risk-parity suggestion: weights proportional to the inverse of each asset's daily
 * volatility, so every asset adds the same stand-alone risk.
 */
public record RiskParityWeight(String symbol, double volatilityPerDay, double weight) {
}
