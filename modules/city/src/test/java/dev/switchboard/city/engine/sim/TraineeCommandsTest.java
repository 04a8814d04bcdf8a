package dev.switchboard.city.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.city.model.DispatchCommand;
import dev.switchboard.city.model.Recommendation;
import dev.switchboard.city.model.UnitState;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.city.model.UnitView;
import dev.switchboard.core.geo.LatLon;
import org.junit.jupiter.api.Test;

/** What the trainee can do with recommendations and typed orders, and what is refused. */
class TraineeCommandsTest {

    private static final LatLon SHIBUYA_CROSSING = new LatLon(35.6595, 139.7005);

    @Test
    void aRejectedRecommendationStaysQuietForAWhileThenComesBack() {
        SimulationConfig config = SimFixture.quiet(false).withRejectQuietMillis(60_000);
        try (SimFixture f = new SimFixture(41, config)) {
            f.apply(f.sim.createIncident(IncidentKind.VIOLENCE, SHIBUYA_CROSSING, 2, null));
            assertThat(f.last.recommendations()).hasSize(2)
                    .allSatisfy(r -> assertThat(r.unitId()).startsWith("POLICE-"));
            for (Recommendation r : f.last.recommendations()) {
                assertThat(f.sim.reject(r.id(), "hold the patrols").isDone()).isFalse();
            }
            f.tick();
            assertThat(f.last.recommendations()).isEmpty();
            for (int t = 0; t < 58; t++) {
                f.tick();
            }
            assertThat(f.last.recommendations()).isEmpty();
            f.tick();
            f.tick();
            assertThat(f.last.recommendations()).hasSize(2);
            assertThat(f.events(UnitDispatched.class)).isEmpty();
        }
    }

    @Test
    void anEditedRecommendationCarriesOutTheTraineesCommand() {
        try (SimFixture f = new SimFixture(42, SimFixture.quiet(false))) {
            String incident = f.apply(f.sim.createIncident(IncidentKind.VIOLENCE, SHIBUYA_CROSSING, 2, null))
                    .incidentId();
            Recommendation police = f.last.recommendations().get(0);
            CommandResult edited = f.apply(f.sim.edit(police.id(),
                    new DispatchCommand.Dispatch(UnitType.SWAT, 1, "Shibuya")));
            assertThat(edited.done()).isTrue();
            assertThat(edited.incidentId()).isEqualTo(incident);
            assertThat(edited.unitIds()).containsExactly("SWAT-01");
            assertThat(f.last.recommendations()).extracting(Recommendation::id).doesNotContain(police.id());
        }
    }

    @Test
    void typedOrdersGoToTheIncidentTheyNameAndImpossibleOnesAreRefused() {
        try (SimFixture f = new SimFixture(43, SimFixture.quiet(false))) {
            String incident = f.apply(f.sim.createIncident(IncidentKind.FIRE, SHIBUYA_CROSSING, 2, null))
                    .incidentId();
            CommandResult two = f.apply(f.sim.execute(new DispatchCommand.Dispatch(UnitType.FIRE, 2, "渋谷区")));
            assertThat(two.done()).as(two.message()).isTrue();
            assertThat(two.incidentId()).isEqualTo(incident);
            assertThat(two.unitIds()).hasSize(2).allMatch(id -> id.startsWith("FIRE-"));

            CommandResult nowhere = f.apply(f.sim.execute(new DispatchCommand.Dispatch(UnitType.FIRE, 1, "Nerima")));
            assertThat(nowhere.done()).isFalse();
            assertThat(nowhere.message()).contains("No open incident");

            CommandResult tooMany = f.apply(f.sim.execute(new DispatchCommand.Dispatch(UnitType.SWAT, 1, incident)));
            assertThat(tooMany.done()).isTrue();
            CommandResult noSwatLeft = f.apply(f.sim.execute(new DispatchCommand.Dispatch(UnitType.SWAT, 1,
                    incident)));
            assertThat(noSwatLeft.done()).isFalse();
            assertThat(noSwatLeft.message()).contains("No swat unit is available");

            CommandResult unknown = f.apply(f.sim.accept("R-99999"));
            assertThat(unknown.done()).isFalse();
        }
    }

