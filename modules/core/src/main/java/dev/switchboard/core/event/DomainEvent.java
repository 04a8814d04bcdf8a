package dev.switchboard.core.event;

/**
 * Marker for immutable, past-tense records posted on the {@link EventBus}. The module that posts an
 * event owns its type.
 */
public interface DomainEvent {
}
