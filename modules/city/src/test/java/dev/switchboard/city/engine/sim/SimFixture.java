package dev.switchboard.city.engine.sim;

import dev.switchboard.places.CityPack;
import dev.switchboard.places.CityPacks;
import dev.switchboard.city.engine.pipeline.Districts;
import dev.switchboard.city.engine.pipeline.EventPipeline;
import dev.switchboard.city.engine.pipeline.PipelineConfig;
import dev.switchboard.city.model.CitySnapshot;
import dev.switchboard.city.model.IncidentView;
import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.time.SimClock;
import dev.switchboard.store.eventlog.EventLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A simulation of Tokyo for tests: fixed wall clock, one-second ticks, every bus event recorded. */
final class SimFixture implements AutoCloseable {

    final CityPack pack;
    final EventBus bus = new EventBus();
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC));
    final CitySimulation sim;
    CitySnapshot last;

    SimFixture(long seed, SimulationConfig config) {
        this(CityPacks.tokyo(), seed, config, null, null, new SessionId("test-" + seed));
    }

    SimFixture(CityPack pack, long seed, SimulationConfig config, Coordinator coordinator, EventLog log,
               SessionId session) {
        this.pack = pack;
        bus.subscribe(DomainEvent.class, events::add);
        EventPipeline pipeline = new EventPipeline(PipelineConfig.defaults().withSeed(seed)
                .withMaxEventsPerTick(Math.max(1, config.eventsPerTick())), Districts.fromWards(pack.wards()));
        sim = new CitySimulation(pack, pipeline, coordinator == null ? new RuleCoordinator(pack) : coordinator,
                clock, bus, log, session, seed, config);
        last = sim.latest();
    }

    /** Quiet city (no sensor incidents), few events, autopilot as given. */
    static SimulationConfig quiet(boolean autopilot) {
        return SimulationConfig.defaults().withEventsPerTick(200).withAutopilot(autopilot)
                .withSensorIncidents(1.0, 1.0, 0, 0);
    }

    CitySnapshot tick() {
        last = sim.tick(Duration.ofSeconds(1));
        return last;
    }

    /** Ticks until {@code done} holds for the latest snapshot, at most {@code maxTicks}; whether it did. */
    boolean tickUntil(Predicate<CitySnapshot> done, int maxTicks) {
        for (int t = 0; t < maxTicks; t++) {
            if (done.test(tick())) {
                return true;
            }
        }
        return false;
    }

    /** Ticks once so the queued command applies, and returns its result. */
    CommandResult apply(CompletableFuture<CommandResult> command) {
        tick();
        return command.join();
    }

    Optional<IncidentView> incident(String id) {
        return last.incidents().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        sim.close();
        bus.close();
    }
}
