package dev.switchboard.city.engine.sim;

import java.util.List;

/**
 * Proposes dispatches for the trainee (or the autopilot) to carry out. It never acts itself: what it proposes
 * becomes a recommendation that the trainee accepts, edits or rejects.
 */
public interface Coordinator extends AutoCloseable {

    /** "rules" or "llm", for the UI. */
    String name();

    /**
     * What to propose now. Called once per tick on the simulation thread; must not block (a coordinator that
     * asks a model does so on its own executor and proposes the answer on a later tick).
     */
    List<Proposal> propose(Situation situation);

    /** Model usage so far; safe from any thread. */
    CoordinatorUsage usage();

    /** Stops background work; harmless when there is none. */
    @Override
    default void close() {
    }
}
