package dev.switchboard.uikit;

/**
 * Something that does work only while it is shown: animation timers, the microphone, bus subscriptions.
 * The shell calls {@link #activate()} when the view becomes visible and {@link #deactivate()} when it is
 * hidden, always in pairs and on the FX thread; a view may be activated again after it was deactivated.
 */
public interface Activatable {

    /** Starts the work this view does while visible. */
    void activate();

    /** Undoes exactly what {@link #activate()} did: stops its timers, closes its subscriptions. */
    void deactivate();
}
