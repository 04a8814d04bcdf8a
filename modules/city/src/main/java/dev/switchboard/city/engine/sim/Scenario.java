package dev.switchboard.city.engine.sim;

import java.util.List;

/**
 * A scripted crisis: sensor events injected into the pipeline at fixed simulated times after the scenario
 * starts; incidents, recommendations and dispatches follow from them as from any other events.
 */
public interface Scenario {

    /** Stable id used on the command line, e.g. {@code gang-violence}. */
    String name();

    /** One line for the UI. */
    String title();

    /** The events, in time order. */
    List<ScriptedEvent> script();
}
