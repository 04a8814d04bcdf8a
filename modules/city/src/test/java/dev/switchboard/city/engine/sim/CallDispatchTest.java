package dev.switchboard.city.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.incident.DispatchAnswered;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.core.incident.ResponderType;
import dev.switchboard.core.incident.ResponseUpdated;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A call dispatched from the console always gets an answer from the control room, whatever else runs: the units
 * it sent, or which asked type has nobody free, which is then sent as soon as one comes free.
 */
class CallDispatchTest {

    private static final LatLon SUMIDA = new LatLon(35.7101, 139.8107);

    private static IncidentCreated call(String reference, ResponderType... units) {
        return new IncidentCreated(new SessionId("call-" + reference), reference, "MED-FALL", "Elderly fall", 2,
                SUMIDA, "sumida", "2-3-8 Kyojima", List.of(units), Instant.now());
    }

    @Test
    void duringTheEarthquakeACallsUnitsAreSentAndReportBackWithAnEta() {
        try (SimFixture f = new SimFixture(42, SimulationConfig.defaults().withEventsPerTick(2_000)
                .withAutopilot(true))) {
            f.apply(f.sim.startScenario(Scenarios.byName("earthquake").orElseThrow()));
            for (int i = 0; i < 180; i++) {
                f.tick();
            }
            CommandResult r = f.apply(f.sim.reportCall(call("CALL-Q", ResponderType.AMBULANCE,
                    ResponderType.POLICE)));
            assertThat(r.done()).isTrue();
            DispatchAnswered answer = f.events(DispatchAnswered.class).get(0);
            assertThat(answer.reference()).isEqualTo("CALL-Q");
            // Every asked unit is either on its way now or named as waiting for a free one.
            assertThat(answer.sentUnits().size() + answer.waiting().size()).isEqualTo(2);
            assertThat(f.tickUntil(s -> f.events(ResponseUpdated.class).stream()
                    .map(ResponseUpdated::unitType).distinct().count() == 2, 3_600)).as("both types answer").isTrue();
            ResponseUpdated moving = f.events(ResponseUpdated.class).stream()
                    .filter(u -> u.state().equals("EN_ROUTE")).findFirst().orElseThrow();
            assertThat(moving.etaSeconds()).isPositive();
        }
    }

    @Test
    void aTypeWithNobodyFreeIsSaidAndTheFirstToComeFreeIsSent() {
        try (SimFixture f = new SimFixture(33, SimFixture.quiet(false))) {
            // Tokyo's fleet has two ambulances: the first call takes both.
            CommandResult first = f.apply(f.sim.reportCall(call("CALL-1", ResponderType.AMBULANCE,
                    ResponderType.AMBULANCE)));
            assertThat(first.unitIds()).hasSize(2);

            CommandResult second = f.apply(f.sim.reportCall(call("CALL-2", ResponderType.AMBULANCE)));
            assertThat(second.unitIds()).isEmpty();
            assertThat(second.message()).contains("waiting for a free ambulance");
            DispatchAnswered answer = f.events(DispatchAnswered.class).stream()
                    .filter(a -> a.reference().equals("CALL-2")).findFirst().orElseThrow();
            assertThat(answer.sentUnits()).isEmpty();
            assertThat(answer.waiting()).containsExactly(ResponderType.AMBULANCE);

            assertThat(f.tickUntil(s -> f.events(ResponseUpdated.class).stream()
                    .anyMatch(u -> u.reference().equals("CALL-2")), 7_200))
                    .as("an ambulance is sent to the waiting call once one is free").isTrue();
        }
    }
}