    @Test
    void aStoodDownUnitGoesHomeAndTheIncidentAsksForAnother() {
        try (SimFixture f = new SimFixture(44, SimFixture.quiet(false))) {
            String incident = f.apply(f.sim.createIncident(IncidentKind.MEDICAL, SHIBUYA_CROSSING, 2, null))
                    .incidentId();
            Recommendation first = f.last.recommendations().get(0);
            f.apply(f.sim.accept(first.id()));
            f.tick();
            UnitView sent = unit(f, first.unitId());
            assertThat(sent.incidentId()).isEqualTo(incident);

            CommandResult down = f.apply(f.sim.execute(new DispatchCommand.StandDown(first.unitId().toLowerCase())));
            assertThat(down.done()).isTrue();
            assertThat(unit(f, first.unitId()).state()).isIn(UnitState.RETURNING, UnitState.IDLE);
            assertThat(unit(f, first.unitId()).incidentId()).isNull();
            f.tick();
            assertThat(f.last.recommendations()).singleElement()
                    .satisfies(r -> assertThat(r.incidentId()).isEqualTo(incident));

            CommandResult again = f.apply(f.sim.execute(new DispatchCommand.StandDown(first.unitId())));
            assertThat(again.done()).isFalse();
            assertThat(again.message()).contains("not on an incident");
        }
    }

    @Test
    void anEvacuationIsRecordedAndPublished() {
        try (SimFixture f = new SimFixture(45, SimFixture.quiet(false))) {
            assertThat(f.apply(f.sim.execute(new DispatchCommand.Evacuate("Koto"))).done()).isTrue();
            assertThat(f.events(EvacuationOrdered.class)).singleElement()
                    .satisfies(e -> assertThat(e.wardId()).isEqualTo("koto"));
            assertThat(f.apply(f.sim.execute(new DispatchCommand.Evacuate("Atlantis"))).done()).isFalse();
        }
    }

    @Test
    void theFleetStartsAtBasesOfItsTypeNearTheCentre() {
        try (SimFixture f = new SimFixture(46, SimFixture.quiet(false).withFleet(FleetConfig.scaled(20)))) {
            assertThat(f.last.units()).hasSize(200).allSatisfy(u -> {
                assertThat(u.state()).isEqualTo(UnitState.IDLE);
                assertThat(f.pack.bases().stream().filter(b -> b.id().equals(u.baseId())).findFirst().orElseThrow()
                        .type()).isEqualTo(u.type().home());
            });
            assertThat(f.last.units().stream().map(UnitView::baseId).distinct().count()).isGreaterThan(20);
            assertThat(f.last.units()).extracting(UnitView::id).doesNotHaveDuplicates();
            f.tick();
        }
    }

    @Test
    void whilePausedTheCityStandsStillButCommandsApply() {
        try (SimFixture f = new SimFixture(47, SimFixture.quiet(false))) {
            f.apply(f.sim.createIncident(IncidentKind.MEDICAL, SHIBUYA_CROSSING, 2, null));
            long tick = f.last.tick();
            Recommendation r = f.last.recommendations().get(0);
            f.clock.pause();
            CommandResult accepted = f.apply(f.sim.accept(r.id()));
            assertThat(accepted.done()).isTrue();
            assertThat(f.last.tick()).isEqualTo(tick);
            assertThat(unit(f, r.unitId()).state()).isEqualTo(UnitState.DISPATCHED);
            f.tick();
            assertThat(unit(f, r.unitId()).state()).isEqualTo(UnitState.DISPATCHED);
            f.clock.resume();
            f.tickUntil(s -> unit(f, r.unitId()).state() == UnitState.EN_ROUTE, 60);
            assertThat(f.last.tick()).isGreaterThan(tick);
        }
    }

    private static UnitView unit(SimFixture f, String id) {
        return f.last.units().stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
    }
}
