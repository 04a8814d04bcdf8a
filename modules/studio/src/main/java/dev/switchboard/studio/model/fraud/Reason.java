package dev.switchboard.studio.model.fraud;

/**
 * Why a transaction scored high: putting {@code feature} back to its usual value would lower the score by
 * {@code scoreDrop}.
 *
 * @param value   the transaction's value of the feature
 * @param usual   the median among legitimate training transactions
 */
public record Reason(String feature, double value, double usual, double scoreDrop) {
}
