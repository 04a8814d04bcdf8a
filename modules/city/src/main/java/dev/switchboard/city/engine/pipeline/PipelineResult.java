package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.CriticalEvent;
import dev.switchboard.city.model.PipelineStats;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one pipeline tick produced. Immutable except {@code heat}, which is a fresh array per tick that the
 * pipeline never touches again.
 *
 * @param topK the kept critical events, best first (score descending, then generation order)
 * @param heat positions of a sample of at most 10,000 events that passed the filter, as
 *             {@code lat0, lon0, lat1, lon1, …}
 * @param invalidSamples the last few rejected records as one line of text each, newest last
 * @param invalidByReason this tick's rejected records per reason (every reason present, zeros included),
 *                        in the enum's order
 * @param passedByQos this tick's records that passed the filter per QoS class (every class present)
 */
public record PipelineResult(List<CriticalEvent> topK, PipelineStats stats, float[] heat,
                             List<String> invalidSamples, Map<InvalidReason, Long> invalidByReason,
                             Map<QosClass, Long> passedByQos) {

    public PipelineResult {
        topK = List.copyOf(topK);
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(heat, "heat");
        invalidSamples = List.copyOf(invalidSamples);
        invalidByReason = ordered(invalidByReason, InvalidReason.class);
        passedByQos = ordered(passedByQos, QosClass.class);
    }

    /** An unmodifiable copy that iterates in the enum's order, as the UI lists it. */
    private static <K extends Enum<K>> Map<K, Long> ordered(Map<K, Long> counts, Class<K> type) {
        EnumMap<K, Long> copy = new EnumMap<>(type);
        copy.putAll(counts);
        return Collections.unmodifiableMap(copy);
    }
}
