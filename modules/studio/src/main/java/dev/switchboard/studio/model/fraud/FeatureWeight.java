package dev.switchboard.studio.model.fraud;

/** One feature's importance to a model, as the model's library reports it, largest first. */
public record FeatureWeight(String feature, double importance) {
}
