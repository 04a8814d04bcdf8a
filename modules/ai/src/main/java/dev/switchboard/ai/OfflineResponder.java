package dev.switchboard.ai;

/**
 * The deterministic answer a capability gives when no model answers: rules or templates owned by
 * that capability (the caller simulation's dialogue engine, the rule-based coordinator …). Must not
 * block on the network and must always return.
 */
@FunctionalInterface
public interface OfflineResponder {

    String respond(ChatRequest request);
}
