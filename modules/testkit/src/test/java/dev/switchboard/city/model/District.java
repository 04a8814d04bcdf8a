package dev.switchboard.city.model;

/** Architecture fixture: a model record other capabilities may read. */
public record District(String name) {
}
