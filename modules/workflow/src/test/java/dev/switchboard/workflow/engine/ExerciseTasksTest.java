package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.exercise.CallRequested;
import dev.switchboard.core.exercise.CrisisRequested;
import dev.switchboard.core.exercise.RequestHandled;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.incident.DispatchOrdered;
import dev.switchboard.core.incident.ResponderType;
import dev.switchboard.workflow.model.RunState;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseTasksTest {

    @TempDir
    Path dir;
    EngineFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void requestsAreRepeatedUntilACapabilityAnswersAndTheRunRecordsTheSession() throws Exception {
        f = new EngineFixture(dir);
        var def = f.read("""
                id: ex
                name: Ex
                kind: exercise
                inputs: {trainee: {type: string, default: yui}}
                tasks:
                  - {id: quake, type: city.scenario, with: {scenario: earthquake}}
                  - {id: ring, type: call.ring, dependsOn: [quake], with: {scenario: fire-gas-leak}}
                """);
        f.bus.subscribe(CrisisRequested.class, r -> f.bus.publish(new RequestHandled(r.requestId(), "city-1", true,
                "started")));
        String run = f.engine.start(def, Map.of(), "ines", null);
        assertThat(f.settle(run)).isEqualTo(RunState.WAITING_FOR_EVENT);
        for (int i = 0; i < 400 && !f.task(run, "quake").state().terminal(); i++) {
            Thread.sleep(10);
        }
        assertThat(f.task(run, "quake").outputJson()).contains("city-1");
        f.bus.subscribe(CallRequested.class, r -> f.bus.publish(new RequestHandled(r.requestId(), "call-9", true,
                "rang for " + r.trainee())));
        f.clock.advance(java.time.Duration.ofSeconds(5));
        assertThat(f.engine.ended(run).get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
        assertThat(f.task(run, "ring").outputJson()).contains("call-9").contains("rang for yui");
        assertThat(f.engine.store().linkedSessions(run)).containsExactly("city-1", "call-9");
    }

    @Test
    void anExerciseWaitsForTheTraineesDispatchWhicheverScreenItCameFrom() throws Exception {
        f = new EngineFixture(dir);
        var def = f.read("""
                id: sent
                name: Sent
                tasks:
                  - id: fire
                    type: wait.event
                    with: {event: dispatch.ordered, where: "event.unitType == 'FIRE'", timeout: 3m, onTimeout: continue}
                  - id: police
                    type: wait.event
                    with: {event: dispatch.ordered, where: "event.unitType == 'POLICE'", timeout: 3m,
                           onTimeout: continue}
                """);
        String run = f.engine.start(def, Map.of(), "ines", null);
        assertThat(f.settle(run)).isEqualTo(RunState.WAITING_FOR_EVENT);
        for (int i = 0; i < 400 && !(f.task(run, "police").state().code().equals("WaitingForEvent")
                && f.task(run, "fire").state().code().equals("WaitingForEvent")); i++) {
            Thread.sleep(10);
        }
        f.bus.publish(order("AMB-1", ResponderType.AMBULANCE, DispatchOrdered.CONTROL_ROOM));
        f.bus.publish(order("FIRE-3", ResponderType.FIRE, DispatchOrdered.CONTROL_ROOM));
        f.bus.publish(order("POLICE-2", ResponderType.POLICE, DispatchOrdered.CALL_CONSOLE));
        assertThat(f.engine.ended(run).get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
        assertThat(f.task(run, "fire").outputJson()).contains("\"matched\":true").contains("FIRE-3")
                .contains("control-room");
        assertThat(f.task(run, "police").outputJson()).contains("\"matched\":true").contains("POLICE-2")
                .contains("call-console");
    }

    private static DispatchOrdered order(String unit, ResponderType type, String screen) {
        return new DispatchOrdered(new SessionId("city-1"), "INC-1", null, "FIRE", "sumida", unit, type, screen,
                java.time.Instant.now());
    }
}
