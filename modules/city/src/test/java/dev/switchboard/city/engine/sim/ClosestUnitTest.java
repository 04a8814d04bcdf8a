package dev.switchboard.city.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.places.Bounds;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.RoadClass;
import dev.switchboard.places.RoadNetwork;
import dev.switchboard.places.Base;
import dev.switchboard.places.BaseType;
import dev.switchboard.city.model.Recommendation;
import dev.switchboard.city.model.UnitState;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.city.model.UnitView;
import dev.switchboard.places.Ward;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.id.SessionId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A river town: station A is 1 km from the incident as the crow flies but on the far bank, with the only bridge
 * 7 km upstream; station B is 2.7 km away on an arterial straight to the scene. The coordinator must send B.
 */
class ClosestUnitTest {

    static final LatLon SCENE = new LatLon(35.000, 139.010);
    static final LatLon STATION_A = new LatLon(35.009, 139.010);
    static final LatLon STATION_B = new LatLon(35.000, 139.040);

    static CityPack riverTown() {
        LatLon junction = STATION_B;
        List<RoadNetwork.Road> roads = List.of(
                // B's arterial straight to the scene.
                new RoadNetwork.Road(List.of(junction, new LatLon(35.000, 139.025), SCENE), RoadClass.ARTERIAL),
                // A's bank: east along the river to the bridge, across, and back west to B's junction.
                new RoadNetwork.Road(List.of(STATION_A, new LatLon(35.009, 139.045), new LatLon(35.009, 139.080)),
                        RoadClass.STREET),
                new RoadNetwork.Road(List.of(new LatLon(35.009, 139.080), new LatLon(35.000, 139.080)),
                        RoadClass.STREET),
                new RoadNetwork.Road(List.of(new LatLon(35.000, 139.080), new LatLon(35.000, 139.060), junction),
                        RoadClass.STREET));
        List<LatLon> ring = List.of(new LatLon(34.99, 138.99), new LatLon(34.99, 139.09), new LatLon(35.02, 139.09),
                new LatLon(35.02, 138.99), new LatLon(34.99, 138.99));
        Ward ward = new Ward("rivertown", "Rivertown", "川町", new LatLon(35.005, 139.040), List.of(ring));
        List<Base> bases = List.of(
                new Base("a-police", BaseType.POLICE, "rivertown", "North bank police", STATION_A),
                new Base("b-police", BaseType.POLICE, "rivertown", "Arterial police", STATION_B));
        return new CityPack("rivertown", "Rivertown", List.of(ward), List.of(ring), new RoadNetwork(roads), bases,
                new Bounds(34.99, 138.99, 35.02, 139.09), "test");
    }

    @Test
    void ranksByRoadTravelTimeNotStraightLine() {
        CityPack pack = riverTown();
        UnitView a = new UnitView("POLICE-A", UnitType.POLICE, UnitState.IDLE, STATION_A, 0, null, "a-police");
        UnitView b = new UnitView("POLICE-B", UnitType.POLICE, UnitState.IDLE, STATION_B, 0, null, "b-police");
        assertThat(STATION_A.distanceMeters(SCENE)).isLessThan(STATION_B.distanceMeters(SCENE) / 2);

        List<ClosestUnits.Candidate> ranked = new ClosestUnits(pack.roads())
                .rank(List.of(a, b), UnitType.POLICE, SCENE, Set.of(), 2);

        assertThat(ranked).extracting(c -> c.unit().id()).containsExactly("POLICE-B", "POLICE-A");
        assertThat(ranked.get(1).etaSeconds()).isGreaterThan(3 * ranked.get(0).etaSeconds());
    }

    @Test
    void theSimulationRecommendsTheUnitThatArrivesFirst() {
        CityPack pack = riverTown();
        SimulationConfig config = SimFixture.quiet(false).withEventsPerTick(0).withFleet(FleetConfig.of(2, 0, 0, 0, 0));
        try (SimFixture f = new SimFixture(pack, 1, config, null, null, new SessionId("river"))) {
            String arterialUnit = f.last.units().stream().filter(u -> u.baseId().equals("b-police")).findFirst()
                    .orElseThrow().id();

            f.apply(f.sim.createIncident(IncidentKind.GENERAL, SCENE, 3, "Disturbance by the river"));
            f.tick();

            assertThat(f.last.recommendations()).hasSize(1);
            Recommendation r = f.last.recommendations().get(0);
            assertThat(r.unitId()).isEqualTo(arterialUnit);
            assertThat(r.source()).isEqualTo("rules");
            assertThat(r.rationale()).contains("by road");
            CommandResult sent = f.apply(f.sim.accept(r.id()));
            assertThat(sent.done()).isTrue();
            assertThat(sent.unitIds()).containsExactly(arterialUnit);
        }
    }
}
