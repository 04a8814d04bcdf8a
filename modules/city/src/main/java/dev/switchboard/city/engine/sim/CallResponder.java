package dev.switchboard.city.engine.sim;

import dev.switchboard.places.CityPack;
import dev.switchboard.places.CityPacks;
import dev.switchboard.city.engine.pipeline.Districts;
import dev.switchboard.city.engine.pipeline.EventPipeline;
import dev.switchboard.city.engine.pipeline.PipelineConfig;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.core.time.SimClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A quiet, headless Tokyo that answers calls dispatched on a bus, for calls taken without the window (the CLI's
 * {@code call simulate}, the demo's recorded calls): it opens each {@link IncidentCreated}, sends the asked units
 * and reports them back as {@code ResponseUpdated}, so the call's recording holds the response like one taken at
 * the console. Time moves only when the caller says so ({@link #advanceTo}), in one-second ticks.
 */
public final class CallResponder implements AutoCloseable {

    private final CitySimulation sim;
    private final Subscription calls;
    private long elapsedMs;

    private CallResponder(CitySimulation sim, Subscription calls) {
        this.sim = sim;
        this.calls = calls;
    }

    /** Builds the city (no sensor incidents, few sensor events) and starts listening on {@code bus}. */
    public static CallResponder start(EventBus bus, long seed) {
        Objects.requireNonNull(bus, "bus");
        CityPack pack = CityPacks.tokyo();
        SimulationConfig config = SimulationConfig.defaults().withEventsPerTick(200).withAutopilot(false)
                .withSensorIncidents(1.0, 1.0, 0, 0);
        EventPipeline pipeline = new EventPipeline(PipelineConfig.defaults().withSeed(seed)
                .withMaxEventsPerTick(config.eventsPerTick()), Districts.fromWards(pack.wards()));
        SimClock clock = new SimClock(Clock.systemUTC());
        CitySimulation sim = new CitySimulation(pack, pipeline, new RuleCoordinator(pack), clock, bus, null,
                new SessionId("responder-" + seed), seed, config);
        Subscription calls = bus.subscribe(IncidentCreated.class, sim::reportCall);
        return new CallResponder(sim, calls);
    }

    /** How far the city has run since it started. */
    public long elapsedMs() {
        return elapsedMs;
    }

    /** Runs the city up to {@code ms} since it started, one second at a time. */
    public void advanceTo(long ms) {
        while (elapsedMs < ms) {
            sim.tick(Duration.ofSeconds(1));
            elapsedMs += 1000;
        }
    }

    @Override
    public void close() {
        calls.close();
        sim.close();
    }
}
