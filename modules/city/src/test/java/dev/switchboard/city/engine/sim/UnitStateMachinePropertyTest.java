package dev.switchboard.city.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.city.model.DispatchCommand;
import dev.switchboard.city.model.IncidentState;
import dev.switchboard.city.model.IncidentView;
import dev.switchboard.city.model.Recommendation;
import dev.switchboard.city.model.UnitState;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.city.model.UnitView;
import dev.switchboard.places.Ward;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random trainee sessions over many seeds: whatever is clicked, every state change a unit makes is one the
 * lifecycle allows and starts from the state the unit was in, no command blows up, and once the trainee stops and
 * the autopilot takes over, every unit that was dispatched is back at base, idle, within bounded simulated time.
 */
class UnitStateMachinePropertyTest {

    private static final int SEEDS = 24;
    private static final int ACTIVE_TICKS = 400;
    /** Eight simulated hours at five seconds a tick. */
    private static final int DRAIN_TICKS = 5_760;

    @Test
    void randomCommandsNeverBreakTheLifecycleAndEveryUnitReturns() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            runOne(seed);
        }
    }

    private void runOne(long seed) {
        SplittableRandom random = new SplittableRandom(seed * 7919);
        SimulationConfig config = SimulationConfig.defaults().withEventsPerTick(0).withAutopilot(false)
                .withFleet(FleetConfig.scaled(2)).withRejectQuietMillis(30_000);
        try (SimFixture f = new SimFixture(seed, config)) {
            Map<String, UnitState> known = new HashMap<>();
            f.last.units().forEach(u -> known.put(u.id(), u.state()));
            Set<String> dispatched = new HashSet<>();
            f.bus.subscribe(UnitStateChanged.class, e -> {
                assertThat(UnitLifecycle.allows(e.from(), e.to()))
                        .as("seed %d: %s %s → %s", seed, e.unitId(), e.from(), e.to()).isTrue();
                assertThat(known.get(e.unitId())).as("seed %d: %s left a state it was not in", seed, e.unitId())
                        .isEqualTo(e.from());
                known.put(e.unitId(), e.to());
                if (e.to() == UnitState.DISPATCHED) {
                    dispatched.add(e.unitId());
                }
            });
            List<Ward> wards = f.pack.wards();
            for (int t = 0; t < ACTIVE_TICKS; t++) {
                int action = random.nextInt(20);
                List<Recommendation> recs = f.last.recommendations();
                List<IncidentView> open = f.last.incidents().stream()
                        .filter(i -> i.state() != IncidentState.RESOLVED && i.state() != IncidentState.CLOSED)
                        .toList();
                switch (action) {
                    case 0 -> {
                        Ward w = wards.get(random.nextInt(wards.size()));
                        IncidentKind kind = IncidentKind.values()[random.nextInt(IncidentKind.values().length)];
                        f.sim.createIncident(kind, w.centre(), 1 + random.nextInt(5), null);
                    }
                    case 2, 3, 4 -> {
                        if (!recs.isEmpty()) {
                            f.sim.accept(recs.get(random.nextInt(recs.size())).id());
                        }
                    }
                    case 5 -> {
                        if (!recs.isEmpty()) {
                            f.sim.reject(recs.get(random.nextInt(recs.size())).id(), "random");
                        }
                    }
                    case 6 -> {
                        if (!open.isEmpty()) {
                            UnitType type = UnitType.values()[random.nextInt(UnitType.values().length)];
                            String place = random.nextBoolean() ? open.get(random.nextInt(open.size())).id()
                                    : wards.get(random.nextInt(wards.size())).nameEn();
                            f.sim.execute(new DispatchCommand.Dispatch(type, 1 + random.nextInt(3), place));
                        }
                    }
                    case 7 -> {
                        List<UnitView> busy = f.last.units().stream().filter(u -> u.incidentId() != null).toList();
                        String id = busy.isEmpty() ? "POLICE-01" : busy.get(random.nextInt(busy.size())).id();
                        f.sim.execute(new DispatchCommand.StandDown(id));
                    }
                    case 8 -> {
                        if (!recs.isEmpty()) {
                            Recommendation r = recs.get(random.nextInt(recs.size()));
                            UnitType type = UnitType.values()[random.nextInt(UnitType.values().length)];
                            f.sim.edit(r.id(), new DispatchCommand.Dispatch(type, 1, r.incidentId()));
                        }
                    }
                    case 9 -> f.sim.setAutopilot(random.nextInt(4) == 0);
                    default -> {
                        // Most ticks the trainee just watches.
                    }
                }
                f.last = f.sim.tick(Duration.ofSeconds(1 + random.nextInt(3)));
            }
            f.sim.setAutopilot(true);
            boolean settled = false;
            for (int t = 0; t < DRAIN_TICKS && !settled; t++) {
                f.last = f.sim.tick(Duration.ofSeconds(5));
                settled = f.last.units().stream().allMatch(u -> u.state() == UnitState.IDLE)
                        && f.last.incidents().stream().allMatch(i -> i.state() == IncidentState.CLOSED);
            }
            assertThat(settled).as("seed %d: not every unit back and incident closed after 8 h: %s %s", seed,
                    f.last.units(), f.last.incidents()).isTrue();
            assertThat(dispatched).as("seed %d dispatched nobody", seed).isNotEmpty();
            for (UnitView u : f.last.units()) {
                assertThat(u.position()).isEqualTo(f.pack.bases().stream()
                        .filter(b -> b.id().equals(u.baseId())).findFirst().orElseThrow().position());
            }
        }
    }
}
