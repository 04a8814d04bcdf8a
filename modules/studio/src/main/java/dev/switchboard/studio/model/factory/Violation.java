package dev.switchboard.studio.model.factory;

/**
 * A rule of the validation framework the specification breaks, with what to do about it.
 *
 * @param rule e.g. "complexity ≤ 10"
 * @param found what the specification has, e.g. "12.4"
 * @param fix what would bring it within the rule
 */
public record Violation(String rule, String found, String fix) {
}
