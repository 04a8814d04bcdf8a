package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.exercise.CallRequested;
import dev.switchboard.core.exercise.CrisisRequested;
import dev.switchboard.core.exercise.RequestHandled;
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
}
