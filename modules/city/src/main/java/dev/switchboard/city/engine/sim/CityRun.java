package dev.switchboard.city.engine.sim;

import dev.switchboard.places.CityPack;
import dev.switchboard.places.CityPacks;
import dev.switchboard.city.engine.pipeline.DedupRule;
import dev.switchboard.city.engine.pipeline.Districts;
import dev.switchboard.city.engine.pipeline.EventPipeline;
import dev.switchboard.city.engine.pipeline.PipelineConfig;
import dev.switchboard.city.model.CitySnapshot;
import dev.switchboard.city.model.IncidentView;
import dev.switchboard.city.model.PipelineStats;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.time.SimClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A headless run of the control room for the command line and benchmarks: {@code ticks} ticks of one simulated
 * second each, autopilot on, rule coordinator, nothing stored. Deterministic except for the latencies.
 */
public final class CityRun {

    /**
     * What to run.
     *
     * @param scenario a scenario name from {@link Scenarios}, or null for sensor noise only
     * @param dedupRule which sensor records the network filter treats as duplicates
     */
    public record Options(long seed, int ticks, int eventsPerTick, String scenario, FleetConfig fleet,
                          DedupRule dedupRule) {

        public Options {
            if (ticks < 1 || ticks > 10_000_000) {
                throw new IllegalArgumentException("ticks must be 1..10,000,000, was " + ticks);
            }
            if (eventsPerTick < 0 || eventsPerTick > 10_000_000) {
                throw new IllegalArgumentException("events per tick must be 0..10,000,000, was " + eventsPerTick);
            }
            if (scenario != null && Scenarios.byName(scenario).isEmpty()) {
                throw new IllegalArgumentException("Unknown scenario '" + scenario + "'; known: "
                        + String.join(", ", Scenarios.names()));
            }
            Objects.requireNonNull(fleet, "fleet");
            Objects.requireNonNull(dedupRule, "dedupRule");
        }

        /** The default fleet and dedup rule. */
        public static Options of(long seed, int ticks, int eventsPerTick, String scenario) {
            return new Options(seed, ticks, eventsPerTick, scenario, FleetConfig.defaults(),
                    DedupRule.SAME_OBSERVATION);
        }

        public Options withDedupRule(DedupRule rule) {
            return new Options(seed, ticks, eventsPerTick, scenario, fleet, rule);
        }
    }

    private CityRun() {
    }

    /** Runs in the bundled Tokyo pack. */
    public static CityRunResult run(Options options) {
        return run(CityPacks.tokyo(), options);
    }

    /** Runs in {@code pack}. */
    public static CityRunResult run(CityPack pack, Options options) {
        PipelineConfig pipelineConfig = PipelineConfig.defaults().withSeed(options.seed())
                .withMaxEventsPerTick(Math.max(options.eventsPerTick(), 1)).withDedupRule(options.dedupRule());
        EventPipeline pipeline = new EventPipeline(pipelineConfig, Districts.fromWards(pack.wards()));
        SimClock clock = new SimClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        SimulationConfig config = SimulationConfig.defaults().withFleet(options.fleet())
                .withEventsPerTick(options.eventsPerTick()).withAutopilot(true);
        ExecutorService busThreads = Executors.newSingleThreadExecutor();
        int n = options.ticks();
        long[][] nanos = new long[STAGES.size()][n];
        long[] counts = new long[6];
        SnapshotDigest digest = new SnapshotDigest();
        long start = System.nanoTime();
        CitySnapshot last;
        RunTotals totals;
        CoordinatorUsage usage;
        try (EventBus bus = new EventBus(busThreads);
             CitySimulation sim = new CitySimulation(pack, pipeline, new RuleCoordinator(pack), clock, bus, null,
                     new SessionId("city-run-" + options.seed()), options.seed(), config)) {
            if (options.scenario() != null) {
                sim.startScenario(Scenarios.byName(options.scenario()).orElseThrow());
            }
            last = sim.latest();
            for (int t = 0; t < n; t++) {
                last = sim.tick(Duration.ofSeconds(1));
                digest.add(last);
                PipelineStats p = last.stats();
                TickTimings tt = sim.lastTimings();
                counts[0] += p.generated();
                counts[1] += p.malformed();
                counts[2] += p.duplicates();
                counts[3] += p.passedFilter();
                counts[4] += p.aboveThreshold();
                counts[5] += p.topK();
                long[] row = {p.generateNanos(), p.filterNanos(), p.scoreNanos(), p.topKNanos(), tt.commandsNanos(),
                    tt.incidentsNanos(), tt.coordinatorNanos(), tt.unitsNanos(), tt.snapshotNanos(), tt.totalNanos()};
                for (int s = 0; s < row.length; s++) {
                    nanos[s][t] = row[s];
                }
            }
            totals = sim.totals();
            usage = sim.coordinatorUsage();
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        List<CityRunResult.StageLatency> latencies = new ArrayList<>();
        for (int s = 0; s < STAGES.size(); s++) {
            latencies.add(latency(STAGES.get(s), nanos[s]));
        }
        List<CityRunResult.IncidentOutcome> outcomes = new ArrayList<>();
        for (IncidentView i : last.incidents()) {
            outcomes.add(new CityRunResult.IncidentOutcome(i.id(), i.title(), i.state().name(), i.unitIds()));
        }
        return new CityRunResult(options.seed(), n, options.eventsPerTick(), options.scenario(),
                new CityRunResult.StageCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]),
                latencies, totals, usage, outcomes, digest.hex(), wallSeconds);
    }

    /** The stages timed per tick, in pipeline order. */
    static final List<String> STAGES = List.of("generate", "filter", "score", "topK", "commands", "incidents",
            "coordinator", "units", "snapshot", "tick");

    private static CityRunResult.StageLatency latency(String stage, long[] nanos) {
        long sum = 0;
        for (long v : nanos) {
            sum += v;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int p99 = (int) Math.ceil(0.99 * sorted.length) - 1;
        return new CityRunResult.StageLatency(stage, sum / 1e6, sum / 1e6 / nanos.length,
                sorted[Math.max(0, p99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
