package dev.switchboard.core.event;

/** How the bus hands an event to one subscriber. */
public enum Delivery {
    /** On the publishing thread, before {@link EventBus#publish(Object)} returns. */
    SYNC,
    /**
     * On a background thread, in publication order for this subscriber; the publisher does not wait.
     */
    ASYNC
}
