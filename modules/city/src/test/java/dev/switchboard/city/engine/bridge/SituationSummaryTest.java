package dev.switchboard.city.engine.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.city.model.CriticalEvent;
import dev.switchboard.city.model.EventType;
import dev.switchboard.core.geo.LatLon;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SituationSummaryTest {

    private static long ids;

    private static CriticalEvent event(EventType type, String ward, long sensor, double score) {
        return new CriticalEvent(ids++, type, sensor, new LatLon(35.66, 139.70), ward, score, 0.9, 0.9, 1_000,
                "test");
    }

    @Test
    void groupsByWardAndTypeBestFirstWithSensorCountsAndEscalation() {
        List<CriticalEvent> events = List.of(
                event(EventType.VIOLENCE, "shibuya", 2_000_001, 0.91),
                event(EventType.WEAPON, "shibuya", 2_000_001, 0.97),
                event(EventType.WEAPON, "shibuya", 2_000_002, 0.95),
                event(EventType.WEAPON, "shibuya", 2_000_003, 0.93),
                event(EventType.WEAPON, "shibuya", 2_000_003, 0.90),
                event(EventType.FIRE, "minato-ku", 3_000_500, 0.88),
                event(EventType.TRAFFIC_ACCIDENT, "ota", 1_000_001, 0.80));

        String summary = SituationSummary.of(events, 20);

        assertThat(summary).isEqualTo("""
                Situation: 7 critical events in 4 groups.
                1. Weapon confirmed in Shibuya (3 cameras, score 0.97)
                2. Violence detected in Shibuya (1 camera, score 0.91)
                3. Fire reported in Minato Ku (1 station, score 0.88)
                4. Traffic accident in Ota (1 vehicle, score 0.80)
                Escalation 1.0 of 1.0.""");
    }

    @Test
    void coversOnlyTheBestLimitEventsAndUsesGivenWardNames() {
        List<CriticalEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(event(EventType.GATHERING, "shibuya", 2_000_000 + i, 0.50 + i * 0.01));
        }
        events.add(event(EventType.EARTHQUAKE, "koto", 3_000_001, 0.45));

        String summary = SituationSummary.of(events, 20, Map.of("shibuya", "Shibuya 渋谷区")::get);

        assertThat(summary).startsWith("Situation: 20 critical events in 1 group.\n"
                + "1. Crowd gathering in Shibuya 渋谷区 (20 cameras, score 0.79)");
        assertThat(summary).doesNotContain("Earthquake").endsWith("Escalation 0.8 of 1.0.");
    }

    @Test
    void nothingToReport() {
        assertThat(SituationSummary.of(List.of(), 20)).isEqualTo("No critical events.");
    }
}
