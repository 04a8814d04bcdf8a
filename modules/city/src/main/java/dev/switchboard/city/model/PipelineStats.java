package dev.switchboard.city.model;

/**
 * What one tick's pipeline did: counts per stage and nanoseconds per stage.
 *
 * @param malformed records that failed schema validation (counted, never crash the tick)
 * @param duplicates same source + type within the 5 s sim-time window
 * @param aboveThreshold scored at or above the threshold (default 0.7)
 * @param topK kept (at most K, default 200)
 */
public record PipelineStats(long generated, long malformed, long duplicates, long passedFilter,
                            long aboveThreshold, int topK, long generateNanos, long filterNanos, long scoreNanos,
                            long topKNanos) {

    /** Events in per event kept, e.g. 500 for 100,000 → 200. */
    public double reductionRatio() {
        return topK == 0 ? generated : (double) generated / topK;
    }

    public long totalNanos() {
        return generateNanos + filterNanos + scoreNanos + topKNanos;
    }
}
