package dev.switchboard.city.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.city.model.DispatchCommand;
import dev.switchboard.city.model.UnitState;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.incident.DispatchOrdered;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.core.incident.ResponderType;
import dev.switchboard.core.incident.ResponseUpdated;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The control room tells the rest of the workstation what happened, in order, on the bus it was given. */
class BusEventsTest {

    @Test
    void anIncidentsStoryIsPublishedInOrder() {
        try (SimFixture f = new SimFixture(31, SimFixture.quiet(true))) {
            IncidentReport report = new IncidentReport("CALL-7", new LatLon(35.7295, 139.7109),
                    "A man is bleeding after a fall on the stairs", null, 2);
            CommandResult opened = f.apply(f.sim.report(report));
            String id = opened.incidentId();
            assertThat(f.tickUntil(s -> !f.events(IncidentResolved.class).isEmpty(), 3600)).isTrue();

            IncidentOpened created = f.events(IncidentOpened.class).get(0);
            assertThat(created.incidentId()).isEqualTo(id);
            assertThat(created.kind()).isEqualTo(IncidentKind.MEDICAL);
            assertThat(created.source()).isEqualTo("call");
            assertThat(created.reference()).isEqualTo("CALL-7");
            assertThat(created.wardId()).isEqualTo("toshima");
            assertThat(created.session().value()).isEqualTo("test-31");

            UnitDispatched dispatched = f.events(UnitDispatched.class).get(0);
            assertThat(dispatched.incidentId()).isEqualTo(id);
            assertThat(dispatched.unitId()).startsWith("AMBULANCE-");
            assertThat(dispatched.by()).isEqualTo("autopilot");
            assertThat(dispatched.recommendationId()).isNotNull();
            assertThat(dispatched.etaSeconds()).isPositive();
            assertThat(f.events(DispatchOrdered.class)).as("the autopilot's dispatches are not the trainee's")
                    .isEmpty();

            List<UnitState> ambulance = f.events(UnitStateChanged.class).stream()
                    .filter(e -> e.unitId().equals(dispatched.unitId())).map(UnitStateChanged::to).toList();
            assertThat(ambulance).startsWith(UnitState.DISPATCHED, UnitState.EN_ROUTE, UnitState.ON_SCENE,
                    UnitState.RETURNING);

            IncidentResolved resolved = f.events(IncidentResolved.class).get(0);
            assertThat(resolved.incidentId()).isEqualTo(id);
            assertThat(resolved.unitIds()).containsExactly(dispatched.unitId());
            assertThat(resolved.secondsOpen()).isPositive();

            List<DomainEvent> all = f.events;
            assertThat(all.indexOf(created)).isLessThan(all.indexOf(dispatched));
            assertThat(all.indexOf(dispatched)).isLessThan(all.indexOf(resolved));
            assertThat(all).allSatisfy(e -> assertThat(e.getClass().getPackageName())
                    .isIn("dev.switchboard.city.engine.sim", "dev.switchboard.core.incident"));
        }
    }

