package dev.switchboard.city.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.city.model.IncidentState;
import dev.switchboard.city.model.Recommendation;
import dev.switchboard.city.model.UnitType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each crisis scenario end to end, headless, over the Tokyo pack with the sensor streams running. */
class ScenarioTest {

    private static final int TWO_HOURS = 7200;

    private static SimulationConfig config(boolean autopilot) {
        // Sensor noise runs (1,000 events a tick) but may not open incidents of its own during an exercise.
        return SimulationConfig.defaults().withEventsPerTick(1000).withAutopilot(autopilot);
    }

    @Test
    void gangViolenceEndsWithSwatAndAnAmbulanceDispatchedAndTheIncidentResolved() {
        try (SimFixture f = new SimFixture(11, config(true))) {
            f.sim.startScenario(Scenarios.byName("gang-violence").orElseThrow());
            assertThat(f.tickUntil(s -> resolved(f, IncidentKind.WEAPON), TWO_HOURS)).isTrue();

            IncidentOpened created = only(f, "shibuya");
            assertThat(created.kind()).isEqualTo(IncidentKind.VIOLENCE);
            assertThat(created.source()).isEqualTo("scenario");
            assertThat(f.events(IncidentEscalated.class)).singleElement()
                    .satisfies(e -> assertThat(e.to()).isEqualTo(IncidentKind.WEAPON));
            Set<UnitType> sent = dispatchedTypes(f, created.incidentId());
            assertThat(sent).contains(UnitType.SWAT, UnitType.AMBULANCE, UnitType.POLICE);
            assertThat(f.events(IncidentResolved.class)).anySatisfy(r -> {
                assertThat(r.incidentId()).isEqualTo(created.incidentId());
                assertThat(r.kind()).isEqualTo(IncidentKind.WEAPON);
            });
            // The gathering alone was only watched: no incident before violence was seen.
            assertThat(f.events(IncidentOpened.class)).hasSize(1);
        }
    }

    @Test
    void gangViolenceWorksTheSameWhenTheTraineeAcceptsEachRecommendation() {
        try (SimFixture f = new SimFixture(12, config(false))) {
            f.sim.startScenario(Scenarios.byName("gang-violence").orElseThrow());
            boolean done = f.tickUntil(s -> {
                for (Recommendation r : s.recommendations()) {
                    f.sim.accept(r.id());
                }
                return resolved(f, IncidentKind.WEAPON);
            }, TWO_HOURS);
            assertThat(done).isTrue();
            IncidentOpened created = only(f, "shibuya");
            assertThat(dispatchedTypes(f, created.incidentId())).contains(UnitType.SWAT, UnitType.AMBULANCE);
            assertThat(f.events(UnitDispatched.class)).allSatisfy(d -> assertThat(d.by()).isEqualTo("trainee"));
        }
    }

    @Test
    void earthquakeCausesFiresThatFireUnitsPutOutAndCollapsesThatGetFireAndAmbulance() {
        try (SimFixture f = new SimFixture(13, config(true))) {
            f.sim.startScenario(Scenarios.byName("earthquake").orElseThrow());
            boolean allDone = f.tickUntil(s -> f.events(IncidentOpened.class).size() >= 4
                    && f.events(IncidentResolved.class).size() >= f.events(IncidentOpened.class).size(), TWO_HOURS);
            assertThat(allDone).isTrue();

            List<IncidentOpened> created = f.events(IncidentOpened.class);
            assertThat(created).allSatisfy(c -> assertThat(c.source()).isEqualTo("scenario"));
            List<IncidentOpened> fires = created.stream().filter(c -> c.kind() == IncidentKind.FIRE).toList();
            List<IncidentOpened> collapses = created.stream().filter(c -> c.kind() == IncidentKind.EARTHQUAKE)
                    .toList();
            assertThat(fires).extracting(IncidentOpened::wardId).containsExactlyInAnyOrder("sumida", "chuo");
            assertThat(collapses).extracting(IncidentOpened::wardId).containsExactlyInAnyOrder("koto", "taito");
            for (IncidentOpened fire : fires) {
                assertThat(dispatchedTypes(f, fire.incidentId())).contains(UnitType.FIRE);
                IncidentResolved resolved = f.events(IncidentResolved.class).stream()
                        .filter(r -> r.incidentId().equals(fire.incidentId())).findFirst().orElseThrow();
                assertThat(resolved.unitIds()).anyMatch(id -> id.startsWith("FIRE-"));
            }
            for (IncidentOpened collapse : collapses) {
                assertThat(dispatchedTypes(f, collapse.incidentId())).contains(UnitType.FIRE, UnitType.AMBULANCE);
            }
            // The casualties (two in Koto, one in Taito, and one per fire scored at risk 0.9 or more) reach
            // hospital once every incident is closed.
            Set<String> scenarioIncidents = created.stream().map(IncidentOpened::incidentId)
                    .collect(Collectors.toSet());
            assertThat(f.tickUntil(s -> s.incidents().stream().filter(i -> scenarioIncidents.contains(i.id()))
                    .allMatch(i -> i.state() == IncidentState.CLOSED), TWO_HOURS)).isTrue();
            assertThat(f.sim.totals().patientsDelivered()).isBetween(3L, 5L);
        }
    }

    @Test
    void expresswayPileupGetsAmbulancesPoliceAndTrafficControl() {
        try (SimFixture f = new SimFixture(14, config(true))) {
            f.sim.startScenario(Scenarios.byName("expressway-pileup").orElseThrow());
            assertThat(f.tickUntil(s -> resolved(f, IncidentKind.ACCIDENT), TWO_HOURS)).isTrue();

            IncidentOpened created = only(f, "minato");
            assertThat(created.kind()).isEqualTo(IncidentKind.ACCIDENT);
            assertThat(dispatchedTypes(f, created.incidentId()))
                    .containsExactlyInAnyOrder(UnitType.AMBULANCE, UnitType.POLICE, UnitType.TRAFFIC);
            long ambulances = f.events(UnitDispatched.class).stream()
                    .filter(d -> d.incidentId().equals(created.incidentId()) && d.unitType() == UnitType.AMBULANCE)
                    .count();
            // The confirmed pile-up has three casualties for two ambulances: one goes twice.
            assertThat(ambulances).isEqualTo(3);
            assertThat(f.sim.totals().patientsDelivered()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void scenariosAreFoundByName() {
        assertThat(Scenarios.names()).containsExactly("gang-violence", "earthquake", "expressway-pileup");
        assertThat(Scenarios.byName(" Earthquake ")).isPresent();
        assertThat(Scenarios.byName("alien-invasion")).isEmpty();
        for (Scenario s : Scenarios.all()) {
            assertThat(s.script()).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        }
    }

    private static boolean resolved(SimFixture f, IncidentKind kind) {
        return f.events(IncidentResolved.class).stream().anyMatch(r -> r.kind() == kind);
    }

    private static IncidentOpened only(SimFixture f, String wardId) {
        List<IncidentOpened> inWard = f.events(IncidentOpened.class).stream()
                .filter(c -> c.wardId().equals(wardId)).toList();
        assertThat(inWard).hasSize(1);
        return inWard.get(0);
    }

    private static Set<UnitType> dispatchedTypes(SimFixture f, String incidentId) {
        return f.events(UnitDispatched.class).stream().filter(d -> d.incidentId().equals(incidentId))
                .map(UnitDispatched::unitType).collect(Collectors.toSet());
    }
}
