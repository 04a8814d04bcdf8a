package dev.switchboard.city.engine.sim;

/**
 * Where one tick spent its wall time, in nanoseconds: commands and scripted events, the pipeline (generation,
 * filter, score, top-K; see its own stats for the split), opening incidents and the situation summary, the
 * coordinator (and the autopilot), units and scene work, building the snapshot, and the whole tick.
 */
public record TickTimings(long commandsNanos, long pipelineNanos, long incidentsNanos, long coordinatorNanos,
                          long unitsNanos, long snapshotNanos, long totalNanos) {

    public static final TickTimings ZERO = new TickTimings(0, 0, 0, 0, 0, 0, 0);
}
