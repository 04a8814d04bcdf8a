package dev.switchboard.city.engine.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link CityRun} did: events per pipeline stage, per-stage latencies, incidents and dispatches, and a
 * digest of every snapshot (equal seeds and options give equal digests).
 *
 * @param scenario the scenario run, or null
 * @param outcomes the incidents still shown at the end (open, resolved, recently closed)
 * @param digest SHA-256 over the snapshots' contents, see {@link SnapshotDigest}
 * @param wallSeconds how long the run took
 */
public record CityRunResult(long seed, int ticks, int eventsPerTick, String scenario, StageCounts counts,
                            List<StageLatency> latencies, RunTotals totals, CoordinatorUsage usage,
                            List<IncidentOutcome> outcomes, String digest, double wallSeconds) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public CityRunResult {
        latencies = List.copyOf(latencies);
        outcomes = List.copyOf(outcomes);
    }

    /** Events through the pipeline's stages, summed over the ticks. */
    public record StageCounts(long generated, long malformed, long duplicates, long passedFilter,
                              long aboveThreshold, long topK) {

        /** Events in per event kept. */
        public double reductionRatio() {
            return topK == 0 ? generated : (double) generated / topK;
        }
    }

    /** Wall time of one stage over the run, in milliseconds. */
    public record StageLatency(String stage, double sumMillis, double meanMillis, double p99Millis,
                               double maxMillis) {
    }

    /** An incident at the end of the run. */
    public record IncidentOutcome(String id, String title, String state, List<String> unitIds) {

        public IncidentOutcome {
            unitIds = List.copyOf(unitIds);
        }
    }

    /** The latency of {@code stage}, or null. */
    public StageLatency latency(String stage) {
        return latencies.stream().filter(l -> l.stage().equals(stage)).findFirst().orElse(null);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the run as JSON", e);
        }
    }

    /** A report for a terminal: counts, latencies, outcomes. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "city run · seed %d · %,d ticks × 1 s · %,d events/tick%s · %.2f s wall%n",
                seed, ticks, eventsPerTick, scenario == null ? "" : " · scenario " + scenario, wallSeconds));
        sb.append(String.format(Locale.ROOT, "%nevents%n  generated %,d · malformed %,d · duplicates %,d · "
                        + "passed filter %,d · above threshold %,d · top-K %,d (%.0f:1)%n",
                counts.generated(), counts.malformed(), counts.duplicates(), counts.passedFilter(),
                counts.aboveThreshold(), counts.topK(), counts.reductionRatio()));
        sb.append(String.format(Locale.ROOT, "%nlatency (ms)  %12s %10s %10s %10s%n", "sum", "mean", "p99", "max"));
        for (StageLatency l : latencies) {
            sb.append(String.format(Locale.ROOT, "  %-11s %12.1f %10.3f %10.3f %10.3f%n", l.stage(), l.sumMillis(),
                    l.meanMillis(), l.p99Millis(), l.maxMillis()));
        }
        sb.append(String.format(Locale.ROOT, "%ndispatch%n  incidents created %d · resolved %d · units dispatched %d · "
                        + "arrived %d · mean response %.0f s (dispatch → on scene) · patients to hospital %d%n",
                totals.incidentsCreated(), totals.incidentsResolved(), totals.dispatches(), totals.arrivals(),
                totals.meanResponseSeconds(), totals.patientsDelivered()));
        sb.append(String.format(Locale.ROOT, "  coordinator: %s · model tokens %,d ($%.4f) vs sending every event %,d "
                        + "tokens ($%.2f)%n",
                usage.lastSource(), usage.tokens(), usage.costUsd(), usage.naiveTokens(), usage.naiveCostUsd()));
        for (IncidentOutcome o : outcomes) {
            sb.append(String.format(Locale.ROOT, "  %s %-9s %s · %s%n", o.id(), o.state(), o.title(),
                    o.unitIds().isEmpty() ? "no units" : String.join(", ", o.unitIds())));
        }
        sb.append(String.format(Locale.ROOT, "%ndigest %s%n", digest));
        return sb.toString();
    }
}
