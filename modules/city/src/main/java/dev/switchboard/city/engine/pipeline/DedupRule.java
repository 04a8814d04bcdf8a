package dev.switchboard.city.engine.pipeline;

/**
 * Which records the network filter treats as the same, so that only the first within the window passes.
 * Both rules use the same window (5 s of sim time by default) and the same {@link DedupTable}.
 */
public enum DedupRule {

    /**
     * Same sensor, same observation number and same type: only exact re-sends of one reading are dropped,
     * and every new observation of a sensor passes, even a second later. The default.
     */
    SAME_OBSERVATION,

    /**
     * The source design's rule: same sensor and same type within the window, whatever the observation. A
     * camera that reports a weapon twice within 5 s passes once; so does a vehicle's flow reading, which
     * drops most telemetry (the design expected 100,000 events to leave about 40,000).
     */
    SAME_SOURCE_AND_TYPE;

    /** The dedup key of a record's source and type code under this rule. */
    long key(long source, int typeCode) {
        return DedupTable.key(this == SAME_OBSERVATION ? source : EventBatch.sensorOf(source), typeCode);
    }
}