    @Test
    void aDispatchedCallOpensAnIncidentSendsTheAskedUnitsAndReportsTheResponse() {
        try (SimFixture f = new SimFixture(32, SimFixture.quiet(false))) {
            LatLon scene = new LatLon(35.6640, 139.6982);
            IncidentCreated call = new IncidentCreated(new SessionId("call-1"), "CALL-42", "FIRE-STRUCT",
                    "House fire, person trapped", 1, scene, "shibuya", "2-21-1 Shibuya",
                    List.of(ResponderType.FIRE, ResponderType.FIRE, ResponderType.AMBULANCE), Instant.now());
            CommandResult result = f.apply(f.sim.reportCall(call));
            assertThat(result.done()).isTrue();
            assertThat(result.unitIds()).hasSize(3);
            assertThat(result.unitIds()).filteredOn(u -> u.startsWith("FIRE-")).hasSize(2);
            assertThat(result.unitIds()).filteredOn(u -> u.startsWith("AMBULANCE-")).hasSize(1);

            IncidentOpened opened = f.events(IncidentOpened.class).get(0);
            assertThat(opened.reference()).isEqualTo("CALL-42");
            assertThat(opened.wardId()).isEqualTo("shibuya");
            assertThat(opened.kind()).isEqualTo(IncidentKind.FIRE);
            assertThat(f.events(UnitDispatched.class)).extracting(UnitDispatched::by).containsOnly("call-taker");
            assertThat(f.events(DispatchOrdered.class)).as("the trainee's order from the call console")
                    .hasSize(3).allSatisfy(d -> {
                        assertThat(d.screen()).isEqualTo(DispatchOrdered.CALL_CONSOLE);
                        assertThat(d.reference()).isEqualTo("CALL-42");
                        assertThat(d.kind()).isEqualTo("FIRE");
                        assertThat(d.ward()).isEqualTo("shibuya");
                        assertThat(d.incident()).isEqualTo(opened.incidentId());
                    })
                    .extracting(DispatchOrdered::unitType).containsExactlyInAnyOrder(ResponderType.FIRE,
                            ResponderType.FIRE, ResponderType.AMBULANCE);

            assertThat(f.tickUntil(s -> f.events(ResponseUpdated.class).stream()
                    .anyMatch(r -> r.state().equals("ON_SCENE")), 3600)).isTrue();
            List<ResponseUpdated> updates = f.events(ResponseUpdated.class);
            assertThat(updates).allSatisfy(u -> assertThat(u.reference()).isEqualTo("CALL-42"));
            assertThat(updates).extracting(ResponseUpdated::unitId).containsAll(result.unitIds());
            ResponseUpdated onScene = updates.stream().filter(u -> u.state().equals("ON_SCENE")).findFirst()
                    .orElseThrow();
            assertThat(onScene.position().distanceMeters(scene)).isLessThan(400);
            // Moving units report where they are on the way, not only their state changes.
            long enRouteFixes = updates.stream().filter(u -> u.state().equals("EN_ROUTE")).count();
            assertThat(enRouteFixes).isGreaterThan(3);
        }
    }

    @Test
    void aDispatchTypedInTheControlRoomIsPostedAsTheTraineesOrder() {
        try (SimFixture f = new SimFixture(33, SimFixture.quiet(false))) {
            String incident = f.apply(f.sim.createIncident(IncidentKind.FIRE, new LatLon(35.6595, 139.7005), 2,
                    null)).incidentId();
            assertThat(f.events(DispatchOrdered.class)).isEmpty();
            CommandResult sent = f.apply(f.sim.execute(new DispatchCommand.Dispatch(UnitType.FIRE, 1, incident)));
            assertThat(sent.done()).as(sent.message()).isTrue();
            DispatchOrdered order = f.events(DispatchOrdered.class).get(0);
            assertThat(order.screen()).isEqualTo(DispatchOrdered.CONTROL_ROOM);
            assertThat(order.unitType()).isEqualTo(ResponderType.FIRE);
            assertThat(order.unitId()).isEqualTo(sent.unitIds().get(0));
            assertThat(order.incident()).isEqualTo(incident);
            assertThat(order.kind()).isEqualTo("FIRE");
            assertThat(order.reference()).isNull();
            assertThat(order.ward()).isEqualTo("shibuya");
        }
    }

    @Test
    void natureWordsChooseTheKind() {
        assertThat(IncidentKind.fromNature("Guy waving a KNIFE at people")).isEqualTo(IncidentKind.WEAPON);
        assertThat(IncidentKind.fromNature("fight outside the bar")).isEqualTo(IncidentKind.VIOLENCE);
        assertThat(IncidentKind.fromNature("smoke from the third floor")).isEqualTo(IncidentKind.FIRE);
        assertThat(IncidentKind.fromNature("two cars crash at the junction")).isEqualTo(IncidentKind.ACCIDENT);
        assertThat(IncidentKind.fromNature("people trapped in a collapsed building"))
                .isEqualTo(IncidentKind.EARTHQUAKE);
        assertThat(IncidentKind.fromNature("my father collapsed and is not breathing"))
                .isEqualTo(IncidentKind.MEDICAL);
        assertThat(IncidentKind.fromNature("noisy neighbours")).isEqualTo(IncidentKind.GENERAL);
        assertThat(new IncidentReport(null, new LatLon(35.7, 139.7), "fire", IncidentKind.MEDICAL, 3)
                .effectiveKind()).isEqualTo(IncidentKind.MEDICAL);
    }
}
