package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.city.engine.pipeline.Districts;
import dev.switchboard.city.engine.pipeline.EventPipeline;
import dev.switchboard.city.engine.pipeline.PipelineConfig;
import dev.switchboard.city.engine.sim.CitySimulation;
import dev.switchboard.city.engine.sim.EarthquakeScenario;
import dev.switchboard.city.engine.sim.IncidentKind;
import dev.switchboard.city.engine.sim.RuleCoordinator;
import dev.switchboard.city.engine.sim.Scenarios;
import dev.switchboard.city.engine.sim.SimulationConfig;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.time.SimClock;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.CityPacks;
import dev.switchboard.review.engine.SessionLog;
import dev.switchboard.review.model.TimelineItem;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.eventlog.EventLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A control-room exercise as Review and the PDF show it: every moment of its timeline reads as a sentence, with no
 * entry codes, no {@code key=value} lists and no JSON. The exercise is a real simulation of Tokyo with the earthquake
 * crisis and autopilot on, logged to a real event log, so every kind of entry the control room writes in such an
 * exercise (start, crisis, recommendations, dispatches, units, patients) is read back.
 */
class ControlRoomTimelineTest {

    private static final SessionId SESSION = new SessionId("city-timeline");

    @TempDir
    Path tmp;

    @Test
    void everyMomentOfAControlRoomExerciseReadsAsASentence() {
        CityPack pack = CityPacks.tokyo();
        SimClock clock = new SimClock(Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC));
        SimulationConfig config = SimulationConfig.defaults().withEventsPerTick(500).withAutopilot(true);
        List<TimelineItem> timeline;
        try (Database db = Database.open(DataDir.of(tmp)); EventLog log = new EventLog(db, Clock.systemUTC());
             EventBus bus = new EventBus()) {
            EventPipeline pipeline = new EventPipeline(PipelineConfig.defaults().withSeed(7)
                    .withMaxEventsPerTick(config.eventsPerTick()), Districts.fromWards(pack.wards()));
            CitySimulation sim = new CitySimulation(pack, pipeline, new RuleCoordinator(pack), clock, bus, log,
                    SESSION, 7, config);
            sim.startScenario(Scenarios.byName(EarthquakeScenario.NAME).orElseThrow());
            sim.createIncident(IncidentKind.MEDICAL, new LatLon(35.6896, 139.7006), 2, "Man collapsed at the station");
            for (int t = 0; t < 2 * 3600; t++) {
                sim.tick(Duration.ofSeconds(1));
            }
            sim.flush();
            sim.close();
            timeline = SessionLog.parse(log.read(SESSION, 1, 1_000_000)).timeline();
        }

        List<String> labels = timeline.stream().map(TimelineItem::label).toList();
        assertThat(labels).contains("Control room started on Tokyo: 500 sensor events a tick, rules coordinator, "
                + "autopilot on");
        assertThat(labels).anyMatch(l -> l.startsWith("Crisis started: "));
        assertThat(labels).anyMatch(l -> l.startsWith("Crisis event: "));
        assertThat(labels).anyMatch(l -> l.matches("Recommended: send [A-Z][a-z]+ \\d+ to INC-\\d+, about .+ away"));
        assertThat(labels).anyMatch(l -> l.matches("Ambulance \\d+ is taking a patient from INC-\\d+ to hospital"));
        assertThat(labels).anyMatch(l -> l.matches("Ambulance \\d+ brought a patient from INC-\\d+ to hospital"));
        assertThat(labels).contains("Control room stopped");
        assertThat(labels).allSatisfy(l -> assertThat(l)
                .doesNotContainPattern("[a-zA-Z]+=")
                .doesNotContain("{", "city.", "_", "seed")
                .isNotBlank());
    }
}
