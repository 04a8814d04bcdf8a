package dev.switchboard.places;

/** Architecture fixture: shared reference data that any capability may use. */
public record Gazetteer(String name) {
}
